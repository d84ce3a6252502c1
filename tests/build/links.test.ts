import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { findBrokenLinks } from '../helpers/links.ts';
import { astroBuild, projectCopy } from '../helpers/build.ts';

describe('links in the built site', () => {
  it('all resolve, fragments included, at the default base', () => {
    const { pages, refs, broken } = findBrokenLinks('dist', '/');
    expect(pages).toBeGreaterThan(5);
    expect(refs).toBeGreaterThan(50);
    expect(broken).toEqual([]);
  });

  // Built in a project copy, so this checkout's dist/ and build caches stay as `npm run build` left them.
  it('all resolve when the site is built for BASE_PATH=/sub/path/', () => {
    const copy = projectCopy();
    try {
      const run = astroBuild({ BASE_PATH: '/sub/path/' }, copy.dir);
      expect(run.status, run.output).toBe(0);
      const { pages, broken } = findBrokenLinks(join(copy.dir, 'dist'), '/sub/path/');
      expect(pages).toBeGreaterThan(5);
      expect(broken).toEqual([]);
    } finally {
      copy.remove();
    }
  }, 300_000);

  it('reports a link that does not resolve (the checker can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shushuo-links-'));
    try {
      mkdirSync(join(dir, 'a'));
      writeFileSync(
        join(dir, 'index.html'),
        '<a href="/a/">ok</a><a href="/missing/">x</a><a href="/a/#nope">y</a><img src="/x.png">',
      );
      writeFileSync(join(dir, 'a', 'index.html'), '<p id="here">a</p><a href="../#top">z</a>');
      const { broken } = findBrokenLinks(dir, '/');
      expect(broken.map((b) => b.ref).sort()).toEqual(['../#top', '/a/#nope', '/missing/', '/x.png']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
