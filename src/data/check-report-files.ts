/**
 * The files of one report folder, content/reports/<id>/, checked with positions: the folder's name, that every
 * file is there, and the syntax and shape of report.json, meta.json, corrections.json and key-figures.json. This is
 * the one check of a report folder's files: the content check uses it, and so does the site's loader
 * (src/data/report.ts), which keeps the values that passed. The content check then checks what the files name: a
 * correction's paragraph must be a paragraph of this report, a key figure's story, dataset and row must exist and
 * belong to it, and the story must be one of the dataset's stories. Every problem points at the JSON token, with a
 * fix and the nearest known id. Duplicate paragraph ids are found by check-content.ts, which reads report.json first.
 */
import type { z } from 'astro/zod';
import { SLUG, ID_RULES } from './ids.ts';
import { placeProblem, readJson, type PathProblem } from './check-datasets.ts';
import { REPORT_FILES, reportSchema } from './report-schema.ts';
import { reportMetaSchema } from './report-meta-schema.ts';
import { correctionsSchema } from './corrections-schema.ts';
import { keyFiguresSchema } from './key-figures-schema.ts';
import { isDateRow, type Row } from './dataset-schema.ts';
import { closest, didYouMean, type Problem } from './diagnostics.ts';
import type { JsonDocument, JsonPath } from './json-source.ts';

/** What a report folder's files may name, from the rest of the content. */
export interface ReportFolderContext {
  /** The paragraph ids of this report, in printed order; undefined when its report.json could not be read. */
  paragraphs: readonly string[] | undefined;
  /** Story ids in content/stories/. */
  stories: readonly string[];
  /** Datasets by id: the report each names, the stories it says use it, and its row ids. */
  datasets: ReadonlyMap<string, { report?: string; stories?: readonly string[]; rows: readonly string[] }>;
  /** Datasets that could not be read whole: whatever names them is not checked again. */
  broken: ReadonlySet<string>;
  /** Rows that passed their checks, by "dataset/row". */
  goodRows: ReadonlyMap<string, { row: Row }>;
}

const SHAPES: Record<string, { schema: z.ZodType; example: string }> = {
  'report.json': {
    schema: reportSchema,
    example: '{ "sections": [ { "id", "kind", "blocks": [ { "id", "role", "text" } ] } ] }',
  },
  'meta.json': {
    schema: reportMetaSchema,
    example:
      'see content/reports/longcheng-2021-09/meta.json: key, title, place, period, publication, date, credits, byline',
  },
  'corrections.json': {
    schema: correctionsSchema,
    example: '{ "repairs": [ { "id", "paragraph", "kind", "before", "after", "why" } ], "noted": [ … ] }',
  },
  'key-figures.json': {
    schema: keyFiguresSchema,
    example: '{ "figures": [ { "story", "dataset", "row", "label"?, "card"?, "strip"? } ] }',
  },
};

/** A report folder's file that was read: its text, its JSON document and, once its shape passed, its value. */
interface ReadFile<T> {
  text: string;
  doc: JsonDocument;
  data?: T;
}

/** What one report folder holds, file by file, as far as each could be read and passed its shape. */
export interface ReportFolderFiles {
  'report.json'?: ReadFile<z.infer<typeof reportSchema>>;
  'meta.json'?: ReadFile<z.infer<typeof reportMetaSchema>>;
  'corrections.json'?: ReadFile<z.infer<typeof correctionsSchema>>;
  'key-figures.json'?: ReadFile<z.infer<typeof keyFiguresSchema>>;
  'received.txt'?: string;
}

/**
 * Checks one report folder's own files, with nothing else of the content: the folder's name, that every file is
 * there, and each JSON file's syntax and shape. The one check of a report folder: `npm run check:content` (below,
 * with what the files name) and the site's loader (src/data/report.ts) both use it. `reportJsonChecked`: the caller
 * has reported report.json's syntax and a missing "sections" list itself (check-content.ts reads it first).
 */
