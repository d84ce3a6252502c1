/**
 * Pure checks of datasets against the report: structure (zod), provenance (quote in paragraph, value in quote),
 * derived values (formula re-computed), ids, units and stories. Nothing here reads files: callers pass the texts
 * and the report. Every problem is positioned at the JSON token it is about, and reported once: a row that is
 * broken is not reported again through the rows computed from it.
 */
import type { z } from 'astro/zod';
import { datasetSchema, derivedSchema, rowSchema, sourceSchema, type Dataset, type Row } from './dataset-schema.ts';
import { checkSource } from './provenance.ts';
import { checkDerived } from './formulas.ts';
import { JsonSyntaxError, lineColumn, parseJsonSource, type JsonDocument, type JsonPath } from './json-source.ts';
import { closest, didYouMean, problemLine, quoteDiff, type Problem } from './diagnostics.ts';
import { findNumberTypos, toHalfWidth } from './number-typos.ts';
import { UNIT_NAMES, isUnit } from './units.ts';
import type { MessageKindId } from './messages.ts';

export interface CheckContext {
  /** Paragraph id → cleaned text, from the reports. */
  paragraphs: ReadonlyMap<string, string>;
  /** Ids of the stories in content/stories/. */
  stories: readonly string[];
  /** The report each paragraph belongs to, and the report ids; without them, reports are not checked. */
  reports?: { of: (paragraph: string) => string | undefined; ids: readonly string[] };
}

export interface DatasetInput {
  /** The path shown in messages, e.g. content/data/restructuring.json. */
  file: string;
  /** The raw text of the file. */
  text: string;
}

export interface CheckResult {
  datasets: Dataset[];
  problems: Problem[];
  /** The problems as one line each (`file:line:column: …`). */
  errors: string[];
  /** Rows whose value was checked against a quote or re-computed. */
  valuesChecked: number;
  /** Ids of datasets whose file exists but could not be read whole: their rows are not "unknown" elsewhere. */
  broken: Set<string>;
  /** "dataset/row" of rows that exist but are wrong: whatever uses them is not checked again. */
  badRows: Set<string>;
  /** Rows that passed the schema, by "dataset/row". */
  goodRows: Map<string, { row: Row; file: string }>;
  /** Every row id written in each dataset file that could be read, right or wrong. */
  rowIds: Map<string, string[]>;
}

/** A problem placed by JSON path; `file` and `doc` turn it into line and column. */
export interface PathProblem {
  kind: MessageKindId;
  path: JsonPath;
  /** Point at the key rather than the value (an unknown field). */
  at?: 'key' | 'value';
  /** Mark a part of a string value: offset and length in the decoded string. */
  inString?: { index: number; length: number };
  /** Where to point when `path` does not exist (a missing qualifier points at the value it qualifies). */
  fallback?: JsonPath;
  message: string;
  fix: string;
  notes?: string[];
}

/** Positions a path problem in a file. */
export function placeProblem(file: string, text: string, doc: JsonDocument | undefined, p: PathProblem): Problem {
  let span = doc?.locate(p.path);
  if (span && !span.exact && p.fallback) {
    const other = doc!.locate(p.fallback);
    if (other.exact) span = other;
  }
  let offset = span ? (p.at === 'key' && span.keyStart !== undefined ? span.keyStart : span.start) : 0;
  let length = span ? (p.at === 'key' ? keyLength(text, offset) : span.end - span.start) : 1;
  if (span?.exact && p.inString && text[span.start] === '"') {
    const at = rawOffset(text, span.start, p.inString.index);
    offset = at;
    length = rawOffset(text, span.start, p.inString.index + p.inString.length) - at;
  }
  if (span && !span.exact) length = 1;
  const { line, column } = lineColumn(text, offset);
  const value = text.slice(offset, offset + length);
  return {
    kind: p.kind,
    file,
    line,
    column,
    length: Math.max(1, [...value.split('\n')[0]!].length),
    message: p.message,
    fix: p.fix,
    ...(p.notes?.length ? { notes: p.notes } : {}),
  };
}

