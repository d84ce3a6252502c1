// Every internal link, asset and #fragment of dist/ resolves. The second base path (BASE_PATH=/sub/path/) is
// checked on the builds of tests/build/drafts.test.ts, which deploy a project copy under it.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { findBrokenLinks } from '../helpers/links.ts';
import { expectOldAddresses } from '../helpers/old-addresses.ts';

describe('links in the built site', () => {
  it('all resolve, fragments included, at the default base', () => {
    const { pages, refs, broken } = findBrokenLinks('dist', '/');
    expect(pages).toBeGreaterThan(5);
    expect(refs).toBeGreaterThan(50);
    expect(broken).toEqual([]);
  });

  it('keep the addresses of the one-report site working: stories, data, charts, embeds and /source/#paragraph', () => {
    expectOldAddresses('dist', '/');
  });

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