export function readReportFolder(
  id: string,
  read: (path: string) => string | undefined,
  { reportJsonChecked = false }: { reportJsonChecked?: boolean } = {},
): { problems: Problem[]; files: ReportFolderFiles } {
  const dir = `content/reports/${id}`;
  const problems: Problem[] = [];
  const files: ReportFolderFiles = {};
  if (!SLUG.test(id)) {
    problems.push({
      kind: 'report-folder',
      file: dir,
      line: 1,
      column: 1,
      message: `"${id}" is not a report id`,
      fix: `rename the folder: ${ID_RULES.slug}`,
    });
    return { problems, files };
  }
  // key-figures.json is optional.
  for (const name of REPORT_FILES)
    if (read(`${dir}/${name}`) === undefined)
      problems.push({
        kind: 'report-folder',
        file: `${dir}/${name}`,
        line: 1,
        column: 1,
        message: `the report folder ${dir}/ has no ${name}`,
        fix:
          name === 'received.txt'
            ? 'keep the text exactly as received beside the cleaned report'
            : `every report folder holds ${REPORT_FILES.join(', ')}; copy the shape from another report's ${name}`,
      });
  files['received.txt'] = read(`${dir}/received.txt`);

  for (const name of ['report.json', 'meta.json', 'corrections.json', 'key-figures.json'] as const) {
    const file = `${dir}/${name}`;
    const text = read(file);
    if (text === undefined) continue;
    const { doc, problem } = readJson(file, text);
    if (problem) {
      if (name !== 'report.json' || !reportJsonChecked) problems.push(problem);
      continue;
    }
    const value = doc!.value;
    files[name] = { text, doc: doc! };
    if (name === 'report.json' && reportJsonChecked && !Array.isArray((value as { sections?: unknown })?.sections))
      continue;
    const { schema, example } = SHAPES[name]!;
    const parsed = schema.safeParse(value);
    if (parsed.success) (files[name] as ReadFile<unknown>).data = parsed.data;
    else
      for (const p of shapeProblems(parsed.error, value, schema, name, example))
        problems.push(placeProblem(file, text, doc, p));
  }
  return { problems, files };
}

/**
 * Checks the folder content/reports/<id>/ (report.json's syntax, sections and ids are checked by the caller): its
 * own files (readReportFolder), then what its corrections and key figures name.
 */
export function checkReportFolder(
  id: string,
  read: (path: string) => string | undefined,
  ctx: ReportFolderContext,
): Problem[] {
  const { problems, files } = readReportFolder(id, read, { reportJsonChecked: true });
  const placeIn = (name: 'corrections.json' | 'key-figures.json') => (p: PathProblem) => {
    const { text, doc } = files[name]!;
    problems.push(placeProblem(`content/reports/${id}/${name}`, text, doc, p));
  };
  const corrections = files['corrections.json']?.data;
  if (corrections) checkCorrections(corrections, ctx, placeIn('corrections.json'));
  const keyFigures = files['key-figures.json']?.data;
  if (keyFigures) checkKeyFigures(id, keyFigures, ctx, placeIn('key-figures.json'));
  return problems;
}

function checkCorrections(
  log: z.infer<typeof correctionsSchema>,
  ctx: ReportFolderContext,
  place: (p: PathProblem) => void,
) {
  if (!ctx.paragraphs) return;
  const paragraphs = ctx.paragraphs;
  const known = new Set(paragraphs);
  const entries = [
    ...log.repairs.map((r, i) => ({ paragraph: r.paragraph, path: ['repairs', i, 'paragraph'] })),
    ...log.noted.map((n, i) => ({ paragraph: n.paragraph, path: ['noted', i, 'paragraph'] })),
  ];
  for (const { paragraph, path } of entries)
    if (paragraph !== '*' && !known.has(paragraph))
      place({
        kind: 'unknown-paragraph',
        path,
        message: `"${paragraph}" is not a paragraph of this report`,
        fix: `${didYouMean(paragraph, paragraphs, 'its paragraphs are')}; a correction names a paragraph of its own report's report.json, or "*" for all`,
      });
}

function checkKeyFigures(
  report: string,
  picks: z.infer<typeof keyFiguresSchema>,
  ctx: ReportFolderContext,
  place: (p: PathProblem) => void,
) {
  const ours = [...ctx.datasets].filter(([, d]) => d.report === report).map(([id]) => id);
  picks.figures.forEach((pick, i) => {
    if (!ctx.stories.includes(pick.story))
      place({
        kind: 'unknown-story',
        path: ['figures', i, 'story'],
        message: `"${pick.story}" is not a story in content/stories/`,
        fix: didYouMean(pick.story, ctx.stories, 'the stories are'),
      });
    if (ctx.broken.has(pick.dataset)) return;
    const dataset = ctx.datasets.get(pick.dataset);
    if (!dataset) {
      place({
        kind: 'unknown-dataset',
        path: ['figures', i, 'dataset'],
        message: `"${pick.dataset}" is not a dataset in content/data/`,
        fix: didYouMean(pick.dataset, ours.length ? ours : [...ctx.datasets.keys()], 'this report’s datasets are'),
      });
      return;
    }
    if (dataset.report !== report) {
      place({
        kind: 'key-figure-report',
        path: ['figures', i, 'dataset'],
        message: `"${pick.dataset}" is a dataset of report "${dataset.report ?? '(none)'}", not of ${report}`,
        fix: `a report's key figures are rows of its own datasets: ${ours.join(', ') || '(it has none yet)'}`,
      });
      return;
    }
    // The figure links to its story (the home page card, the strip): the story must be one that shows this dataset.
    // (A dataset that names a story which does not exist is reported there; nothing is compared with its list.)
    const listed = dataset.stories ?? [];
    const comparable = ctx.stories.includes(pick.story) && listed.every((s) => ctx.stories.includes(s));
    if (comparable && !listed.includes(pick.story)) {
      place({
        kind: 'key-figure-story',
        path: ['figures', i, 'story'],
        message: `"${pick.story}" is not a story of dataset "${pick.dataset}" (its "stories" are ${listed.join(', ') || 'none'})`,
        fix: `name the story that shows this number (${listed.join(', ') || 'add it to the dataset’s "stories"'}), or choose a row of a dataset of "${pick.story}"`,
      });
      return;
    }
    if (!dataset.rows.includes(pick.row)) {
      const near = closest(pick.row, dataset.rows);
      place({
        kind: 'unknown-row',
        path: ['figures', i, 'row'],
        message: `dataset "${pick.dataset}" has no row "${pick.row}"`,
        fix: near ? `did you mean "${near}"?` : didYouMean(pick.row, dataset.rows, 'its rows are'),
      });
      return;
    }
    const good = ctx.goodRows.get(`${pick.dataset}/${pick.row}`);
    // A row found wrong is reported in its dataset; the figure that shows it is not a further mistake.
    if (good && (isDateRow(good.row) || !good.row.source))
      place({
        kind: 'key-figure-not-quoted',
        path: ['figures', i, 'row'],
        message: `row "${pick.row}" of "${pick.dataset}" is ${isDateRow(good.row) ? 'a date' : 'computed by the site'}, not a number quoted from the report`,
        fix: 'a key figure is a number the report states: choose a row with "source"',
      });
  });
}

