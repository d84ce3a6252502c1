/**
 * Every report of content/reports/<id>/ (received.txt, report.json, corrections.json, meta.json, and its
 * key-figures.json when it has one), validated and indexed: all reports newest first, any block by id site-wide,
 * and the report a block belongs to. Read with node:fs from the project root (SHUSHUO_ROOT, else the working
 * directory), as the datasets are, so builds, tests and editor scripts see the same reports; `npm run dev` reads
 * them again once one of their files changed. Bad input fails naming the file and field, as the content check does.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { OPTIONAL_REPORT_FILES, REPORT_FILES, type Block, type ReportFileName, type Section } from './report-schema.ts';
import type { Corrections } from './corrections-schema.ts';
import type { ReportMeta } from './report-meta-schema.ts';
import type { KeyFigureRef } from './key-figures-schema.ts';
import { readReportFolder } from './check-report-files.ts';
import { folderStamp } from './folder-stamp.ts';
import { placeProblem } from './check-datasets.ts';
import { problemLine, sortProblems, type Problem } from './diagnostics.ts';

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
  /** The figures chosen for the home page and the report's strip (key-figures.json); none when it has no such file. */
  keyFigures: KeyFigureRef[];
}

export interface ReportFiles {
  id: string;
  /** Raw text of each file, keyed by file name; a missing file is undefined. */
  texts: Partial<Record<ReportFileName, string>>;
}

/**
 * Parses and checks report folders; returns the reports (newest first) and every problem, each at its place in its
 * file. Each folder's files are checked by the content check's own rule (readReportFolder); a paragraph id is
 * checked here across every report, as the index of blocks needs.
 */
export function checkReports(folders: readonly ReportFiles[]): { reports: Report[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const reports: Report[] = [];
  const owner = new Map<string, string>();
  for (const { id, texts } of folders) {
    const prefix = `${REPORTS_DIR}/${id}/`;
    const { problems: own, files } = readReportFolder(id, (path) =>
      path.startsWith(prefix) ? texts[path.slice(prefix.length) as ReportFileName] : undefined,
    );
    problems.push(...own);
    const body = files['report.json'];
    body?.data?.sections.forEach((section, s) =>
      section.blocks.forEach((block, b) => {
        const first = owner.get(block.id);
        if (first)
          problems.push(
            placeProblem(`${prefix}report.json`, body.text, body.doc, {
              kind: 'duplicate-id',
              path: ['sections', s, 'blocks', b, 'id'],
              message: `block id "${block.id}" is already used in ${first}`,
              fix: `paragraph ids are unique across all reports; prefix this report's ids with its id ("${id}-…")`,
            }),
          );
        else owner.set(block.id, `${prefix}report.json`);
      }),
    );
    const meta = files['meta.json']?.data;
    const corrections = files['corrections.json']?.data;
    const received = files['received.txt'];
    // key-figures.json is optional, but one that is there must be read whole.
    const keyFigures = texts['key-figures.json'] === undefined ? [] : files['key-figures.json']?.data?.figures;
    if (body?.data && meta && corrections && received !== undefined && keyFigures)
      reports.push({
        id,
        meta,
        sections: body.data.sections,
        corrections,
        received,
        keyFigures,
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
      for (const name of [...REPORT_FILES, ...OPTIONAL_REPORT_FILES]) {
        const file = join(dir, id, name);
        if (existsSync(file)) texts[name] = readFileSync(file, 'utf8');
      }
      return { id, texts };
    });
}

/** Formats problems one a line, as the content check prints them: `file:line:column: 名称：what — fix`. */
export function formatReportProblems(problems: readonly Problem[]): string {
  return sortProblems(problems).map(problemLine).join('\n');
}

interface Index {
  key: string;
  reports: Report[];
  blocks: Map<string, { block: Block; section: Section; report: Report }>;
}
let cache: Index | undefined;

function index(): Index {
  const root = process.env.SHUSHUO_ROOT ?? process.cwd();
  // A build reads the reports once; `npm run dev` reads them again when a file of theirs changed (folder-stamp.ts).
  const key = import.meta.env?.DEV ? `${root}\n${folderStamp(join(root, REPORTS_DIR), 1)}` : root;
  if (cache?.key === key) return cache;
  const { reports, problems } = checkReports(readReportFolders(root));
  if (problems.length)
    throw new Error(
      `The reports in ${REPORTS_DIR}/ have ${problems.length} problem(s):\n${formatReportProblems(problems)}`,
    );
  const blocks: Index['blocks'] = new Map();
  for (const report of reports)
    for (const section of report.sections)
      for (const block of section.blocks) blocks.set(block.id, { block, section, report });
  cache = { key, reports, blocks };
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
