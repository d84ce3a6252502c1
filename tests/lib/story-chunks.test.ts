// How the server bundle groups the stories (src/lib/story-chunks.ts): a story and its propagated assets together,
// in a group that depends on its file name alone (so adding a story moves no other), about ten to a group at 1,000
// stories, and every other module left to the bundler.
import { describe, expect, it } from 'vitest';
import { STORY_GROUPS, storyChunkName, storyCodeSplitting } from '../../src/lib/story-chunks.ts';

const story = (name: string, root = '/site') => `${root}/content/stories/${name}.mdx`;

describe('story chunks', () => {
  it('put a story and its propagated assets in one group, and leave other modules alone', () => {
    expect(storyChunkName(story('logistics'))).toMatch(/^stories-\d+$/);
    expect(storyChunkName(`${story('logistics')}?astroPropagatedAssets`)).toBe(storyChunkName(story('logistics')));
    expect(storyChunkName('C:\\site\\content\\stories\\logistics.mdx')).toBe(storyChunkName(story('logistics')));
    // The same file in another checkout: the same group.
    expect(storyChunkName(story('logistics', '/tmp/copy'))).toBe(storyChunkName(story('logistics')));
    for (const other of [
      '/site/src/pages/stories/[id].astro',
      '/site/content/guide/index.mdx',
      '/site/node_modules/d3/src/index.js',
      '/site/content/stories/logistics.mdx.bak',
    ])
      expect(storyChunkName(other), other).toBeNull();
    expect(storyCodeSplitting.groups[0]!.name).toBe(storyChunkName);
  });

  it('spread 1,000 stories about ten to a group, whatever else is in the archive', () => {
    const sizes = new Map<string, number>();
    for (let i = 1; i <= 1000; i++) {
      const group = storyChunkName(story(`bench-s${i}`))!;
      sizes.set(group, (sizes.get(group) ?? 0) + 1);
    }
    expect(sizes.size).toBeGreaterThanOrEqual(0.9 * STORY_GROUPS);
    expect([...sizes.keys()].every((g) => Number(g.replace('stories-', '')) < STORY_GROUPS)).toBe(true);
    // A hash spreads them: no group holds more than three times its share.
    expect(Math.max(...sizes.values())).toBeLessThanOrEqual((3 * 1000) / STORY_GROUPS);
  });
});
