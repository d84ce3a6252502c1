/**
 * Content keys for Astro's incremental build (`experimental.incrementalBuild`, astro.config.mjs): a page whose key
 * and code are unchanged since the last build is copied from node_modules/.astro/ instead of rendered again.
 * Astro tracks the code (each route's module graph) and the MDX each page renders; a key must cover everything
 * else a page reads: the files that src/data reads with node:fs (datasets, reports, diagram layouts) and the other
 * stories a page shows (related stories). A key that misses an input gives a stale page, which the determinism test
 * and `npm run bench` (rebuild compared byte for byte with a cold build) would catch.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { contentKey, fileKey, filesKey } from './keys.ts';
import type { Story } from '../data/stories.ts';
import type { Dataset } from '../data/dataset-schema.ts';
import { relatedStories } from './related.ts';

/** Returns the key of dataset content/data/<id>.json. */
export function datasetKey(id: string, root = process.cwd()): string {
  return fileKey(join(root, 'content/data', `${id}.json`));
}

let shared: string | undefined;

/**
 * Returns one key over the content every page may read besides stories and datasets: reports (received text,
 * cleaned blocks, corrections, metadata), diagram layouts, the site's identity and the not-data list.
 */
export function sharedContentKey(root = process.cwd()): string {
  if (shared !== undefined) return shared;
  const content = join(root, 'content');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, e.name);
      const rel = relative(content, path).split('\\').join('/');
      if (e.isDirectory()) {
        if (rel !== 'stories' && rel !== 'data') walk(path);
      } else files.push(path);
    }
  };
  if (existsSync(content)) walk(content);
  files.push(join(content, 'data/not-data.json'));
  shared = filesKey(root, files);
  return shared;
}

let pageCode: string | undefined;

/**
 * Returns the key of the code src/middleware.ts applies to every rendered page (policy hashes, component CSS,
 * unused rules) and of the stylesheets it inlines: Astro does not count these as a route's code.
 */
export function pageCodeKey(root = process.cwd()): string {
  if (pageCode !== undefined) return pageCode;
  const styles = join(root, 'src/styles');
  const files = existsSync(styles)
    ? readdirSync(styles)
        .sort()
        .map((f) => join(styles, f))
    : [];
  for (const f of ['middleware.ts', 'lib/csp-first.ts', 'lib/page-css.ts', 'lib/css-purge.ts'])
    files.push(join(root, 'src', f));
  pageCode = filesKey(root, files);
  return pageCode;
}

/** Returns the dataset ids a story body names in a dataset="…" attribute (<Chart>, <Fig>). */
export function datasetsNamedIn(body: string): string[] {
  return [...new Set([...body.matchAll(/\bdataset=["']([^"']+)["']/g)].map((m) => m[1]!))];
}

/**
 * Returns a story page's key: its own entry (frontmatter and MDX), the datasets it names, the related stories it
 * lists (their ids, headlines and summaries), the shared content and the middleware's code (pageCodeKey). Other
 * stories changing leaves it alone unless they change what this page shows.
 */
export function storyPageKey(story: Story, stories: readonly Story[]): string {
  const related = relatedStories(story, stories).map((s) => [s.id, s.data.title, s.data.summary]);
  const datasets = [...new Set([...story.data.datasets, ...datasetsNamedIn(story.body ?? '')])].sort();
  return contentKey(
    'story',
    story.id,
    story.digest ?? story.body,
    story.data,
    datasets.map((id) => [id, datasetKey(id)]),
    related,
    sharedContentKey(),
    pageCodeKey(),
  );
}

/**
 * Returns the key of one of a report's pages: "index" lists the report's published stories (pass them, in printed
 * order: their frontmatter is what it shows of them), "source" shows the report's text and corrections only. Both
 * rest on the report's own files (in the shared content) and the middleware's code; a story of another report, or
 * a story's body, changing leaves them alone.
 */
export function reportPageKey(page: 'index' | 'source', reportId: string, stories: readonly Story[] = []): string {
  return contentKey(
    'report',
    page,
    reportId,
    stories.map((s) => [s.id, s.data]),
    sharedContentKey(),
    pageCodeKey(),
  );
}

/**
 * Returns the key of a report's data page (/data/<report>/): its datasets as loaded (every value, quote and note it
 * prints, derived rows included), the published title of each story they name (a story not published is listed as
 * such: the page leaves it out), the shared content (the report's metadata and paragraphs) and the middleware's code.
 */
export function dataPageKey(
  reportId: string,
  datasets: readonly Dataset[],
  storyTitle: (id: string) => string | undefined,
): string {
  const stories = [...new Set(datasets.flatMap((d) => d.stories))].sort().map((id) => [id, storyTitle(id) ?? null]);
  return contentKey('data', reportId, datasets, stories, sharedContentKey(), pageCodeKey());
}
