/**
 * Checks what an editor writes in an article: the frontmatter (fields, paragraph and dataset ids) and every
 * component call (<Chart>, <Fig>, <Src>, <IconList>) against the datasets, the report and the chart kinds. Pure:
 * callers pass the file's text and what the other checks found. A dataset that could not be read is not
 * reported again as unknown by every chart that uses it.
 */
import { storyFieldsSchema } from './story-schema.ts';
import { readFrontmatter } from './frontmatter.ts';
import { componentCalls, type Attribute, type ComponentCall } from './mdx-calls.ts';
import { mdxSyntaxProblem } from './mdx-syntax.ts';
import { chartCallsIn, type ChartSpec, type ChartCallPlace } from './chart-specs.ts';
import { lineColumn, parseJsonSource, JsonSyntaxError } from './json-source.ts';
import { closest, didYouMean, type Problem } from './diagnostics.ts';
import { findNumberTypos, toHalfWidth } from './number-typos.ts';
import { displayValue } from './chart-data.ts';
import { KIND_NAMES, isChartKind, kindDeclarations, optionProblems } from '../charts/kinds.ts';
import { chartProblems } from './comparability.ts';
import type { Dataset, Row } from './dataset-schema.ts';

/** What the other checks know, for the links between an article and the rest. */
export interface StoryContext {
  paragraphs: ReadonlyMap<string, string>;
  /** Paragraph id → the id of its section. */
  sections?: ReadonlyMap<string, string>;
  /** The report each paragraph belongs to, and the report ids (when reports live in content/reports/). */
  reports?: { of: (paragraph: string) => string | undefined; ids: readonly string[] };
  /** Ids of the dataset files present, readable or not. */
  datasetFiles: ReadonlySet<string>;
  /** Dataset files that could not be read: nothing that names them is checked further. */
  broken: ReadonlySet<string>;
  /** Every row id written in each readable dataset, right or wrong. */
  rowIds: ReadonlyMap<string, readonly string[]>;
  /** Rows that passed every check, by "dataset/row". */
  goodRows: ReadonlyMap<string, { row: Row }>;
  /** The datasets that passed every check, by id (for the comparability of a chart's rows). */
  datasets?: ReadonlyMap<string, Dataset>;
  /** Ids of the layouts in content/diagrams/. */
  layouts: ReadonlySet<string>;
  /** Tabler icon names, when known. */
  icons?: ReadonlySet<string>;
}

/** The components an article may call, with the attributes each takes. */
interface ComponentSpec {
  required: string[];
  optional: string[];
}

export const COMPONENTS: Record<string, ComponentSpec> = {
  Chart: { required: ['id', 'dataset', 'kind', 'title', 'takeaway'], optional: ['rows'] },
  Fig: { required: ['d', 'r'], optional: [] },
  Src: { required: ['p'], optional: [] },
  IconList: { required: ['items'], optional: ['label', 'ordered'] },
  KeyFigure: { required: ['d', 'r'], optional: ['label'] },
  FactBox: { required: ['d', 'title'], optional: ['rows', 'takeaway'] },
};

/** Returns the options a chart kind accepts besides id, dataset, kind, title, takeaway and rows: its schema's keys. */
export function chartOptions(kind: string): string[] {
  if (!isChartKind(kind)) return [];
  return Object.keys(kindDeclarations[kind].options.shape).filter((k) => k !== 'id' && k !== 'title' && k !== 'asOf');
}

export interface StoryResult {
  problems: Problem[];
  /** The story's charts, for the site-wide checks (ids unique). */
  charts: { spec: ChartSpec; place: ChartCallPlace }[];
}