function keyLength(text: string, at: number): number {
  const end = text.indexOf('"', at + 1);
  return end > at ? end - at + 1 : 1;
}

/** The offset in the file of character `index` of the JSON string starting (with its quote) at `start`. */
function rawOffset(text: string, start: number, index: number): number {
  let pos = start + 1;
  for (let i = 0; i < index && pos < text.length; i++) pos += text[pos] === '\\' ? (text[pos + 1] === 'u' ? 6 : 2) : 1;
  return pos;
}

/** Formats a JSON path such as rows[2].source.quote. */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out || '(top level)';
}

/** Turns a JSON syntax error into a problem at its place. */
export function syntaxProblem(file: string, text: string, error: JsonSyntaxError): Problem {
  const { line, column } = lineColumn(text, error.offset);
  const typo = /full-width|stray space/.test(error.message);
  return {
    kind: typo ? 'number-typo' : 'json-syntax',
    file,
    line,
    column,
    length: error.length,
    message: typo ? error.message : `${error.message} (the file is not valid JSON)`,
    fix: error.fix,
  };
}

/** Parses a JSON file, or returns the problem that stops it being read. */
export function readJson(file: string, text: string): { doc?: JsonDocument; problem?: Problem } {
  try {
    return { doc: parseJsonSource(text) };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { problem: syntaxProblem(file, text, error) };
    throw error;
  }
}

/** Kept for callers that want one line: `file:line:column: …`, or the parsed value. */
export function parseJson(file: string, text: string): { data?: unknown; error?: string } {
  const { doc, problem } = readJson(file, text);
  return problem ? { error: problemLine(problem) } : { data: doc!.value };
}

const valueAt = (data: unknown, path: JsonPath): unknown =>
  path.reduce<unknown>(
    (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k as string] : undefined),
    data,
  );

/** The fields a schema object at this path of a dataset accepts (for "did you mean" on an unknown field). */
function knownFields(path: JsonPath): string[] {
  const names = path.filter((k) => typeof k === 'string');
  const shape =
    names.length === 0
      ? datasetSchema.shape
      : names.length === 1 && names[0] === 'rows'
        ? rowSchema.shape
        : names.at(-1) === 'source'
          ? sourceSchema.shape
          : names.at(-1) === 'derived'
            ? derivedSchema.shape
            : {};
  return Object.keys(shape);
}

