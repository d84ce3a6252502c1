/**
 * Pure checks of datasets against the report: structure (zod), provenance (quote in paragraph, value in quote),
 * derived values (formula re-computed), ids, units and stories; and coverage (every number in the report is held
 * by a dataset row or listed as not data). Nothing here reads files: callers pass parsed objects and the report.
 */
import { z } from 'astro/zod';
import { datasetSchema, isDateRow, rowSchema, type Dataset, type Row } from './dataset-schema.ts';
import { UNIT_NAMES, isDateUnit } from './units.ts';
import { parseChineseNumeral } from '../editor/numbers.ts';

export interface CheckContext {
  /** Paragraph id → cleaned text, from content/source/report.json. */
  paragraphs: ReadonlyMap<string, string>;
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
    return { error: `${file}:${where[1]}:${where[2]}: malformed JSON: ${reason} (line ${where[1]}, column ${where[2]}); the file must be valid JSON` };
  }
}

/** Formats a JSON path such as rows[2].source.quote. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out || '(top level)';
}

const issueError = (iss: { code: string; input?: unknown; expected?: string }) =>
  iss.code === 'invalid_type' && iss.input === undefined ? `is missing (required field${iss.expected ? `, ${iss.expected}` : ''})` : undefined;

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
  const perFile: { file: string; id: string; rows: { row: Row; index: number }[] }[] = [];
  let valuesChecked = 0;

  for (const { file, data } of inputs) {
    const expectedId = file.split('/').pop()!.replace(/\.json$/, '');
    const parsed = datasetSchema.safeParse(data, { error: issueError });
    if (parsed.success) datasets.push(parsed.data as Dataset);
    else errors.push(...zodMessages(file, parsed.error, data));

    const obj = (data ?? {}) as Record<string, unknown>;
    if (typeof obj.id === 'string' && obj.id !== expectedId) {
      errors.push(`${file}: id: "${obj.id}" does not match the file name ${expectedId}.json; rename the file or change the id so they agree`);
    }
    if (Array.isArray(obj.stories)) {
      obj.stories.forEach((story, i) => {
        if (typeof story === 'string' && !ctx.stories.includes(story)) {
          errors.push(`${file}: stories[${i}]: "${story}" is not a story; stories are ${ctx.stories.join(', ')} (files in content/stories/)`);
        }
      });
    }
    const rows: { row: Row; index: number }[] = [];
    if (Array.isArray(obj.rows)) {
      const seen = new Map<string, number>();
      obj.rows.forEach((raw, index) => {
        const id = (raw as { id?: unknown })?.id;
        if (typeof id === 'string') {
          if (seen.has(id)) errors.push(`${file}: rows[${index}].id: "${id}" is already the id of rows[${seen.get(id)}]; row ids must be unique in a dataset`);
          else seen.set(id, index);
        }
        const row = rowSchema.safeParse(raw);
        if (row.success) {
          rows.push({ row: row.data as Row, index });
          if (!goodRows.has(`${expectedId}/${row.data.id}`)) goodRows.set(`${expectedId}/${row.data.id}`, { row: row.data as Row, file });
        }
      });
    }
    perFile.push({ file, id: expectedId, rows });
  }

  for (const { file, id, rows } of perFile) {
    for (const { row, index } of rows) {
      const at = `${file}: rows[${index}]`;
      if (row.source) {
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

// ---------------------------------------------------------------------------------------------------------------
// Numbers in quotes

const AMOUNT_UNITS = UNIT_NAMES.filter((u) => !isDateUnit(u)).sort((a, b) => b.length - a.length);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const CHINESE_DIGITS = '零〇一二两三四五六七八九十百千';
const NUMBER_IN_QUOTE = new RegExp(
  `(约|近)?(\\d+(?:\\.\\d+)?|[${CHINESE_DIGITS}]+)(多|余)?(${AMOUNT_UNITS.map(escape).join('|')})?(以上|左右|多)?`,
  'gu',
);

export interface QuotedNumber {
  value: number;
  unit?: string;
  qualifier?: string;
  printed: string;
}

/** Returns every number a quote prints, with the unit and qualifier printed around it. */
export function numbersInQuote(quote: string): QuotedNumber[] {
  const out: QuotedNumber[] = [];
  for (const m of quote.matchAll(NUMBER_IN_QUOTE)) {
    const [printed, prefix, digits, inner, unit, suffix] = m;
    const start = m.index + (prefix?.length ?? 0);
    const before = quote[start - 1] ?? '';
    // 5G, G101: codes, not quantities.
    if (/[A-Za-z.\d]/.test(before)) continue;
    const value = /\d/.test(digits!) ? Number(digits) : parseChineseNumeral(digits!);
    if (value === undefined) continue;
    const qualifier = prefix ?? inner ?? suffix;
    out.push({ value, unit, qualifier, printed: printed! });
  }
  return out;
}

