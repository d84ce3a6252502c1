/** Published stories, newest report first and each report's in printed order; drafts stay out of production builds. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { allDatasets } from './datasets.ts';
import { allReports } from './report.ts';

export type Story = CollectionEntry<'stories'>;

let published: Promise<Story[]> | undefined;

/**
 * Returns the stories to publish: the newest report's first, each report's lead first. A build sorts them once
 * (every story page asks, so sorting per page grew with the square of the archive); dev reads them anew each time.
 * Each caller gets its own array.
 */
export async function publishedStories(): Promise<Story[]> {
  if (import.meta.env.DEV) return sortedStories();
  published ??= sortedStories();
  return [...(await published)];
}

async function sortedStories(): Promise<Story[]> {
  const all = await getCollection('stories', (entry) => import.meta.env.DEV || !entry.data.draft);
  const rank = new Map(allReports().map((r, i) => [r.id, i]));
  return all.sort(
    (a, b) =>
      rank.get(a.data.report)! - rank.get(b.data.report)! || a.data.order - b.data.order || a.id.localeCompare(b.id),
  );
}

/** Returns one report's published stories in printed order, lead first. */
export async function reportStories(reportId: string): Promise<Story[]> {
  return (await publishedStories()).filter((s) => s.data.report === reportId);
}

/** Returns the datasets that published stories use, in the datasets' own order: a draft's data stays unpublished. */
export async function publishedDatasets() {
  const used = new Set((await publishedStories()).flatMap((s) => s.data.datasets));
  return allDatasets().filter((d) => used.has(d.id));
}
