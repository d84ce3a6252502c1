/**
 * The datasets of content/data/, read with node:fs from the project root (process.cwd() in builds, tests and
 * scripts), checked with the same schema and provenance checks as `npm run check:content`, and served to pages.
 * A build that reads a broken dataset fails with the checker's messages.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { folderStamp } from './folder-stamp.ts';
import { join, relative, resolve } from 'node:path';
import { checkDatasetTexts, parseJson, type CheckContext } from './check-datasets.ts';
import { checkNotData, coverageGaps, notDataSchema, type NotData } from './coverage.ts';
import type { Dataset, Row } from './dataset-schema.ts';
import { allReports, reportIds, reportOf } from './report.ts';
import { closest } from './diagnostics.ts';
import { takeCheckedDatasets } from './checked-datasets.ts';

export type { Dataset, Row } from './dataset-schema.ts';

/** The list of numbers in the report that are not data (names, codes, batch numbers); not a dataset. */
export const NOT_DATA_FILE = 'not-data.json';

/** Returns paragraph id → text for every block of every cleaned report (newest report first). */
export function reportParagraphs(): Map<string, string> {
  return new Map(allReports().flatMap((r) => r.sections.flatMap((s) => s.blocks.map((b) => [b.id, b.text] as const))));
}

/** Returns the ids of the stories in content/stories/ under a project root. */
export function storyIds(root = process.cwd()): string[] {
  const dir = join(root, 'content/stories');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.mdx?$/.test(f))
    .map((f) => f.replace(/\.mdx?$/, ''))
    .sort();
}

/** Reads, parses and checks every dataset file of a folder; messages name files relative to the root. */
export function readDatasetDir(dir: string, root = process.cwd()) {
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json') && f !== NOT_DATA_FILE)
        .sort()
    : [];
  const ctx: CheckContext = {
    paragraphs: reportParagraphs(),
    stories: storyIds(root),
    reports: { of: reportOf, ids: reportIds() },
  };
  const inputs = files.map((f) => ({
    file: relative(root, join(dir, f)).split('\\').join('/'),
    text: readFileSync(join(dir, f), 'utf8'),
  }));
  const result = checkDatasetTexts(inputs, ctx);
  let coverage: string[] | undefined;
  const notDataPath = join(dir, NOT_DATA_FILE);
  if (existsSync(notDataPath)) {
    const file = relative(root, notDataPath).split('\\').join('/');
    const { entries, errors } = readNotData(file, readFileSync(notDataPath, 'utf8'), ctx.paragraphs, result.datasets);
    result.errors.push(...errors);
    coverage = errors.length || result.errors.length ? [] : coverageGaps(result.datasets, ctx.paragraphs, entries);
  }
  return { ...result, files: inputs.length, coverage };
}

/** Parses the not-data list; returns its entries and any problems with it. */
export function readNotData(
  file: string,
  text: string,
  paragraphs: ReadonlyMap<string, string>,
  datasets: readonly Dataset[],
): { entries: NotData[]; errors: string[] } {
  const json = parseJson(file, text);
  if (json.error) return { entries: [], errors: [json.error] };
  const parsed = notDataSchema.safeParse(json.data);
  if (!parsed.success)
    return { entries: [], errors: parsed.error.issues.map((i) => `${file}: ${i.path.join('.')}: ${i.message}`) };
  return { entries: parsed.data.entries, errors: checkNotData(file, parsed.data.entries, paragraphs, datasets) };
}

let cache: { key: string; datasets: Dataset[]; byId: Map<string, Dataset> } | undefined;

function load(): { datasets: Dataset[]; byId: Map<string, Dataset> } {
  const root = process.cwd();
  const dir = resolve(root, 'content/data');
  // A build reads the datasets once. `npm run dev` lives across edits, so there the files' stamps are part of the
  // key and an edited dataset is read again on the next request. (Plain Node scripts have no import.meta.env.)
  const key = import.meta.env?.DEV ? `${root}\n${folderStamp(dir)}` : root;
  if (cache?.key === key) return cache;
  // A build's content check has already parsed and checked these very files: take its datasets (checked-datasets.ts).
  let datasets = takeCheckedDatasets(root);
  if (!datasets) {
    const read = readDatasetDir(dir, root);
    if (read.errors.length) {
      throw new Error(
        `The datasets in content/data/ have ${read.errors.length} problem(s) (run npm run check:content):\n  - ${read.errors.join('\n  - ')}`,
      );
    }
    datasets = read.datasets;
  }
  const order = new Map([...reportParagraphs().keys()].map((id, i) => [id, i]));
  const first = (d: Dataset) => Math.min(...d.rows.map((r) => (r.source ? order.get(r.source.paragraph)! : Infinity)));
  const rank = new Map(reportIds().map((id, i) => [id, i]));
  datasets.sort((a, b) => rank.get(a.report)! - rank.get(b.report)! || first(a) - first(b) || a.id.localeCompare(b.id));
  // By id as well: pages ask for datasets by id tens of thousands of times (every chart, key figure and download),
  // and a search of the whole list each time grew with the archive.
  const byId = new Map<string, Dataset>();
  for (const d of datasets) if (!byId.has(d.id)) byId.set(d.id, d);
  cache = { key, datasets, byId };
  return cache;
}

/** Returns every dataset, checked: newest report first, each report's in the order it first cites them. */
export function allDatasets(): Dataset[] {
  return load().datasets;
}

/** Returns one dataset; throws `unknown dataset "x"` naming the closest ids. */
export function getDataset(id: string): Dataset {
  const { datasets, byId } = load();
  const found = byId.get(id);
  if (found) return found;
  throw new Error(
    `unknown dataset "${id}"${suggest(
      id,
      datasets.map((d) => d.id),
    )}`,
  );
}

/** Returns one row of a dataset; throws naming the dataset and the closest row ids. */
export function findRow(datasetId: string, rowId: string): Row {
  const dataset = getDataset(datasetId);
  const row = dataset.rows.find((r) => r.id === rowId);
  if (row) return row;
  throw new Error(
    `unknown row "${rowId}" in dataset "${datasetId}"${suggest(
      rowId,
      dataset.rows.map((r) => r.id),
    )}`,
  );
}

function suggest(wanted: string, ids: readonly string[]): string {
  const near = closest(wanted, ids);
  return `${near ? `; did you mean "${near}"?` : '.'} Known: ${ids.join(', ') || '(none)'}`;
}