/** Returns how a date row's value is printed: "2021年7月", or "9月1日" when the year is inferred. */
export function printedDate(row: { value: string; yearInferred?: true }): string {
  const [year, month, day] = row.value.split('-');
  return `${row.yearInferred ? '' : `${year}年`}${month ? `${Number(month)}月` : ''}${day ? `${Number(day)}日` : ''}`;
}

function checkSource(row: Row, paragraphs: ReadonlyMap<string, string>): { field: string; reason: string } | undefined {
  const { paragraph, quote } = row.source!;
  const text = paragraphs.get(paragraph);
  if (text === undefined) {
    return { field: 'source.paragraph', reason: `"${paragraph}" is not a paragraph id of content/source/report.json; look the paragraph up on /source/ and copy its id` };
  }
  if (!text.includes(quote)) {
    const halfWidth = /[,;:()]/.test(quote) ? ' (the report uses full-width punctuation ，；：（）)' : '';
    return { field: 'source.quote', reason: `"${quote}" does not occur in paragraph ${paragraph}${halfWidth} — copy the sentence exactly from /source/#${paragraph}` };
  }
  if (isDateRow(row)) {
    const printed = printedDate(row);
    const at = quote.indexOf(printed);
    if (at < 0 || (!row.yearInferred && /\d/.test(quote[at - 1] ?? ''))) {
      const hint = row.yearInferred ? '' : ` (if the quote does not print the year, set "yearInferred": true and say why in note)`;
      return { field: 'value', reason: `${row.value} (${row.unit}) is printed "${printed}", which does not occur in the quote "${quote}"${hint}` };
    }
    if (row.yearInferred && /\d{4}年/.test(quote.slice(0, at + 1))) {
      return { field: 'yearInferred', reason: `the quote "${quote}" prints the year; remove "yearInferred" and use the printed year` };
    }
    const after = quote.slice(at + printed.length);
    const printedQualifier = after.startsWith('年底') ? '年底' : after.startsWith('末') ? '末' : undefined;
    if (printedQualifier !== row.qualifier) {
      return { field: 'qualifier', reason: printedQualifier ? `the quote prints "${printed}${printedQualifier}"; set "qualifier": "${printedQualifier}"` : `"${row.qualifier}" is not printed after "${printed}" in the quote "${quote}"` };
    }
    return undefined;
  }
  const numbers = numbersInQuote(quote);
  const sameValue = numbers.filter((n) => n.value === row.value);
  if (!sameValue.length) {
    const stated = numbers.length ? `; the quote states ${numbers.map((n) => `${n.value}${n.unit ?? ''}`).join(', ')}` : '';
    return { field: 'value', reason: `${row.value} does not occur in the quote "${quote}"${stated}` };
  }
  const withUnit = sameValue.filter((n) => n.unit === row.unit);
  if (!withUnit.length) {
    return { field: 'unit', reason: `"${row.unit}" is not the unit printed with ${row.value} in the quote "${quote}" (printed: ${sameValue.map((n) => n.printed).join(', ')})` };
  }
  if (!withUnit.some((n) => n.qualifier === row.qualifier)) {
    const printed = withUnit[0]!;
    return {
      field: 'qualifier',
      reason: printed.qualifier
        ? `the quote prints "${printed.printed}"; set "qualifier": "${printed.qualifier}" so readers see the number is not exact`
        : `"${row.qualifier}" is not printed with ${row.value}${row.unit} in the quote "${quote}"; remove it`,
    };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Derived values

type Token = { kind: 'num'; value: number } | { kind: 'id'; name: string } | { kind: 'op'; op: string };

/** Splits a formula into numbers, row ids and operators; ids may contain hyphens, so minus needs spaces or −. */
export function tokenizeFormula(formula: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:(\d+(?:\.\d+)?)|((?:[a-z0-9]+(?:-[a-z0-9]+)*\/)?[a-z][a-z0-9]*(?:-[a-z0-9]+)*)|([-+*/×÷−()]))/y;
  let pos = 0;
  while (pos < formula.length) {
    if (/^\s*$/.test(formula.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(formula);
    if (!m) throw new Error(`cannot read the formula at "${formula.slice(pos).trim()}"; use row ids, numbers, + − × ÷ and parentheses`);
    if (m[1]) tokens.push({ kind: 'num', value: Number(m[1]) });
    else if (m[2]) tokens.push({ kind: 'id', name: m[2] });
    else tokens.push({ kind: 'op', op: ({ '×': '*', '÷': '/', '−': '-' } as Record<string, string>)[m[3]!] ?? m[3]! });
    pos = re.lastIndex;
  }
  return tokens;
}

/** Evaluates a formula with + − × ÷ and parentheses, looking ids up with `lookup`. */
export function evaluateFormula(formula: string, lookup: (id: string) => number): number {
  const tokens = tokenizeFormula(formula);
  let i = 0;
  const peek = () => tokens[i];
  const expr = (): number => {
    let v = term();
    while (peek()?.kind === 'op' && ['+', '-'].includes((peek() as { op: string }).op)) {
      const op = (tokens[i++] as { op: string }).op;
      v = op === '+' ? v + term() : v - term();
    }
    return v;
  };
  const term = (): number => {
    let v = factor();
    while (peek()?.kind === 'op' && ['*', '/'].includes((peek() as { op: string }).op)) {
      const op = (tokens[i++] as { op: string }).op;
      v = op === '*' ? v * factor() : v / factor();
    }
    return v;
  };
  const factor = (): number => {
    const t = tokens[i++];
    if (!t) throw new Error('the formula ends too early');
    if (t.kind === 'num') return t.value;
    if (t.kind === 'id') return lookup(t.name);
    if (t.op === '(') {
      const v = expr();
      const close = tokens[i++];
      if (close?.kind !== 'op' || close.op !== ')') throw new Error('a "(" is not closed');
      return v;
    }
    if (t.op === '-') return -factor();
    throw new Error(`"${t.op}" cannot start a term`);
  };
  const value = expr();
  if (i < tokens.length) throw new Error('the formula has something left over after a complete expression (a missing operator?)');
  return value;
}

function decimals(n: number): number {
  const s = String(n);
  return s.includes('.') ? s.split('.')[1]!.length : 0;
}

function checkDerived(row: Row, datasetId: string, rows: ReadonlyMap<string, { row: Row }>, stack: string[] = []): { field: string; reason: string } | undefined {
  const { formula, inputs } = row.derived!;
  const key = (input: string) => (input.includes('/') ? input : `${datasetId}/${input}`);
  for (const [k, input] of inputs.entries()) {
    if (!rows.has(key(input))) {
      return { field: `derived.inputs[${k}]`, reason: `"${input}" is not a row${input.includes('/') ? '' : ` of dataset ${datasetId}`}; name a row id of this dataset or "dataset/rowId"` };
    }
  }
  let names: string[];
  try {
    names = tokenizeFormula(formula).flatMap((t) => (t.kind === 'id' ? [t.name] : []));
  } catch (error) {
    return { field: 'derived.formula', reason: (error as Error).message };
  }
  const unlisted = names.filter((n) => !inputs.includes(n));
  if (unlisted.length) return { field: 'derived.formula', reason: `uses ${unlisted.map((n) => `"${n}"`).join(', ')}, which ${unlisted.length > 1 ? 'are' : 'is'} not in derived.inputs (write minus with spaces, a - b, since ids contain hyphens)` };
  const unused = inputs.filter((n) => !names.includes(n));
  if (unused.length) return { field: 'derived.inputs', reason: `${unused.map((n) => `"${n}"`).join(', ')} ${unused.length > 1 ? 'are' : 'is'} listed but not used in the formula "${formula}"` };

  const value = (input: string): number => {
    const found = rows.get(key(input))!.row;
    if (typeof found.value !== 'number') throw new Error(`input "${input}" is a date, not a number`);
    if (found.derived) {
      if (stack.includes(key(input))) throw new Error(`inputs go round in a circle: ${[...stack, key(input)].join(' → ')}`);
      const inner = checkDerived(found, key(input).split('/')[0]!, rows, [...stack, key(input)]);
      if (inner) throw new Error(`input "${input}" is itself wrong: ${inner.reason}`);
    }
    return found.value;
  };
  let computed: number;
  try {
    computed = evaluateFormula(formula, value);
  } catch (error) {
    return { field: 'derived.formula', reason: (error as Error).message };
  }
  const stored = row.value as number;
  const places = decimals(stored);
  if (!Number.isFinite(computed) || Math.abs(computed - stored) > 0.5 * 10 ** -places + 1e-9) {
    const rounded = Number.isFinite(computed) ? computed.toFixed(places) : String(computed);
    const exact = Number.isFinite(computed) ? String(Number(computed.toPrecision(10))) : rounded;
    return { field: 'value', reason: `${stored} is not what the formula "${formula}" gives: ${rounded}${exact !== rounded ? ` (${exact} rounded to the ${places} decimal place${places === 1 ? '' : 's'} stored)` : ''}` };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Coverage

export interface NotData {
  paragraph: string;
  /** Exact words of the paragraph that contain the number(s) that are not data. */
  text: string;
  reason: string;
  /** For a number the report repeats: the rows ("dataset/rowId") that already hold it; only their values are excused. */
  heldAs?: string[];
}

export const notDataSchema = z.strictObject({
  $comment: z.string().optional(),
  entries: z.array(
    z.strictObject({
      paragraph: z.string(),
      text: z.string().min(1),
      reason: z.string().min(4),
      heldAs: z.array(z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'must be "dataset/rowId"')).min(1).optional(),
    }),
  ),
});

export interface ReportNumber {
  paragraph: string;
  /** The digits or Chinese numeral as printed. */
  printed: string;
  /** The numeric value, or NaN for a run such as 十四五 or 一二三 that is not one number. */
  value: number;
  index: number;
  end: number;
}

// Measure words after which a lone Chinese numeral is a count (两个, 十项, 五大, 三篇).
const CHINESE_MEASURES = '个项家户篇级大批条名位次座种类件套台年天镇街';

/** Returns every number printed in a text: Arabic numerals (with decimals) and Chinese numerals that count. */
export function scanNumbers(paragraph: string, text: string): ReportNumber[] {
  const out: ReportNumber[] = [];
  for (const m of text.matchAll(/\d+(?:\.\d+)?/g)) {
    out.push({ paragraph, printed: m[0], value: Number(m[0]), index: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(new RegExp(`[${CHINESE_DIGITS}]+`, 'gu'))) {
    const run = m[0];
    const next = text[m.index + run.length] ?? '';
    // A lone 一 is nearly always the article (一批, 一站式), and a lone numeral before a non-measure word is a name.
    if (run.length === 1 && (run === '一' || !CHINESE_MEASURES.includes(next))) continue;
    out.push({ paragraph, printed: run, value: parseChineseNumeral(run) ?? Number.NaN, index: m.index, end: m.index + run.length });
  }
  return out.sort((a, b) => a.index - b.index);
}

function occurrences(text: string, part: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) at.push(i);
  return at;
}

/** Returns true if a row held in a quote accounts for this printed number. */
function explains(row: Row, n: ReportNumber): boolean {
  if (isDateRow(row)) return row.value.split('-').map(Number).includes(n.value);
  return row.value === n.value;
}

function heldRows(datasets: readonly Dataset[], refs: readonly string[]): (Row | undefined)[] {
  return refs.map((ref) => {
    const [dataset, row] = ref.split('/');
    return datasets.find((d) => d.id === dataset)?.rows.find((r) => r.id === row);
  });
}

/** Returns the problems with the not-data list: text not in its paragraph, no number in it, or a wrong heldAs. */
export function checkNotData(file: string, entries: readonly NotData[], paragraphs: ReadonlyMap<string, string>, datasets: readonly Dataset[]): string[] {
  const errors: string[] = [];
  entries.forEach((e, i) => {
    const text = paragraphs.get(e.paragraph);
    const numbers = scanNumbers(e.paragraph, e.text);
    if (text === undefined) errors.push(`${file}: entries[${i}].paragraph: "${e.paragraph}" is not a paragraph id of content/source/report.json`);
    else if (!text.includes(e.text)) errors.push(`${file}: entries[${i}].text: "${e.text}" does not occur in paragraph ${e.paragraph} — copy it exactly from /source/#${e.paragraph}`);
    else if (!numbers.length && !/[一二三四五六七八九十两双]/.test(e.text)) errors.push(`${file}: entries[${i}].text: "${e.text}" holds no number`);
    heldRows(datasets, e.heldAs ?? []).forEach((row, k) => {
      const ref = e.heldAs![k]!;
      if (!row) errors.push(`${file}: entries[${i}].heldAs[${k}]: "${ref}" is not a row of any dataset`);
      else if (!numbers.some((n) => explains(row, n))) errors.push(`${file}: entries[${i}].heldAs[${k}]: row "${ref}" holds ${row.value}, which "${e.text}" does not print`);
    });
  });
  return errors;
}

/** Returns every number in the report that no source row quotes and the not-data list does not explain. */
export function coverageGaps(datasets: readonly Dataset[], paragraphs: ReadonlyMap<string, string>, notData: readonly NotData[]): string[] {
  const gaps: string[] = [];
  for (const [paragraph, text] of paragraphs) {
    const rows = datasets.flatMap((d) => d.rows.filter((r) => r.source?.paragraph === paragraph));
    const excused = notData.filter((e) => e.paragraph === paragraph);
    for (const n of scanNumbers(paragraph, text)) {
      const inSpan = (part: string) => occurrences(text, part).some((at) => at <= n.index && n.end <= at + part.length);
      const held = rows.some((r) => explains(r, n) && inSpan(r.source!.quote));
      const repeat = (e: NotData) => !e.heldAs || heldRows(datasets, e.heldAs).some((r) => r && explains(r, n));
      if (held || excused.some((e) => inSpan(e.text) && repeat(e))) continue;
      const context = text.slice(Math.max(0, n.index - 8), n.end + 8).replace(/\n/g, ' ');
      gaps.push(`${paragraph}: ${n.printed} in “…${context}…” is neither the value of a row quoting it nor listed in content/data/not-data.json`);
    }
  }
  return gaps;
}
