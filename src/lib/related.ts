/** The related-stories index, computed once per build for the set of published stories and reused by every page. */
import { relatedIndex } from './reading.ts';
import type { Story } from '../data/stories.ts';

let cached: { key: string; index: Map<string, string[]> } | undefined;

/** Returns the related ids of every story, computing them only when the set of stories changes. */
export function relatedFor(stories: readonly Story[], count = 3): Map<string, string[]> {
  const key = `${count}|${stories.map((s) => s.id).join(',')}`;
  if (cached?.key !== key) {
    const texts = new Map(stories.map((s) => [s.id, `${s.data.title}${s.data.summary}${s.body ?? ''}`]));
    cached = { key, index: relatedIndex(texts, count) };
  }
  return cached.index;
}
