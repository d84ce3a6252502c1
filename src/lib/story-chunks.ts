/**
 * How the server bundle of a production build groups the stories: about ten to a chunk instead of one each.
 *
 * Astro's content layer imports each MDX story dynamically, so the bundler made a chunk of every story (and of
 * its propagated assets), and each chunk costs the bundler, its plugins and Astro's build a round of work. At
 * 1,000 stories, bundling took 5.0–7.3 s of a rebuild after one story changed; with ten stories to a chunk it
 * took 2.6–3.0 s, and the whole build's output was byte-identical (README "Build cost"). These chunks are the
 * prerender's own, run at build time and never published: nothing a reader loads changes.
 *
 * A story's group is a hash of its file name, so it stays in its group as stories are edited; the number of groups
 * follows the number of stories when the build starts.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Stories to a chunk of the server bundle, on average. */
export const STORIES_PER_CHUNK = 10;

/** A story's MDX module (and its `?astroPropagatedAssets` twin), by its file name. */
const STORY_MODULE = /[/\\]content[/\\]stories[/\\]([^/\\?]+\.mdx)(?:\?|$)/;

/** FNV-1a of a string: the same group for the same file name on every machine. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Returns the chunk name of a module: `stories-<n>` for a story's, none (the bundler's own choice) otherwise. */
export function storyChunkName(id: string, groups: number): string | null {
  const file = STORY_MODULE.exec(id)?.[1];
  return file ? `stories-${hash(file) % groups}` : null;
}

/** The bundler's `output.codeSplitting` for the stories under `root` (rolldown's manual code splitting). */
export function storyCodeSplitting(root: string) {
  const dir = join(root, 'content/stories');
  const stories = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.mdx')).length : 0;
  const groups = Math.max(1, Math.ceil(stories / STORIES_PER_CHUNK));
  return { groups: [{ name: (id: string) => storyChunkName(id, groups) }] };
}
