/**
 * Every report of content/reports/<id>/ (received.txt, report.json, corrections.json, meta.json), validated and
 * indexed: all reports newest first, any block by id site-wide, and the report a block belongs to. Read with
 * node:fs from the project root (SHUSHUO_ROOT, else the working directory), as the datasets are, so builds, tests
 * and editor scripts see the same reports. Bad input fails naming the file and field.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import { SLUG, ID_RULES } from './ids.ts';
import { REPORT_FILES, reportSchema, type Block, type ReportFileName, type Section } from './report-schema.ts';
import { correctionsSchema, type Corrections } from './corrections-schema.ts';
import { reportMetaSchema, type ReportMeta } from './report-meta-schema.ts';
import { JsonSyntaxError, lineColumn, parseJsonSource, type JsonDocument } from './json-source.ts';

export type { Block, Section } from './report-schema.ts';
export type { Corrections } from './corrections-schema.ts';
export type { ReportMeta } from './report-meta-schema.ts';

/** The folder, under the project root, that holds one folder per report. */
export const REPORTS_DIR = 'content/reports';

export interface Report {
  /** The folder name, e.g. "longcheng-2021-09". */
  id: string;
  meta: ReportMeta;
  sections: Section[];
  corrections: Corrections;
  /** The text exactly as received. */
  received: string;
}

/** One thing wrong with a report folder: the file (from the project root), the JSON path, what and how to fix. */
export interface ReportProblem {
  file: string;
  /** Where in the file, when the file could be read (1-based; columns count characters). */
  line?: number;
  column?: number;
  path: string;
  message: string;
  fix: string;
}

export interface ReportFiles {
  id: string;
  /** Raw text of each file, keyed by file name; a missing file is undefined. */
  texts: Partial<Record<ReportFileName, string>>;
}

const schemas = {
  'meta.json': reportMetaSchema,
  'report.json': reportSchema,
  'corrections.json': correctionsSchema,
} as const;

function pathOf(path: readonly PropertyKey[]): string {
  return (
    path.reduce<string>(
      (out, k) => (typeof k === 'number' ? `${out}[${k}]` : out ? `${out}.${String(k)}` : String(k)),
      '',
    ) || '(top level)'
  );
}

/** Parses and checks report folders; returns the reports (newest first) and every problem, each naming its file. */
export function checkReports(folders: readonly ReportFiles[]): { reports: Report[]; problems: ReportProblem[] } {
  const problems: ReportProblem[] = [];
  const reports: Report[] = [];
  const owner = new Map<string, string>();
  const docs = new Map<string, { text: string; doc: JsonDocument }>();
  /** The line and column of a JSON path in a file that was read. */
  const place = (file: string, path: readonly (string | number)[]) => {
    const read = docs.get(file);
    return read ? lineColumn(read.text, read.doc.locate(path).start) : {};
  };
  for (const { id, texts } of folders) {
    const at = (name: string) => `${REPORTS_DIR}/${id}/${name}`;
    if (!SLUG.test(id)) {
      problems.push({
        file: `${REPORTS_DIR}/${id}`,
        path: '(folder name)',
        message: `"${id}" is not a report id`,
        fix: `rename the folder: ${ID_RULES.slug}`,
      });
      continue;
    }
    const parsed: Partial<Record<keyof typeof schemas, unknown>> = {};
    for (const name of Object.keys(schemas) as (keyof typeof schemas)[]) {
      const text = texts[name];
      if (text === undefined) {
        problems.push({
          file: at(name),
          path: '(file)',
          message: 'is missing',
          fix: `every report folder holds ${REPORT_FILES.join(', ')}`,
        });
        continue;
      }
      let doc: JsonDocument;
      try {
        doc = parseJsonSource(text);
      } catch (error) {
        if (!(error instanceof JsonSyntaxError)) throw error;
        problems.push({
          file: at(name),
          ...lineColumn(text, error.offset),
          path: '(file)',
          message: `malformed JSON: ${error.message}`,
          fix: error.fix,
        });
        continue;
      }
      docs.set(at(name), { text, doc });
      const result = (schemas[name] as z.ZodType).safeParse(doc.value);
      if (result.success) parsed[name] = result.data;
      else
        for (const issue of result.error.issues)
          problems.push({
            file: at(name),
            ...place(at(name), issue.path as (string | number)[]),
            path: pathOf(issue.path),
            message: issue.message,
            fix: 'see the other reports\u2019 files for the shape (npm run check:content explains each mistake)',
          });
    }
    if (texts['received.txt'] === undefined)
      problems.push({
        file: at('received.txt'),
        path: '(file)',
        message: 'is missing',
        fix: 'keep the text exactly as received beside the cleaned report',
      });
    const body = parsed['report.json'] as z.infer<typeof reportSchema> | undefined;
    body?.sections.forEach((section, s) =>
      section.blocks.forEach((block, b) => {
        const first = owner.get(block.id);
        if (first)
          problems.push({
            file: at('report.json'),
            ...place(at('report.json'), ['sections', s, 'blocks', b, 'id']),
            path: `sections[${s}].blocks[${b}].id`,
            message: `block id "${block.id}" is already used in ${first}`,
            fix: `paragraph ids are unique across all reports; prefix this report's ids with its id ("${id}-…")`,
          });
        else owner.set(block.id, at('report.json'));
      }),
    );
    if (body && parsed['meta.json'] && parsed['corrections.json'] && texts['received.txt'] !== undefined)
      reports.push({
        id,
        meta: parsed['meta.json'] as ReportMeta,
        sections: body.sections,
        corrections: parsed['corrections.json'] as Corrections,
        received: texts['received.txt'],
      });
  }
  reports.sort((a, b) => b.meta.key.localeCompare(a.meta.key) || a.id.localeCompare(b.id));
  return { reports, problems };
}