const rowName = (data: unknown, path: JsonPath) => {
  if (path[0] !== 'rows' || typeof path[1] !== 'number') return '';
  const id = (valueAt(data, ['rows', path[1]]) as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? ` (row "${id}")` : '';
};

/** Turns zod's issues into positioned problems in an editor's words. */
export function zodProblems(error: z.ZodError, data: unknown, prefix: JsonPath = []): PathProblem[] {
  const out: PathProblem[] = [];
  for (const issue of error.issues) {
    const path = [...prefix, ...(issue.path as (string | number)[])];
    const field = formatPath(path);
    const input = valueAt(data, path);
    const row = rowName(data, path);
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) {
        const known = knownFields(path);
        const near = closest(k, known);
        out.push({
          kind: 'unknown-field',
          path: [...path, k],
          at: 'key',
          message: `"${k}" is not a field of ${path.length ? formatPath(path) : 'a dataset'}${row}`,
          fix: near ? `did you mean "${near}"? Rename it` : `remove it; the fields are ${known.join(', ')}`,
        });
      }
      continue;
    }
    if (input === undefined && issue.code === 'invalid_type') {
      const name = String(path.at(-1));
      out.push({
        kind: 'missing-field',
        path,
        message: `${formatPath(path.slice(0, -1)) === '(top level)' ? 'the dataset' : formatPath(path.slice(0, -1))}${row} has no "${name}" (a required field, ${issue.expected})`,
        fix: `add "${name}": …`,
      });
      continue;
    }
    const last = path.at(-1);
    if (last === 'unit' && typeof input === 'string' && isUnit(toHalfWidth(input))) {
      out.push({
        kind: 'number-typo',
        path,
        message: `the unit "${input}" is written with full-width characters${row}`,
        fix: `write "${toHalfWidth(input)}"`,
      });
      continue;
    }
    if (last === 'unit' && typeof input === 'string') {
      const near = closest(input, UNIT_NAMES);
      out.push({
        kind: 'invalid-choice',
        path,
        message: `"${input}" is not a known unit${row}`,
        fix: near
          ? `did you mean "${near}"? Units are written as printed: ${UNIT_NAMES.join(' ')}`
          : `use one of ${UNIT_NAMES.join(' ')}, or add it to src/data/units.ts with its dimension`,
      });
      continue;
    }
    if (issue.code === 'invalid_value' && 'values' in issue) {
      const values = (issue.values as unknown[]).map(String);
      const near = typeof input === 'string' ? closest(input, values) : undefined;
      out.push({
        kind: 'invalid-choice',
        path,
        message: `${JSON.stringify(input)} is not one of the values of ${String(last)}${row}`,
        fix: near ? `did you mean "${near}"?` : `use one of: ${values.join(', ')}`,
      });
      continue;
    }
    if (issue.code === 'custom' && (last === 'source' || last === 'derived') && /source|derived/.test(issue.message)) {
      const both = /not both/.test(issue.message);
      out.push({
        kind: 'provenance',
        path: both ? path : path.slice(0, -1),
        at: both ? 'key' : 'value',
        message: both
          ? `row${row.replace(/^ \(row (.*)\)$/, ' $1')} has both source and derived`
          : `row${row.replace(/^ \(row (.*)\)$/, ' $1')} has neither source nor derived`,
        fix: both
          ? 'keep source when the report states the value, derived when the site computes it'
          : 'add "source": { "paragraph": …, "quote": … }, or for a computed value "derived": { "formula": …, "inputs": […] }',
      });
      continue;
    }
    // A number written as text: name a full-width digit or a unit inside it, and give the number to write.
    if (last === 'value' && typeof input === 'string' && /must be a number/.test(issue.message)) {
      const typo = findNumberTypos(input)[0];
      const digits = /^-?[\d.]+/.exec(toHalfWidth(input))?.[0];
      out.push({
        kind: typo ? 'number-typo' : 'wrong-value',
        path,
        message: typo
          ? `${typo.what}, and a number is written without quotes${row}`
          : `${JSON.stringify(input)} is text, not a number${row}`,
        fix: digits
          ? `write ${digits} without quotes${input !== digits ? ` (the unit goes in "unit")` : ''}`
          : `write the number without quotes`,
      });
      continue;
    }
    const text = issue.message.replace(/^Invalid input: /, '');
    out.push({
      kind: input === undefined ? 'missing-field' : 'wrong-value',
      path,
      message: `${field}${row}: ${text}`,
      fix: fixFor(last),
    });
  }
  return out;
}

function fixFor(field: unknown): string {
  switch (field) {
    case 'id':
      return 'use a-z, 0-9 and single hyphens; a row id starts with a letter';
    case 'value':
      return 'write a number (84.4), or for a date unit a string ("2022-05")';
    case 'paragraph':
      return 'copy the paragraph id from /source/ (e.g. "feature-p07")';
    default:
      return 'see the field tables in the guide';
  }
}

/** Checks raw dataset files; every problem is collected and positioned. */
export function checkDatasetTexts(inputs: readonly DatasetInput[], ctx: CheckContext): CheckResult {
  const problems: Problem[] = [];
  const parsed: { file: string; text: string; doc: JsonDocument }[] = [];
  const broken = new Set<string>();
  for (const { file, text } of inputs) {
    const { doc, problem } = readJson(file, text);
    if (problem) {
      problems.push(problem);
      broken.add(fileId(file));
    } else parsed.push({ file, text, doc: doc! });
  }
  const result = checkParsed(parsed, ctx, broken);
  problems.push(...result.problems);
  return { ...result, problems, errors: problems.map(problemLine), broken };
}

const fileId = (file: string) =>
  file
    .split('/')
    .pop()!
    .replace(/\.json$/, '');

