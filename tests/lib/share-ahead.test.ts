/**
 * The drawing of share images ahead of a build's pages (src/lib/share-ahead.ts): the share-image route stops it when
 * the pages begin, takes the cards it finished from the cache, draws the rest itself, and prunes what the stopped
 * child left half-written, once it has exited. The child here is a stand-in program that writes a partial card and
 * then never ends; the cards are fiction. (tests/build/share-ahead.test.ts runs the real child against a build.)
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { shareLayout, shareSvg, type ShareCard } from '../../src/lib/share-image.ts';
import { ShareRaster, writeShareCard } from '../../src/lib/share-raster.ts';
import { startSharesAhead, stopSharesAhead } from '../../src/lib/share-ahead.ts';
import { drawSharePngs, pngKey, prepareSharePngs } from '../../src/lib/share-png.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

const card = (title: string): ShareCard => ({ label: '龙城时讯', title, footer: '虚构报道整理 · 虚构记者' });

/** A project folder whose drawing-ahead program is the given source. */
function project(program: string): { root: string; cache: string } {
  const root = mkdtempSync(join(tmpdir(), 'shushuo-ahead-'));
  roots.push(root);
  mkdirSync(join(root, 'src/lib'), { recursive: true });
  writeFileSync(join(root, 'src/lib/share-ahead-child.ts'), program);
  const cache = join(root, 'og');
  mkdirSync(cache);
  return { root, cache };
}

describe('share images drawn ahead of the pages', () => {
  it('are taken from the cache; the route draws the rest and prunes what the stopped child left', async () => {
    const early = card('虚构标题：提前画好的一张');
    const late = card('虚构标题：留给路由的一张');
    const { root, cache } = project(`
      import { writeFileSync } from 'node:fs';
      // Fiction: a child that has begun a card it will never finish, and never exits on its own.
      writeFileSync('og/half-drawn.png.' + process.pid + '.0.partial', 'half');
      writeFileSync('og/ready', '');
      setInterval(() => {}, 1000);
    `);
    // The card the child had finished, as it writes it (in its own process: this one has not drawn it).
    const finished = `${pngKey(shareSvg(early))}.png`;
    await writeShareCard(await ShareRaster.create(), {
      svg: shareSvg(early),
      texts: shareLayout(early),
      file: join(cache, finished),
    });

    startSharesAhead(root);
    await vi.waitFor(() => expect(existsSync(join(cache, 'ready'))).toBe(true), { timeout: 30_000 });
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await prepareSharePngs([early, late], cache);
      expect(log).toHaveBeenCalledWith(expect.stringContaining('1 of 2 card(s) in the cache as the pages begin'));
    } finally {
      log.mockRestore();
    }
    // The child is gone, and with it its partial file; the finished card was kept, and the other one is drawn.
    expect(stopSharesAhead()).toBeUndefined();
    await drawSharePngs([late], cache);
    const left = readdirSync(cache).sort();
    expect(left.filter((f) => f.endsWith('.partial'))).toEqual([]);
    expect(left.filter((f) => f.endsWith('.png'))).toHaveLength(2);
    expect(left).toContain(finished);
  });

  it('starts nothing where the project has no drawing-ahead program', async () => {
    const root = mkdtempSync(join(tmpdir(), 'shushuo-ahead-none-'));
    roots.push(root);
    startSharesAhead(root);
    expect(stopSharesAhead()).toBeUndefined();
  });
});
