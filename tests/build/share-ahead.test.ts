/**
 * The share images drawn ahead of a build (src/lib/share-ahead.ts) are the ones its share-image route asks for: the
 * child reads the stories from their files, the route from Astro's content collection, and both must give the same
 * card for every story, or the drawing ahead is wasted. Here the child runs to its end in a fresh project copy
 * before the build, so the route must find every card it needs already in the cache, and publish those files.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEnv, projectCopy, siteBuild } from '../helpers/build.ts';

describe('share images drawn ahead of the pages', () => {
  it('are every card the build publishes, byte for byte', () => {
    const copy = projectCopy();
    try {
      const child = spawnSync(process.execPath, ['src/lib/share-ahead-child.ts'], { cwd: copy.dir, env: buildEnv() });
      expect(child.status, String(child.stderr)).toBe(0);
      const cache = join(copy.dir, 'node_modules/.cache/shushuo/og');
      const drawn = readdirSync(cache).sort();
      expect(drawn.length).toBeGreaterThan(1);
      expect(drawn.filter((f) => !f.endsWith('.png'))).toEqual([]);

      const built = siteBuild({}, copy.dir);
      expect(built.status, built.output).toBe(0);
      const published = readdirSync(join(copy.dir, 'dist/og')).filter((f) => f.endsWith('.png'));
      expect(published.length).toBe(drawn.length);
      expect(built.output).toContain(`${drawn.length} of ${drawn.length} card(s) in the cache as the pages begin`);
      // Nothing was pruned or drawn again, and each published image is one of the files drawn ahead.
      expect(readdirSync(cache).sort()).toEqual(drawn);
      const bytes = new Set(drawn.map((f) => readFileSync(join(cache, f)).toString('base64')));
      for (const file of published)
        expect(bytes.has(readFileSync(join(copy.dir, 'dist/og', file)).toString('base64'))).toBe(true);
    } finally {
      copy.remove();
    }
  }, 300_000);
});