function checkParsed(
  inputs: readonly { file: string; text: string; doc: JsonDocument }[],
  ctx: CheckContext,
  broken: Set<string>,
): Omit<CheckResult, 'errors'> {
  const problems: Problem[] = [];
  const datasets: Dataset[] = [];
  // Rows that passed the schema, by "dataset/row", for derived inputs across datasets.
  const goodRows = new Map<string, { row: Row; file: string }>();
  const badRows = new Set<string>();
  const rowIds = new Map<string, string[]>();
  const perFile: {
    file: string;
    text: string;
    doc: JsonDocument;
    id: string;
    rows: { row: Row; index: number }[];
    report?: string;
  }[] = [];
  let valuesChecked = 0;

  for (const { file, text, doc } of inputs) {
    const data = doc.value;
    const place = (p: PathProblem) => problems.push(placeProblem(file, text, doc, p));
    const expectedId = fileId(file);
    const parsed = datasetSchema.safeParse(data);
    if (parsed.success) datasets.push(parsed.data as Dataset);
    else zodProblems(parsed.error, data).forEach(place);

    const obj = (data ?? {}) as Record<string, unknown>;
    if (typeof obj.id === 'string' && obj.id !== expectedId) {
      place({
        kind: 'id-mismatch',
        path: ['id'],
        message: `the id "${obj.id}" is not the file name ${expectedId}.json`,
        fix: `rename the file to ${obj.id}.json or change the id to "${expectedId}"`,
      });
    }
    if (Array.isArray(obj.stories)) {
      obj.stories.forEach((story, i) => {
        if (typeof story === 'string' && !ctx.stories.includes(story)) {
          place({
            kind: 'unknown-story',
            path: ['stories', i],
            message: `"${story}" is not a story (a file content/stories/${story}.mdx)`,
            fix: didYouMean(story, ctx.stories, 'stories are'),
          });
        }
      });
    }
    const report = typeof obj.report === 'string' ? obj.report : undefined;
    if (report !== undefined && ctx.reports && !ctx.reports.ids.includes(report))
      place({
        kind: 'unknown-report',
        path: ['report'],
        message: `"${report}" is not a report (a folder content/reports/${report}/)`,
        fix: didYouMean(report, ctx.reports.ids, 'reports are'),
      });
    const rows: { row: Row; index: number }[] = [];
    rowIds.set(
      expectedId,
      Array.isArray(obj.rows) ? obj.rows.flatMap((r) => (typeof r?.id === 'string' ? [r.id as string] : [])) : [],
    );
    if (Array.isArray(obj.rows)) {
      const seen = new Map<string, number>();
      obj.rows.forEach((raw, index) => {
        const id = (raw as { id?: unknown })?.id;
        if (typeof id === 'string') {
          if (seen.has(id))
            place({
              kind: 'duplicate-id',
              path: ['rows', index, 'id'],
              message: `"${id}" is already the id of rows[${seen.get(id)}] (line ${lineColumn(text, doc.locate(['rows', seen.get(id)!, 'id']).start).line})`,
              fix: 'row ids must be unique in a dataset: rename one',
            });
          else seen.set(id, index);
        }
        const row = rowSchema.safeParse(raw);
        if (row.success) {
          rows.push({ row: row.data as Row, index });
          if (!goodRows.has(`${expectedId}/${row.data.id}`))
            goodRows.set(`${expectedId}/${row.data.id}`, { row: row.data as Row, file });
        } else if (typeof id === 'string') badRows.add(`${expectedId}/${id}`);
      });
    }
    perFile.push({ file, text, doc, id: expectedId, rows, report });
  }

  for (const { file, text, doc, id, rows, report } of perFile) {
    const place = (p: PathProblem) => problems.push(placeProblem(file, text, doc, p));
    for (const { row, index } of rows) {
      const at = (...path: (string | number)[]): JsonPath => ['rows', index, ...path];
      // A dataset quotes one report: a paragraph of another is named as such, not checked as a quote.
      const owner = row.source && ctx.reports?.of(row.source.paragraph);
      if (row.source && report && owner && owner !== report && ctx.reports?.ids.includes(report)) {
        place({
          kind: 'other-report',
          path: at('source', 'paragraph'),
          message: `"${row.source.paragraph}" is a paragraph of report "${owner}", not of this dataset's report "${report}"`,
          fix: `quote a paragraph of ${report}, or move the row to a dataset of ${owner}`,
        });
        badRows.add(`${id}/${row.id}`);
        continue;
      }
      if (row.source) {
        const found = sourceProblem(row, ctx.paragraphs);
        if (found) {
          place({ ...found, path: at(...found.path), fallback: found.fallback && at(...found.fallback) });
          badRows.add(`${id}/${row.id}`);
        } else valuesChecked++;
      } else if (row.derived) {
        const found = derivedProblem(row, id, goodRows, badRows, broken);
        if (found === 'skip') continue;
        if (found) {
          place({ ...found, path: at(...found.path) });
          badRows.add(`${id}/${row.id}`);
        } else valuesChecked++;
      }
    }
  }
  return { datasets, problems, valuesChecked, broken, badRows, goodRows, rowIds };
}