/** Checks one article. */
export function checkStory(file: string, text: string, ctx: StoryContext): StoryResult {
  const problems: Problem[] = [];
  const charts: StoryResult['charts'] = [];
  const story = file
    .split('/')
    .pop()!
    .replace(/\.mdx?$/, '');
  const fm = readFrontmatter(text);
  if (!fm.ok) {
    problems.push({
      kind: fm.kind === 'yaml' ? 'frontmatter-yaml' : 'frontmatter-unclosed',
      file,
      line: fm.line,
      column: fm.column,
      length: fm.length,
      message: fm.message,
      fix: fm.fix,
    });
    return { problems, charts };
  }
  const at = (offset: number, length = 1) => ({ ...lineColumn(text, offset), length });
  const push = (p: Omit<Problem, 'file'>) => problems.push({ file, ...p });

  // Frontmatter fields.
  const parsed = storyFieldsSchema.safeParse(fm.data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path as (string | number)[];
      // Links to the reports and datasets (paragraph, dataset, report and section ids) are checked below against
      // this run's reports and datasets, each at its place.
      if (issue.code === 'custom' && ['sources', 'datasets', 'section', 'report'].includes(String(path[0]))) continue;
      const place = fm.locate(path);
      const name = path.map(String).join('.');
      const input = path.reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k as string], fm.data);
      if (issue.code === 'unrecognized_keys') continue;
      if (input === undefined) {
        push({
          kind: 'missing-field',
          ...place,
          message: `the frontmatter has no "${name}" (a required field)`,
          fix: `add a line ${name}: … before the closing ---`,
        });
      } else if (issue.code === 'invalid_value' && 'values' in issue) {
        const values = (issue.values as unknown[]).map(String);
        const near = typeof input === 'string' ? closest(input, values) : undefined;
        push({
          kind: 'invalid-choice',
          ...place,
          message: `${name}: ${JSON.stringify(input)} is not one of ${values.join(', ')}`,
          fix: near ? `did you mean "${near}"?` : `write one of ${values.join(', ')}`,
        });
      } else {
        push({
          kind: 'wrong-value',
          ...place,
          message: `${name}: ${issue.message.replace(/^Invalid input: /, '')} (it is ${JSON.stringify(input)})`,
          fix: 'see the story fields in the guide',
        });
      }
    }
  }
  const listed = Array.isArray(fm.data.datasets)
    ? (fm.data.datasets as unknown[]).filter((d) => typeof d === 'string')
    : [];
  (Array.isArray(fm.data.sources) ? (fm.data.sources as unknown[]) : []).forEach((p, i) => {
    if (typeof p === 'string' && !ctx.paragraphs.has(p))
      push({
        kind: 'unknown-paragraph',
        ...fm.locate(['sources', i]),
        message: `sources: "${p}" is not a paragraph of the report`,
        fix: didYouMean(p, [...ctx.paragraphs.keys()], 'see /source/ for the ids'),
      });
  });
  checkReportLinks(fm, ctx, push);

  // Datasets already reported as unknown in the frontmatter: the calls that use them are not reported again.
  const reported = new Set<string>();
  (Array.isArray(fm.data.datasets) ? (fm.data.datasets as unknown[]) : []).forEach((d, i) => {
    if (typeof d === 'string' && !ctx.datasetFiles.has(d)) reported.add(d);
    if (typeof d === 'string' && !ctx.datasetFiles.has(d))
      push({
        kind: 'unknown-dataset',
        ...fm.locate(['datasets', i]),
        message: `datasets: "${d}" names no dataset (no file content/data/${d}.json)`,
        fix: didYouMean(d, [...ctx.datasetFiles], 'datasets are'),
      });
  });

  // MDX syntax first: the parser stops at the first error, and calls after it cannot be read reliably.
  const syntax = mdxSyntaxProblem(text, fm.bodyStart);
  let readableEnd = text.length;
  if (syntax) {
    push({
      kind: 'mdx-syntax',
      line: syntax.line,
      column: syntax.column,
      length: 1,
      message: syntax.message,
      fix: syntax.fix,
    });
    readableEnd = text
      .split('\n')
      .slice(0, syntax.line - 1)
      .join('\n').length;
  }
  const readable = text.slice(0, readableEnd);

  // Component calls in the body.
  const calls = componentCalls(readable, fm.bodyStart);
  for (const call of calls) {
    const spec = COMPONENTS[call.name];
    if (!spec) {
      push({
        kind: 'unknown-component',
        ...at(call.offset + 1, call.name.length),
        message: `<${call.name}> is not a component articles can use`,
        fix: closest(call.name, Object.keys(COMPONENTS))
          ? `did you mean <${closest(call.name, Object.keys(COMPONENTS))}>?`
          : `use one of ${Object.keys(COMPONENTS)
              .map((c) => `<${c}>`)
              .join(', ')}`,
      });
      continue;
    }
    if (call.name === 'Chart') continue; // read below with its own parser
    for (const s of call.syntax)
      push({ kind: 'mdx-syntax', ...at(s.offset, s.length), message: s.message, fix: s.fix });
    checkCallAttributes(call, spec, push, at);
    if (call.name === 'Fig') checkFig(call, ctx, push, at, reported);
    if (call.name === 'Src') checkSrc(call, ctx, push, at);
    if (call.name === 'IconList') checkIconList(call, ctx, push, at);
    if (call.name === 'KeyFigure') checkKeyFigure(call, ctx, push, at, reported);
    if (call.name === 'FactBox') checkFactBox(call, ctx, push, at, reported);
  }

  const found = chartCallsIn(readable, story, file, 1, fm.bodyStart);
  if (!syntax) problems.push(...found.problems);
  found.specs.forEach((spec, i) => {
    const place = found.places[i]!;
    charts.push({ spec, place });
    // A misspelt dataset in the frontmatter is the cause; its charts are not "not listed" as well.
    for (const p of checkChart(spec, place, ctx, reported.size ? undefined : (listed as string[]), reported)) push(p);
  });
  return { problems, charts };
}

