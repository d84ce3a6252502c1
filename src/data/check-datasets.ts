/**
 * Pure checks of datasets against the report: structure (zod), provenance (quote in paragraph, value in quote),
 * derived values (formula re-computed), ids, units and stories; and coverage (every number in the report is held
 * by a dataset row or listed as not data). Nothing here reads files: callers pass parsed objects and the report.
 */
import { z } from 'astro/zod';
import { datasetSchema, rowSchema, type Dataset, type Row } from './dataset-schema.ts';
import { checkSource } from './provenance.ts';
import { checkDerived } from './formulas.ts';

export interface CheckContext {
  /** Paragraph id → cleaned text, of every report in content/reports/. */
  paragraphs: ReadonlyMap<string, string>;
  /** The report each paragraph belongs to, and the known report ids; without them, reports are not checked. */
  reports?: { of: (paragraph: string) => string | undefined; ids: readonly string[] };
  /** Ids of the stories in content/stories/. */
  stories: readonly string[];
}

export interface DatasetInput {
  /** The path shown in messages, e.g. content/data/restructuring.json. */
  file: string;
  /** The raw text of the file. */
  text: string;
}

export interface CheckResult {
  datasets: Dataset[];
  errors: string[];
  /** Rows whose value was checked against a quote or re-computed. */
  valuesChecked: number;
}

/** Parses JSON, turning a syntax error into a message with line and column. */
export function parseJson(file: string, text: string): { data?: unknown; error?: string } {
  try {
    return { data: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    let where = message.match(/line (\d+) column (\d+)/);
    if (!where) {
      const pos = message.match(/position (\d+)/);
      const offset = pos ? Number(pos[1]) : text.length;
      const before = text.slice(0, offset).split('\n');
      where = ['', String(before.length), String(before.at(-1)!.length + 1)] as unknown as RegExpMatchArray;
    }
    const reason = message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
    return {
      error: `${file}:${where[1]}:${where[2]}: malformed JSON: ${reason} (line ${where[1]}, column ${where[2]}); the file must be valid JSON`,
    };
  }
}

/** Formats a JSON path such as rows[2].source.quote. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out || '(top level)';
}

const issueError = (iss: { code: string; input?: unknown; expected?: string }) =>
  iss.code === 'invalid_type' && iss.input === undefined
    ? `is missing (required field${iss.expected ? `, ${iss.expected}` : ''})`
    : undefined;

function zodMessages(file: string, error: z.ZodError, data: unknown, prefix: PropertyKey[] = []): string[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path];
    return `${file}: ${formatPath(path)}: ${rowNote(data, path)}${issue.message}`;
  });
}

/** Names the row an issue is in, so an editor can find it by id as well as by index. */
function rowNote(data: unknown, path: readonly PropertyKey[]): string {
  if (path[0] !== 'rows' || typeof path[1] !== 'number') return '';
  const row = (data as { rows?: { id?: unknown }[] })?.rows?.[path[1]];
  return typeof row?.id === 'string' ? `(row "${row.id}") ` : '';
}

/** Checks parsed datasets; every problem is collected, each naming file, JSON path and reason. */
export function checkDatasets(inputs: readonly { file: string; data: unknown }[], ctx: CheckContext): CheckResult {
  const errors: string[] = [];
  const datasets: Dataset[] = [];
  // Rows that passed the schema, by "dataset/row", for derived inputs across datasets.
  const goodRows = new Map<string, { row: Row; file: string }>();
  const perFile: { file: string; id: string; rows: { row: Row; index: number }[]; report?: string }[] = [];
  let valuesChecked = 0;

  for (const { file, data } of inputs) {
    const expectedId = file
      .split('/')
      .pop()!
      .replace(/\.json$/, '');
    const parsed = datasetSchema.safeParse(data, { error: issueError });
    if (parsed.success) datasets.push(parsed.data as Dataset);
    else errors.push(...zodMessages(file, parsed.error, data));

    const obj = (data ?? {}) as Record<string, unknown>;
    if (typeof obj.id === 'string' && obj.id !== expectedId) {
      errors.push(
        `${file}: id: "${obj.id}" does not match the file name ${expectedId}.json; rename the file or change the id so they agree`,
      );
    }
    if (Array.isArray(obj.stories)) {
      obj.stories.forEach((story, i) => {
        if (typeof story === 'string' && !ctx.stories.includes(story)) {
          errors.push(
            `${file}: stories[${i}]: "${story}" is not a story; stories are ${ctx.stories.join(', ')} (files in content/stories/)`,
          );
        }
      });
    }
    const report = typeof obj.report === 'string' ? obj.report : undefined;
    if (report && ctx.reports && !ctx.reports.ids.includes(report))
      errors.push(
        `${file}: report: "${report}" is not a report; reports are ${ctx.reports.ids.join(', ')} (folders in content/reports/)`,
      );
    const rows: { row: Row; index: number }[] = [];
    if (Array.isArray(obj.rows)) {
      const seen = new Map<string, number>();
      obj.rows.forEach((raw, index) => {
        const id = (raw as { id?: unknown })?.id;
        if (typeof id === 'string') {
          if (seen.has(id))
            errors.push(
              `${file}: rows[${index}].id: "${id}" is already the id of rows[${seen.get(id)}]; row ids must be unique in a dataset`,
            );
          else seen.set(id, index);
        }
        const row = rowSchema.safeParse(raw);
        if (row.success) {
          rows.push({ row: row.data as Row, index });
          if (!goodRows.has(`${expectedId}/${row.data.id}`))
            goodRows.set(`${expectedId}/${row.data.id}`, { row: row.data as Row, file });
        }
      });
    }
    perFile.push({ file, id: expectedId, rows, report });
  }

  for (const { file, id, rows, report } of perFile) {
    for (const { row, index } of rows) {
      const at = `${file}: rows[${index}]`;
      const owner = row.source && ctx.reports?.of(row.source.paragraph);
      if (row.source && report && owner && owner !== report) {
        errors.push(
          `${at}.source.paragraph: (row "${row.id}") "${row.source.paragraph}" is a paragraph of report "${owner}", not of this dataset's report "${report}"; quote ${report} or move the row to a dataset of ${owner}`,
        );
      } else if (row.source) {
        const found = checkSource(row, ctx.paragraphs);
        if (found) errors.push(`${at}.${found.field}: (row "${row.id}") ${found.reason}`);
        else valuesChecked++;
      } else if (row.derived) {
        const problem = checkDerived(row, id, goodRows);
        if (problem) errors.push(`${at}.${problem.field}: (row "${row.id}") ${problem.reason}`);
        else valuesChecked++;
      }
    }
  }
  return { datasets, errors, valuesChecked };
}

/** Parses and checks raw dataset files. */
export function checkDatasetTexts(inputs: readonly DatasetInput[], ctx: CheckContext): CheckResult {
  const errors: string[] = [];
  const parsed: { file: string; data: unknown }[] = [];
  for (const { file, text } of inputs) {
    const result = parseJson(file, text);
    if (result.error) errors.push(result.error);
    else parsed.push({ file, data: result.data });
  }
  const checked = checkDatasets(parsed, ctx);
  return { ...checked, errors: [...errors, ...checked.errors] };
}