/** Splits a checker's reason "what; fix" at its last clause that tells the editor what to do. */
function split(reason: string, fallbackFix: string): { message: string; fix: string } {
  const m = /^(.*?)(?:;| —) ((?:set|remove|copy|use|write|name|add|look)\b.*)$/s.exec(reason);
  return m ? { message: m[1]!, fix: m[2]! } : { message: reason, fix: fallbackFix };
}

type RowProblem = Omit<PathProblem, 'path' | 'fallback'> & { path: JsonPath; fallback?: JsonPath };

/** The provenance of a stated row, as a positioned problem with the closest passage or id where it helps. */
function sourceProblem(row: Row, paragraphs: ReadonlyMap<string, string>): RowProblem | undefined {
  const { paragraph, quote } = row.source!;
  const text = paragraphs.get(paragraph);
  if (text === undefined) {
    const near = closest(paragraph, [...paragraphs.keys()]);
    return {
      kind: 'unknown-paragraph',
      path: ['source', 'paragraph'],
      message: `"${paragraph}" is not a paragraph of the report`,
      fix: near
        ? `did you mean "${near}"? Paragraph ids are listed on /source/`
        : 'copy the paragraph id from /source/',
    };
  }
  if (!text.includes(quote)) {
    const halfWidth = toHalfWidth(quote);
    if (halfWidth !== quote && text.includes(halfWidth)) {
      const typo = findNumberTypos(quote)[0];
      return {
        kind: 'number-typo',
        path: ['source', 'quote'],
        inString: typo ? { index: typo.index, length: typo.length } : undefined,
        message: typo
          ? `the quote has ${typo.what.replace(/^“[^”]*” is written with /, '')}`
          : 'the quote has full-width characters the report does not',
        fix: `write "${halfWidth}"`,
      };
    }
    const full = quote
      .replace(/,/g, '，')
      .replace(/;/g, '；')
      .replace(/:/g, '：')
      .replace(/\(/g, '（')
      .replace(/\)/g, '）');
    const { notes } = quoteDiff(quote, text);
    return {
      kind: 'quote-not-in-paragraph',
      path: ['source', 'quote'],
      message: `the quote is not in paragraph ${paragraph}${full !== quote && text.includes(full) ? ' (the report uses full-width punctuation ，；：（）)' : ''}`,
      fix: `copy it word for word from /source/#${paragraph}`,
      notes,
    };
  }
  const found = checkSource(row, paragraphs);
  if (!found) return undefined;
  const field = found.field as 'value' | 'unit' | 'qualifier' | 'yearInferred';
  const kind: MessageKindId =
    field === 'unit' ? 'unit-not-in-quote' : field === 'value' ? 'value-not-in-quote' : 'wrong-qualifier';
  const { message, fix } = split(
    found.reason,
    field === 'unit'
      ? 'write the unit as the quote prints it'
      : 'correct the value, or quote the sentence that prints it',
  );
  return { kind, path: [field], fallback: ['value'], message, fix };
}