type Push = (p: Omit<Problem, 'file'>) => void;

/** The story's report exists, its sources are paragraphs of that report, and its section is one they are in. */
function checkReportLinks(
  fm: Extract<ReturnType<typeof readFrontmatter>, { ok: true }>,
  ctx: StoryContext,
  push: Push,
) {
  const report = typeof fm.data.report === 'string' ? fm.data.report : undefined;
  const reportKnown = report !== undefined && ctx.reports?.ids.includes(report);
  if (report !== undefined && ctx.reports && !reportKnown)
    push({
      kind: 'unknown-report',
      ...fm.locate(['report']),
      message: `report: "${report}" is not a report (a folder content/reports/${report}/)`,
      fix: didYouMean(report, ctx.reports.ids, 'reports are'),
    });
  const sources = (Array.isArray(fm.data.sources) ? (fm.data.sources as unknown[]) : []).map((p) =>
    typeof p === 'string' && ctx.paragraphs.has(p) ? p : undefined,
  );
  if (reportKnown)
    sources.forEach((p, i) => {
      const owner = p && ctx.reports?.of(p);
      if (owner && owner !== report)
        push({
          kind: 'other-report',
          ...fm.locate(['sources', i]),
          message: `sources: "${p}" is a paragraph of report "${owner}", not of this story's report "${report}"`,
          fix: `cite a paragraph of ${report}, or set report: ${owner}`,
        });
    });
  const section = fm.data.section;
  const cited = [...new Set(sources.flatMap((p) => (p && ctx.sections?.get(p)) || []))];
  if (typeof section === 'string' && cited.length && !cited.includes(section))
    push({
      kind: 'invalid-choice',
      ...fm.locate(['section']),
      message: `section: "${section}" is not the section of any paragraph in sources`,
      fix: `use ${cited.map((id) => `"${id}"`).join(' or ')}`,
    });
}
type At = (offset: number, length?: number) => { line: number; column: number; length: number };

const attr = (call: ComponentCall, name: string): Attribute | undefined => call.attributes.find((a) => a.name === name);

function checkCallAttributes(call: ComponentCall, spec: ComponentSpec, push: Push, at: At) {
  const known = [...spec.required, ...spec.optional];
  for (const a of call.attributes) {
    if (known.includes(a.name)) continue;
    const near = closest(a.name, known);
    push({
      kind: 'unknown-attribute',
      ...at(a.nameOffset, a.name.length),
      message: `<${call.name}> has no attribute ${a.name}`,
      fix: near ? `did you mean ${near}?` : `<${call.name}> takes ${known.join(', ')}`,
    });
  }
  const missing = spec.required.filter((r) => !attr(call, r));
  if (missing.length)
    push({
      kind: 'missing-attribute',
      ...at(call.offset, call.name.length + 1),
      message: `<${call.name}> has no ${missing.map((m) => `${m}="…"`).join(', ')}`,
      fix: `add ${missing.length > 1 ? 'them' : 'it'}`,
    });
}

