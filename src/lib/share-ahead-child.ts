/**
 * The child process of src/lib/share-ahead.ts: draws the share image of every published story, and the site's,
 * into the share-image cache of the project in the working folder, ahead of the build's pages. It reads the stories
 * from their files (frontmatter only), not through Astro's content collection, which the build has not filled yet;
 * the cards follow the route's own rule (src/lib/share-cards.ts). It draws them on its own thread, not on a worker
 * as the build does: it does nothing else, and a second heap would only add to the build's memory. Whatever goes
 * wrong here only leaves cards to the share-image route, so it prints nothing and exits. A plain Node program (Node
 * strips the types).
 */
import { setPriority } from 'node:os';

// First, before anything is loaded: the child takes only what the build leaves of the cores. The threads it starts
// later (sharp's) take this priority from it.
try {
  setPriority(19);
} catch {
  // A system that refuses still gets the cards, at normal priority.
}

try {
  const { readdirSync, readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { readFrontmatter } = await import('../data/frontmatter.ts');
  const { storyFieldsSchema } = await import('../data/story-schema.ts');
  const { shareCards } = await import('./share-cards.ts');
  const { drawSharePngs } = await import('./share-png.ts');
  const dir = join(process.cwd(), 'content/stories');
  const stories = readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .flatMap((name) => {
      const front = readFrontmatter(readFileSync(join(dir, name), 'utf8'));
      const fields = front.ok ? storyFieldsSchema.safeParse(front.data) : undefined;
      return fields?.success && !fields.data.draft ? [{ id: name.slice(0, -'.mdx'.length), data: fields.data }] : [];
    });
  await drawSharePngs(
    shareCards(stories).map((c) => c.card),
    undefined,
    true,
  );
} catch {
  // Left to the route.
}
process.exit(0);
