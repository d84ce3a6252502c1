/** Published stories in home-page order; drafts are left out of production builds. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { allDatasets } from './datasets.ts';

export type Story = CollectionEntry<'stories'>;

/** Returns the stories to publish, lead first. */
export async function publishedStories(): Promise<Story[]> {
  const all = await getCollection('stories', (entry) => import.meta.env.DEV || !entry.data.draft);
  return all.sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}

/** Returns the datasets that published stories use, in the datasets' own order: a draft's data stays unpublished. */
export async function publishedDatasets() {
  const used = new Set((await publishedStories()).flatMap((s) => s.data.datasets));
  return allDatasets().filter((d) => used.has(d.id));
}
