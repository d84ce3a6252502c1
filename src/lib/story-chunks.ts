/**
 * How the server bundle of a production build groups the stories: into a fixed number of chunks instead of one each.
 *
 * Astro's content layer imports each MDX story dynamically, so the bundler made a chunk of every story (and of
 * its propagated assets), and each chunk costs the bundler, its plugins and Astro's build a round of work. At
 * 1,000 stories, bundling took 5.0–7.3 s of a rebuild after one story changed; with ten stories to a chunk it
 * took 2.6–3.0 s, and the whole build's output was byte-identical (README "Build cost"). These chunks are the
 * prerender's own, run at build time and never published: nothing a reader loads changes.
 *
 * A story's group is a hash of its file name into a fixed number of groups, so adding or removing a story moves no
 * other story: when the number of groups followed the number of stories, the rebuild after 7 of 1,007 stories were
 * removed (101 groups to 100) restored none of Astro's incrementally built pages and took 18.0 s; with the groups
 * fixed it restored 1,230 and took 12.3 s.
 */

/** The number of groups: about ten stories to a chunk at 1,000 stories, one story to a chunk in a small archive. */
export const STORY_GROUPS = 100;

/** A story's MDX module (and its `?astroPropagatedAssets` twin), by its file name. */
const STORY_MODULE = /[/\\]content[/\\]stories[/\\]([^/\\?]+\.mdx)(?:\?|$)/;

/** FNV-1a of a string: the same group for the same file name on every machine. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Returns the chunk name of a module: `stories-<n>` for a story's, none (the bundler's own choice) otherwise. */
export function storyChunkName(id: string): string | null {
  const file = STORY_MODULE.exec(id)?.[1];
  return file ? `stories-${hash(file) % STORY_GROUPS}` : null;
}

/** The bundler's `output.codeSplitting` (rolldown's manual code splitting): the stories in their groups. */
export const storyCodeSplitting = { groups: [{ name: storyChunkName }] };
