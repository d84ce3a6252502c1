// How the server bundle groups the stories (src/lib/story-chunks.ts): about ten to a chunk, a story and its
// propagated assets together, the same group for the same file on every build, and every other module left to the
// bundler.
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STORIES_PER_CHUNK, storyChunkName, storyCodeSplitting } from '../../src/lib/story-chunks.ts';
import { tempFolders } from '../helpers/temp.ts';

const tempFolder = tempFolders('chunks');

/** A project with `n` story files (fiction: empty stories, for the count alone). */
function project(n: number) {
  const root = tempFolder();
  mkdirSync(join(root, 'content/stories'), { recursive: true });
  for (let i = 0; i < n; i++) writeFileSync(join(root, 'content/stories', `s${i}.mdx`), '');
  writeFileSync(join(root, 'content/stories', 'notes.txt'), '');
  return root;
}

describe('story chunks', () => {
  it('put a story and its propagated assets in one group, and leave other modules alone', () => {
    const story = '/site/content/stories/logistics.mdx';
    expect(storyChunkName(story, 7)).toMatch(/^stories-[0-6]$/);
    expect(storyChunkName(`${story}?astroPropagatedAssets`, 7)).toBe(storyChunkName(story, 7));
    expect(storyChunkName('C:\\site\\content\\stories\\logistics.mdx', 7)).toBe(storyChunkName(story, 7));
    for (const other of [
      '/site/src/pages/stories/[id].astro',
      '/site/content/guide/index.mdx',
      '/site/node_modules/d3/src/index.js',
      '/site/content/stories/logistics.mdx.bak',
    ])
      expect(storyChunkName(other, 7), other).toBeNull();
  });

  it('make about one group for every ten stories, each holding a share of them', () => {
    const groupsOf = (stories: number) => {
      const root = project(stories);
      const name = storyCodeSplitting(root).groups[0]!.name;
      const sizes = new Map<string, number>();
      for (let i = 0; i < stories; i++) {
        const group = name(join(root, 'content/stories', `s${i}.mdx`))!;
        sizes.set(group, (sizes.get(group) ?? 0) + 1);
      }
      return sizes;
    };
    expect([...groupsOf(7).keys()]).toEqual(['stories-0']);
    expect([...groupsOf(11).keys()].every((g) => ['stories-0', 'stories-1'].includes(g))).toBe(true);
    const large = groupsOf(1000);
    expect(large.size).toBeGreaterThanOrEqual(90);
    expect([...large.keys()].every((g) => Number(g.replace('stories-', '')) < 100)).toBe(true);
    // A hash spreads them: no group holds more than three times its share.
    expect(Math.max(...large.values())).toBeLessThanOrEqual(3 * STORIES_PER_CHUNK);
  });
});