/** The fields a schema accepts at a path (for "did you mean" on an unknown field). */
function fieldsAt(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  let s: unknown = schema;
  for (const key of path) {
    const def = (s as { def?: Record<string, unknown> }).def;
    if (!def) return [];
    if (typeof key === 'number') s = def.element;
    else s = (def.shape as Record<string, unknown> | undefined)?.[key];
    while ((s as { def?: { innerType?: unknown } })?.def?.innerType)
      s = (s as { def: { innerType: unknown } }).def.innerType;
  }
  const shape = (s as { def?: { shape?: Record<string, unknown> } })?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

const valueAt = (data: unknown, path: JsonPath): unknown =>
  path.reduce<unknown>(
    (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k as string] : undefined),
    data,
  );

const show = (path: readonly PropertyKey[]) =>
  path.reduce<string>(
    (out, k) => (typeof k === 'number' ? `${out}[${k}]` : out ? `${out}.${String(k)}` : String(k)),
    '',
  ) || '(top level)';

/** Zod's issues for a report file as positioned problems: unknown and missing fields, choices, wrong values. */
function shapeProblems(error: z.ZodError, data: unknown, schema: z.ZodType, name: string, example: string) {
  const out: PathProblem[] = [];
  /** Required fields that are only misspelt: the unknown field's message says so, "missing" would be a consequence. */
  const renamed = new Set<string>();
  for (const issue of error.issues) {
    const path = issue.path as (string | number)[];
    const input = valueAt(data, path);
    const field = show(path);
    if (issue.code === 'unrecognized_keys') {
      const known = fieldsAt(schema, path);
      for (const k of issue.keys) {
        const near = closest(k, known);
        if (near) renamed.add(show([...path, near]));
        out.push({
          kind: 'unknown-field',
          path: [...path, k],
          at: 'key',
          message: `"${k}" is not a field of ${path.length ? field : name}`,
          fix: near ? `did you mean "${near}"? Rename it` : `remove it; the fields are ${known.join(', ')}`,
        });
      }
    } else if (input === undefined && issue.code === 'invalid_type') {
      out.push({
        kind: 'missing-field',
        path,
        fallback: path.slice(0, -1),
        message: `${path.length > 1 ? show(path.slice(0, -1)) : name} has no "${String(path.at(-1))}" (a required field, ${issue.expected})`,
        fix: `add "${String(path.at(-1))}": …; the shape is ${example}`,
      });
    } else if (
      (issue.code === 'invalid_value' && 'values' in issue) ||
      (issue.code === 'invalid_union' && /^Invalid discriminator value/.test(issue.message))
    ) {
      // A discriminated union (a block's role) lists its choices only in its message.
      const values =
        'values' in issue
          ? (issue.values as unknown[]).map(String)
          : [...issue.message.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
      const near = typeof input === 'string' ? closest(input, values) : undefined;
      out.push({
        kind: 'invalid-choice',
        path,
        message: `${JSON.stringify(input)} is not one of the values of ${field}`,
        fix: near ? `did you mean "${near}"?` : `use one of: ${values.join(', ')}`,
      });
    } else {
      const what = issue.message.replace(/^Invalid input: /, '');
      out.push({
        kind: 'report-shape',
        path,
        message: `${field}: ${what}`,
        fix: /paragraph|\.id$/.test(field) ? `ids: ${ID_RULES.paragraph}` : `the shape is ${example}`,
      });
    }
  }
  return out.filter((p) => p.kind !== 'missing-field' || !renamed.has(show(p.path)));
}