/** A computed row's problem, or 'skip' when one of its inputs is already reported as wrong. */
function derivedProblem(
  row: Row,
  datasetId: string,
  goodRows: ReadonlyMap<string, { row: Row }>,
  badRows: ReadonlySet<string>,
  broken: ReadonlySet<string>,
): RowProblem | 'skip' | undefined {
  const { inputs, formula } = row.derived!;
  const key = (input: string) => (input.includes('/') ? input : `${datasetId}/${input}`);
  for (const [k, input] of inputs.entries()) {
    const ref = key(input);
    if (badRows.has(ref) || broken.has(ref.split('/')[0]!)) return 'skip';
    if (!goodRows.has(ref)) {
      const [ds] = ref.split('/');
      const known = [...goodRows.keys()].filter((r) => r.startsWith(`${ds}/`)).map((r) => r.slice(ds!.length + 1));
      const dsKnown = [...new Set([...goodRows.keys()].map((r) => r.split('/')[0]!))];
      const message = input.includes('/')
        ? dsKnown.includes(ds!)
          ? `"${input}" is not a row: dataset ${ds} has no row "${input.split('/')[1]}"`
          : `"${input}" is not a row: there is no dataset "${ds}"`
        : `"${input}" is not a row of dataset ${datasetId}`;
      const near =
        input.includes('/') && !dsKnown.includes(ds!) ? closest(ds!, dsKnown) : closest(input.split('/').pop()!, known);
      return {
        kind: 'unknown-row',
        path: ['derived', 'inputs', k],
        message,
        fix: near
          ? `did you mean "${input.includes('/') && !dsKnown.includes(ds!) ? `${near}/${input.split('/')[1]}` : input.includes('/') ? `${ds}/${near}` : near}"?`
          : 'name a row id of this dataset, or "dataset/rowId"',
      };
    }
  }
  const found = checkDerived(row, datasetId, goodRows);
  if (!found) return undefined;
  if (/is itself wrong/.test(found.reason)) return 'skip';
  if (found.field === 'value') {
    return { kind: 'formula-value', path: ['value'], message: found.reason, fix: 'store the result the formula gives' };
  }
  const path: JsonPath = found.field === 'derived.inputs' ? ['derived', 'inputs'] : ['derived', 'formula'];
  // Point at the part of the formula that cannot be read.
  let inString: PathProblem['inString'];
  const at = /cannot read the formula at "([^"]*)"/.exec(found.reason);
  if (at) {
    const index = formula.indexOf(at[1]!);
    if (index >= 0) inString = { index, length: 1 };
  } else {
    const used = /^uses "([^"]+)"/.exec(found.reason);
    if (used) {
      const index = formula.indexOf(used[1]!);
      if (index >= 0) inString = { index, length: used[1]!.length };
    }
  }
  const { message, fix } = split(found.reason, 'use row ids, numbers, + − × ÷ and parentheses');
  const unlisted = /^uses "([^"]+)"/.exec(found.reason)?.[1];
  if (unlisted) {
    // "total-in-use" read as one id: ids may hold hyphens, so a minus needs spaces around it.
    const spaced = hyphenSplit(unlisted, inputs);
    return {
      kind: 'formula',
      path,
      inString,
      message: `uses "${unlisted}", which is not in derived.inputs`,
      fix: spaced
        ? `ids may contain hyphens, so write minus with spaces: "${formula.replace(unlisted, spaced)}"`
        : `add "${unlisted}" to derived.inputs, or correct the id`,
    };
  }
  return { kind: 'formula', path, inString, message, fix };
}

/** Reads "total-in-use" as inputs joined by minus ("total - in-use"), if it can be; else undefined. */
function hyphenSplit(name: string, inputs: readonly string[]): string | undefined {
  if (!name.includes('-')) return undefined;
  const parts = name.split('-');
  for (let cut = 1; cut < parts.length; cut++) {
    const head = parts.slice(0, cut).join('-');
    const tail = parts.slice(cut).join('-');
    if (!inputs.includes(head)) continue;
    if (inputs.includes(tail)) return `${head} - ${tail}`;
    const rest = hyphenSplit(tail, inputs);
    if (rest) return `${head} - ${rest}`;
  }
  return undefined;
}
