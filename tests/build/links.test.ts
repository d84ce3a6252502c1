// Every internal link, asset and #fragment of dist/ resolves. The second base path (BASE_PATH=/sub/path/) is
// checked on the builds of tests/build/drafts.test.ts, which deploy a project copy under it.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parseHTML } from 'linkedom';
import { findBrokenLinks, resolveUrl } from '../helpers/links.ts';

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

/**
 * Addresses published before the site held more than one report. /source/#feature-p07 must still land on an
 * element with that id, whose link leads on to the paragraph on the first report's own source page.
 */
function expectOldAddresses(dist: string, base: string) {
  const at = (path: string) => new URL(base + path, 'http://site.test');
  for (const path of [
    'stories/feature/',
    'stories/logistics/',
    'data/',
    'data/restructuring.csv',
    'data/restructuring.json',
    'charts/logistics-status.svg',
    'embed/logistics-status/',
    'source/',
    'source/#feature-p07',
    'source/#logistics-p02',
    'source/#corrections',
  ]) {
    expect(resolveUrl(dist, base, at(path)).reason, path).toBeUndefined();
  }
  const { file } = resolveUrl(dist, base, at('source/'));
  const { document } = parseHTML(readFileSync(file!, 'utf8'));
  const onward = document.getElementById('feature-p07')?.querySelector('a')?.getAttribute('href');
  expect(onward).toBe(`${base}reports/longcheng-2021-09/source/#feature-p07`);
  const target = resolveUrl(dist, base, new URL(onward!, at('source/')));
  expect(target.reason).toBeUndefined();
  expect(readFileSync(target.file!, 'utf8')).toMatch(/<p id="feature-p07"[^>]*>[\s\S]*?今年，龙城区全力打造/);
}