function checkSrc(call: ComponentCall, ctx: StoryContext, push: Push, at: At) {
  const p = attr(call, 'p');
  if (p?.value === undefined || ctx.paragraphs.has(p.value)) return;
  push({
    kind: 'unknown-paragraph',
    ...at(p.valueOffset, [...p.value].length || 1),
    message: `<Src p="${p.value}">: "${p.value}" is not a paragraph of the report`,
    fix: didYouMean(p.value, [...ctx.paragraphs.keys()], 'see /source/ for the ids'),
  });
}

/** Dataset and row of a call: reports an unknown one (with did you mean) and returns the row when it is good. */
function rowFor(
  ctx: StoryContext,
  dataset: Attribute | undefined,
  row: Attribute | undefined,
  push: Push,
  at: At,
  label: string,
): Row | undefined | 'unknown' {
  if (dataset?.value === undefined || row?.value === undefined) return undefined;
  const d = dataset.value;
  if (!ctx.datasetFiles.has(d)) {
    push({
      kind: 'unknown-dataset',
      ...at(dataset.valueOffset, [...d].length || 1),
      message: `${label}: "${d}" names no dataset (no file content/data/${d}.json)`,
      fix: didYouMean(d, [...ctx.datasetFiles], 'datasets are'),
    });
    return 'unknown';
  }
  if (ctx.broken.has(d)) return undefined;
  const ids = ctx.rowIds.get(d) ?? [];
  if (!ids.includes(row.value)) {
    push({
      kind: 'unknown-row',
      ...at(row.valueOffset, [...row.value].length || 1),
      message: `${label}: dataset "${d}" has no row "${row.value}"`,
      fix: didYouMean(row.value, ids, 'its rows are'),
    });
    return 'unknown';
  }
  return ctx.goodRows.get(`${d}/${row.value}`)?.row;
}

function checkFig(call: ComponentCall, ctx: StoryContext, push: Push, at: At, reported: ReadonlySet<string>) {
  const d = attr(call, 'd');
  const r = attr(call, 'r');
  if (d?.value !== undefined && reported.has(d.value)) return;
  const row = rowFor(ctx, d, r, push, at, `<Fig d="${d?.value}" r="${r?.value}">`);
  if (!row || row === 'unknown' || call.children === undefined) return;
  const printed = call.children.replace(/<[^>]*>/g, '').trim();
  const expected = displayValue(row);
  if (printed === expected) return;
  const lead = call.children.length - call.children.trimStart().length;
  const where = at(call.childrenOffset! + lead, [...printed].length || 1);
  const typo = findNumberTypos(printed)[0];
  if (typo && (toHalfWidth(printed) === expected || printed.replace(/\s+/g, '') === expected || typo)) {
    const corrected = printed.slice(0, typo.index) + typo.corrected + printed.slice(typo.index + typo.length);
    push({
      kind: 'number-typo',
      ...at(call.childrenOffset! + lead + typo.index, typo.length),
      message: `<Fig> text: ${typo.what}`,
      fix: `write ${corrected === expected || toHalfWidth(printed) !== expected ? corrected : expected}`,
    });
    return;
  }
  if (printed.replace(/\s+/g, '') === expected) {
    push({
      kind: 'number-typo',
      ...where,
      message: `<Fig> text "${printed}" has a stray space`,
      fix: `write ${expected}`,
    });
    return;
  }
  push({
    kind: 'fig-mismatch',
    ...where,
    message: `the text says "${printed}" but row "${r!.value}" of ${d!.value} holds ${expected}`,
    fix: `write ${expected}, or correct the row in content/data/${d!.value}.json`,
  });
}

