/**
 * The related-stories index, computed once per build for the set of published stories and reused by every page. A
 * production build also keeps it in node_modules/.cache/shushuo/related.json (git-ignored; delete it freely), keyed
 * by every story's text and the code that computes it, so a rebuild after a change that leaves every story's
 * headline, summary and body as they were reads it instead of computing it again (0.6 s of the page thread before
 * any page, at 1,000 stories).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { contentKey, fileHash, filesKey } from './keys.ts';
import { relatedIndex } from './reading.ts';
import type { Story } from '../data/stories.ts';

let cached: { count: number; ids: string[]; index: Map<string, string[]> } | undefined;

/** Whether the stories are, in order, those of these ids: compared in place, since every story page asks twice. */
function sameIds(stories: readonly Story[], ids: readonly string[]): boolean {
  if (stories.length !== ids.length) return false;
  for (let i = 0; i < ids.length; i++) if (stories[i]!.id !== ids[i]) return false;
  return true;
}

/** Where a build keeps the index, under a project root. */
export const relatedFile = (root: string): string => join(root, 'node_modules/.cache/shushuo/related.json');

/**
 * Returns the related index of these texts: the one kept under `root` when its key is theirs, else computed, and
 * kept there (a cache that cannot be read or written only costs the time).
 */
export function keptRelatedIndex(root: string, texts: ReadonlyMap<string, string>, count: number) {
  const file = relatedFile(root);
  // Read now (fileHash, not the once-per-build fileKey), as for the embed cache: a process that outlives a change of
  // the code (a test, the dev server) sees it.
  const code = filesKey(
    root,
    ['src/lib/reading.ts', 'src/lib/related.ts'].map((f) => join(root, f)),
    fileHash,
  );
  const key = contentKey('related', count, code, [...texts]);
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { key?: unknown; index?: [string, string[]][] };
    if (kept.key === key && Array.isArray(kept.index)) return new Map(kept.index);
  } catch {
    // None kept yet, or unreadable: computed below.
  }
  const index = relatedIndex(texts, count);
  try {
    mkdirSync(dirname(file), { recursive: true });
    // Written under a temporary name, then renamed: a build stopped halfway leaves no half file.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, JSON.stringify({ key, index: [...index] }));
    renameSync(partial, file);
  } catch {
    // A cache that cannot be written: the next build computes it again.
  }
  return index;
}

/** Returns the related ids of every story, computing them only when the set of stories changes. */
export function relatedFor(stories: readonly Story[], count = 3): Map<string, string[]> {
  if (!cached || cached.count !== count || !sameIds(stories, cached.ids)) {
    const texts = new Map(stories.map((s) => [s.id, `${s.data.title}${s.data.summary}${s.body ?? ''}`]));
    // Kept between builds only by a production build: the dev server and the tests compute it.
    const index = import.meta.env?.PROD ? keptRelatedIndex(process.cwd(), texts, count) : relatedIndex(texts, count);
    cached = { count, ids: stories.map((s) => s.id), index };
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