/** Reads every report folder under a project root. */
export function readReportFolders(root: string): ReportFiles[] {
  const dir = join(root, REPORTS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((id) => {
      const texts: ReportFiles['texts'] = {};
      for (const name of REPORT_FILES) {
        const file = join(dir, id, name);
        if (existsSync(file)) texts[name] = readFileSync(file, 'utf8');
      }
      return { id, texts };
    });
}

/** Formats problems one a line: `file:line:column: path: message — fix` (`file: path: …` for a missing file). */
export function formatReportProblems(problems: readonly ReportProblem[]): string {
  return problems
    .map((p) => `${p.file}${p.line ? `:${p.line}:${p.column}` : ''}: ${p.path}: ${p.message} — ${p.fix}`)
    .join('\n');
}

interface Index {
  root: string;
  reports: Report[];
  blocks: Map<string, { block: Block; section: Section; report: Report }>;
}
let cache: Index | undefined;

function index(): Index {
  const root = process.env.SHUSHUO_ROOT ?? process.cwd();
  if (cache?.root === root) return cache;
  const { reports, problems } = checkReports(readReportFolders(root));
  if (problems.length)
    throw new Error(
      `The reports in ${REPORTS_DIR}/ have ${problems.length} problem(s):\n${formatReportProblems(problems)}`,
    );
  const blocks: Index['blocks'] = new Map();
  for (const report of reports)
    for (const section of report.sections)
      for (const block of section.blocks) blocks.set(block.id, { block, section, report });
  cache = { root, reports, blocks };
  return cache;
}

/** Returns every report, newest first. */
export function allReports(): Report[] {
  return index().reports;
}

/** Returns the report with this id, or undefined. */
export function getReport(id: string): Report | undefined {
  return index().reports.find((r) => r.id === id);
}

/** Returns the ids of every report, newest first. */
export function reportIds(): string[] {
  return index().reports.map((r) => r.id);
}

/** Returns the block with this id in any report, with its section and report id, or undefined. */
export function findBlock(id: string): { block: Block; section: Section; report: string } | undefined {
  const found = index().blocks.get(id);
  return found && { block: found.block, section: found.section, report: found.report.id };
}

/** Returns the id of the report a block belongs to, or undefined when no report has it. */
export function reportOf(blockId: string): string | undefined {
  return index().blocks.get(blockId)?.report.id;
}

/** Returns every block id of one report (or of all reports, newest report first) in printed order. */
export function blockIds(reportId?: string): string[] {
  return [...index().blocks.entries()].filter(([, v]) => !reportId || v.report.id === reportId).map(([id]) => id);
}

/** Returns the repairs and doubts that touch any of these block ids (their reports' global repairs included). */
export function correctionsFor(ids: readonly string[]) {
  const wanted = new Set(ids);
  const reports = new Set(ids.map(reportOf).filter((r) => r !== undefined));
  const logs = index()
    .reports.filter((r) => reports.has(r.id))
    .map((r) => r.corrections);
  return {
    repairs: logs.flatMap((c) => c.repairs.filter((r) => r.paragraph === '*' || wanted.has(r.paragraph))),
    noted: logs.flatMap((c) => c.noted.filter((n) => wanted.has(n.paragraph))),
  };
}
