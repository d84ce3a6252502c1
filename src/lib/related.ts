/** The related-stories index, computed once per build for the set of published stories and reused by every page. */
import { relatedIndex } from './reading.ts';
import type { Story } from '../data/stories.ts';

let cached: { count: number; ids: string[]; index: Map<string, string[]> } | undefined;

/** Whether the stories are, in order, those of these ids: compared in place, since every story page asks twice. */
function sameIds(stories: readonly Story[], ids: readonly string[]): boolean {
  if (stories.length !== ids.length) return false;
  for (let i = 0; i < ids.length; i++) if (stories[i]!.id !== ids[i]) return false;
  return true;
}

/** Returns the related ids of every story, computing them only when the set of stories changes. */
export function relatedFor(stories: readonly Story[], count = 3): Map<string, string[]> {
  if (!cached || cached.count !== count || !sameIds(stories, cached.ids)) {
    const texts = new Map(stories.map((s) => [s.id, `${s.data.title}${s.data.summary}${s.body ?? ''}`]));
    cached = { count, ids: stories.map((s) => s.id), index: relatedIndex(texts, count) };
  }
  return cached.index;
}

/**
 * Returns the stories related to one, most similar first, taken from `stories` (so a page shows their current
 * headlines); a search for each of the few ids rather than a map of the whole archive built per page.
 */
export function relatedStories(story: Story, stories: readonly Story[], count = 3): Story[] {
  return (relatedFor(stories, count).get(story.id) ?? []).map((id) => stories.find((s) => s.id === id)!);
}