function checkKeyFigure(call: ComponentCall, ctx: StoryContext, push: Push, at: At, reported: ReadonlySet<string>) {
  const d = attr(call, 'd');
  if (d?.value !== undefined && reported.has(d.value)) return;
  rowFor(ctx, d, attr(call, 'r'), push, at, `<KeyFigure d="${d?.value}" r="${attr(call, 'r')?.value}">`);
}

/** Each id of rows="a,b" must be a row of the dataset; positions point at the misspelt id itself. */
function checkFactBox(call: ComponentCall, ctx: StoryContext, push: Push, at: At, reported: ReadonlySet<string>) {
  const d = attr(call, 'd');
  const rows = attr(call, 'rows');
  if (d?.value === undefined || reported.has(d.value)) return;
  const label = `<FactBox d="${d.value}">`;
  if (rows?.value === undefined) {
    rowFor(ctx, d, { ...d, name: 'r', value: ctx.rowIds.get(d.value)?.[0] ?? '' }, push, at, label);
    return;
  }
  for (const m of rows.value.matchAll(/[^,\s]+/g)) {
    const one = { name: 'rows', value: m[0], nameOffset: rows.nameOffset, valueOffset: rows.valueOffset + m.index };
    if (rowFor(ctx, d, one, push, at, label) === 'unknown' && !ctx.datasetFiles.has(d.value)) return;
  }
}

function checkIconList(call: ComponentCall, ctx: StoryContext, push: Push, at: At) {
  const items = attr(call, 'items');
  if (items?.expression === undefined) {
    if (items)
      push({
        kind: 'mdx-syntax',
        ...at(items.nameOffset, 5),
        message: 'items must be a list in braces',
        fix: "write items={[{ icon: 'leaf', text: '…' }, …]}",
      });
    return;
  }
  let value: unknown;
  let locate: ((path: (string | number)[]) => { start: number; end: number }) | undefined;
  try {
    const doc = parseJsonSource(items.expression, { loose: true });
    value = doc.value;
    locate = doc.locate;
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    push({
      kind: 'mdx-syntax',
      ...at(items.valueOffset + error.offset, error.length),
      message: `items: ${error.message}`,
      fix: error.fix,
    });
    return;
  }
  if (!Array.isArray(value)) {
    push({
      kind: 'mdx-syntax',
      ...at(items.valueOffset, 1),
      message: 'items must be a list [ … ]',
      fix: "write items={[{ icon: 'leaf', text: '…' }]}",
    });
    return;
  }
  value.forEach((item, i) => {
    const place = (path: (string | number)[]) => {
      const span = locate!([i, ...path]);
      return at(items.valueOffset + span.start, Math.max(1, span.end - span.start));
    };
    const it = (item ?? {}) as Record<string, unknown>;
    for (const field of ['icon', 'text'])
      if (typeof it[field] !== 'string' || !(it[field] as string).trim())
        push({ kind: 'missing-field', ...place([]), message: `items[${i}] has no ${field}`, fix: `add ${field}: '…'` });
    for (const key of Object.keys(it))
      if (!['icon', 'text', 'detail'].includes(key))
        push({
          kind: 'unknown-field',
          ...place([key]),
          message: `items[${i}] has no field ${key}`,
          fix: closest(key, ['icon', 'text', 'detail'])
            ? `did you mean ${closest(key, ['icon', 'text', 'detail'])}?`
            : 'an item has icon, text and detail',
        });
    if (typeof it.icon === 'string' && ctx.icons && !ctx.icons.has(it.icon))
      push({
        kind: 'unknown-icon',
        ...place(['icon']),
        message: `"${it.icon}" is not a Tabler icon`,
        fix: closest(it.icon, ctx.icons)
          ? `did you mean "${closest(it.icon, ctx.icons)}"?`
          : 'pick a name from https://tabler.io/icons',
      });
  });
}

