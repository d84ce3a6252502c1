/**
 * The datasets the content check found right, handed from the check that opens a build
 * (src/data/content-check-integration.ts) to the pages' loader (src/data/datasets.ts), so that a build parses and
 * checks the datasets once, not twice (0.6 s of CPU at 1,000 stories). The loader takes them only when every file
 * the verdict rests on reads the same as when it was checked: the files of content/data/, each report's
 * report.json and the list of stories; otherwise it reads and checks the files itself, as it always did. The check
 * and the pages are separate copies of these modules in one process, so the hand-over is kept on globalThis.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Dataset } from './dataset-schema.ts';

/** The files a dataset check depends on, read from a project root: path from the root → text; and the story ids. */
export interface CheckedInputs {
  texts: Map<string, string>;
  stories: string[];
}

interface Handed extends CheckedInputs {
  root: string;
  datasets: Dataset[];
}

const KEY = Symbol.for('shushuo.checked-datasets');
const store = globalThis as { [KEY]?: Handed };

const list = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

/**
 * Reads the files a dataset check depends on: content/data/*.json (the not-data list included), the report.json of
 * each folder of content/reports/, and the ids of content/stories/*.md(x).
 */
export function checkedInputs(root: string): CheckedInputs {
  const texts = new Map<string, string>();
  for (const name of list(join(root, 'content/data')))
    if (name.endsWith('.json'))
      texts.set(`content/data/${name}`, readFileSync(join(root, 'content/data', name), 'utf8'));
  for (const id of list(join(root, 'content/reports'))) {
    const path = `content/reports/${id}/report.json`;
    if (existsSync(join(root, path))) texts.set(path, readFileSync(join(root, path), 'utf8'));
  }
  const stories = list(join(root, 'content/stories'))
    .filter((f) => /\.mdx?$/.test(f))
    .map((f) => f.replace(/\.mdx?$/, ''));
  return { texts, stories };
}

/** Hands over the datasets of a check that found no problem in these inputs under root. */
export function handCheckedDatasets(root: string, inputs: CheckedInputs, datasets: Dataset[]): void {
  store[KEY] = { root: resolve(root), ...inputs, datasets };
}

/**
 * Returns the handed-over datasets (once) when the inputs under root read exactly as they were checked, or
 * undefined (nothing handed over, another root, or a file changed since).
 */
export function takeCheckedDatasets(root: string): Dataset[] | undefined {
  const handed = store[KEY];
  delete store[KEY];
  if (!handed || handed.root !== resolve(root)) return undefined;
  const now = checkedInputs(root);
  if (now.stories.join('\n') !== handed.stories.join('\n') || now.texts.size !== handed.texts.size) return undefined;
  for (const [path, text] of now.texts) if (handed.texts.get(path) !== text) return undefined;
  return handed.datasets;
}
