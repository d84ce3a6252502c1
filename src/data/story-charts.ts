/**
 * Every chart on the site: specs read from the stories and checked against datasets and chart kinds. Each call is
 * checked and drawn by src/data/chart-drawing.ts.
 */
import { getCollection } from 'astro:content';
import { existsSync, readFileSync } from 'node:fs';
import { bodyFirstLine, chartCallsIn, type ChartSpec } from './chart-specs.ts';
import { getDataset } from './datasets.ts';
import { checkSpec } from './chart-drawing.ts';

let specsPromise: Promise<ChartSpec[]> | undefined;

/** Returns every chart spec of every story (drafts included in dev), failing with all problems at once. */
export function allChartSpecs(): Promise<ChartSpec[]> {
  // In `npm run dev` stories change while the process lives: read them again for each page.
  if (import.meta.env.DEV) return loadSpecs();
  specsPromise ??= loadSpecs();
  return specsPromise;
}

async function loadSpecs(): Promise<ChartSpec[]> {
  const stories = await getCollection('stories', (e) => import.meta.env.DEV || !e.data.draft);
  const specs: ChartSpec[] = [];
  const errors: string[] = [];
  for (const story of stories) {
    const file = story.filePath ?? `content/stories/${story.id}.mdx`;
    // story.body has no frontmatter: count lines from the file so messages point at the line the editor sees.
    const body = story.body ?? '';
    const found = chartCallsIn(
      body,
      story.id,
      file,
      existsSync(file) ? bodyFirstLine(readFileSync(file, 'utf8'), body) : 1,
    );
    errors.push(...found.errors);
    for (const spec of found.specs) {
      errors.push(...checkSpec(spec).map((e) => `${file}: <Chart id="${spec.id}"> ${e}`));
      if (!story.data.datasets.includes(spec.dataset) && datasetExists(spec.dataset)) {
        errors.push(
          `${file}: <Chart id="${spec.id}"> uses dataset "${spec.dataset}", which is not listed in the frontmatter's datasets: [${story.data.datasets.join(', ')}]`,
        );
      }
      specs.push(spec);
    }
  }
  const seen = new Map<string, string>();
  for (const spec of specs) {
    const other = seen.get(spec.id);
    if (other)
      errors.push(
        `${spec.file}: <Chart id="${spec.id}"> uses an id already used in ${other}; chart ids must be unique across the site`,
      );
    seen.set(spec.id, spec.file);
  }
  if (errors.length)
    throw new Error(`The stories' charts have ${errors.length} problem(s):\n  - ${errors.join('\n  - ')}`);
  return specs;
}

function datasetExists(id: string): boolean {
  try {
    getDataset(id);
    return true;
  } catch {
    return false;
  }
}