/** Checks one chart call against the datasets, the chart kinds and the story's frontmatter. */
export function checkChart(
  spec: ChartSpec,
  place: ChartCallPlace,
  ctx: StoryContext,
  listed: readonly string[] | undefined,
  reported: ReadonlySet<string> = new Set(),
): Omit<Problem, 'file'>[] {
  const out: Omit<Problem, 'file'>[] = [];
  const attrAt = (name: string) => place.attributes[name] ?? place.call;
  if (!isChartKind(spec.kind)) {
    out.push({
      kind: 'unknown-chart-kind',
      ...attrAt('kind'),
      message: `kind="${spec.kind}" is not a chart kind`,
      fix: closest(spec.kind, KIND_NAMES)
        ? `did you mean "${closest(spec.kind, KIND_NAMES)}"? Kinds: ${KIND_NAMES.join(', ')}`
        : `use one of ${KIND_NAMES.join(', ')} (see /guide/gallery/)`,
    });
  } else {
    // The kind's own option schema says which options it takes and what each accepts (src/charts/<kind>.ts).
    for (const p of optionProblems(spec.kind, spec.options)) {
      const a = place.attributes[p.attribute];
      const unknown = !chartOptions(spec.kind).includes(p.attribute);
      out.push({
        kind: unknown ? 'unknown-attribute' : 'wrong-value',
        ...(a ? (unknown ? { line: a.line, column: a.nameColumn, length: p.attribute.length } : a) : place.call),
        message: p.message,
        fix: p.fix,
      });
    }
  }
  if (spec.options.layout !== undefined && !ctx.layouts.has(spec.options.layout))
    out.push({
      kind: 'unknown-dataset',
      ...attrAt('layout'),
      message: `layout="${spec.options.layout}" names no file content/diagrams/${spec.options.layout}.json`,
      fix: didYouMean(spec.options.layout, [...ctx.layouts], 'layouts are'),
    });
  if (!ctx.datasetFiles.has(spec.dataset)) {
    if (!reported.has(spec.dataset))
      out.push({
        kind: 'unknown-dataset',
        ...attrAt('dataset'),
        message: `dataset="${spec.dataset}" names no dataset (no file content/data/${spec.dataset}.json)`,
        fix: didYouMean(spec.dataset, [...ctx.datasetFiles], 'datasets are'),
      });
    return out;
  }
  if (listed && !listed.includes(spec.dataset))
    out.push({
      kind: 'dataset-not-listed',
      ...attrAt('dataset'),
      message: `the chart uses dataset "${spec.dataset}", which the frontmatter's datasets do not list`,
      fix: `add "  - ${spec.dataset}" under datasets: in the frontmatter`,
    });
  if (ctx.broken.has(spec.dataset)) return out;
  const ids = ctx.rowIds.get(spec.dataset) ?? [];
  (spec.rows ?? []).forEach((row, i) => {
    if (!ids.includes(row))
      out.push({
        kind: 'unknown-row',
        ...(place.rows[i] ?? attrAt('rows')),
        message: `rows: dataset "${spec.dataset}" has no row "${row}"`,
        fix: didYouMean(row, ids, 'its rows are'),
      });
  });
  const total = spec.options.total;
  if (total !== undefined && !(spec.rows ?? ids).includes(total))
    out.push({
      kind: 'unknown-row',
      ...attrAt('total'),
      message: `total="${total}" is not one of the chart's rows`,
      fix: didYouMean(total, spec.rows ?? ids, 'its rows are'),
    });
  // Only comparable rows share a drawing: checked once the call itself is right and its rows are good.
  const dataset = ctx.datasets?.get(spec.dataset);
  const drawn = spec.rows ?? ids;
  if (!out.length && dataset && drawn.every((r) => ctx.goodRows.has(`${spec.dataset}/${r}`))) {
    // One mistake (the wrong rows) can break several rules: reported once, the other reasons as notes.
    const refusals = chartProblems({ ...spec }, dataset);
    const [first, ...rest] = refusals;
    if (first)
      out.push({
        kind: 'not-comparable',
        ...attrAt(first.attribute),
        message: first.message,
        fix: first.fix,
        ...(rest.length ? { notes: rest.map((p) => `also: ${p.message}`) } : {}),
      });
  }
  return out;
}
