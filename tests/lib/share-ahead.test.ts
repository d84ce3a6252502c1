/**
 * The drawing of share images ahead of a build's pages (src/lib/share-ahead.ts): when the pages begin, the share-image
 * route takes the cards it finished from the cache and leaves it the others; once it has finished, or been stopped
 * when the pages are built, the route draws what it left and prunes what it left half-written. The children here are
 * stand-in programs; the cards are fiction. (tests/build/share-ahead.test.ts runs the real child against a build.)
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { shareLayout, shareSvg, type ShareCard } from '../../src/lib/share-image.ts';
import { ShareRaster, writeShareCard } from '../../src/lib/share-raster.ts';
import { sharesAhead, startSharesAhead, stopSharesAhead } from '../../src/lib/share-ahead.ts';
import { pngKey, prepareSharePngs, shareCacheDir, shareDrawCounts, sharePngFile } from '../../src/lib/share-png.ts';

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
  it('are taken from the cache; once the child is stopped the route draws the rest and prunes what it left', async () => {
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
      const pruned = prepareSharePngs([early, late], cache);
      expect(log).toHaveBeenCalledWith(expect.stringContaining('1 of 2 card(s) in the cache as the pages begin'));
      // While the pages render, the card the child has not written is left to it.
      const before = shareDrawCounts();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(shareDrawCounts()).toEqual(before);
      expect(sharesAhead()).toBeDefined();
      // The pages are built: the build stops the child, draws the card it left and prunes its partial file.
      stopSharesAhead();
      await pruned;
      await sharePngFile(late, cache);
      expect(shareDrawCounts().worker).toBe(before.worker + 1);
      expect(log).toHaveBeenCalledWith(
        expect.stringContaining('0 more card(s) drawn ahead while the pages rendered, 1 left'),
      );
    } finally {
      log.mockRestore();
    }
    const left = readdirSync(cache).sort();
    expect(left.filter((f) => f.endsWith('.partial'))).toEqual([]);
    expect(left.filter((f) => f.endsWith('.png'))).toHaveLength(2);
    expect(left).toContain(finished);
  });

  it('are all taken from the cache when the child finishes while the pages render', async () => {
    const last = card('虚构标题：子进程画完的一张');
    const { root, cache } = project(`
      import { existsSync, renameSync } from 'node:fs';
      // Fiction: a child that finishes its last card once the pages have begun (the route has asked), and exits.
      const wait = setInterval(() => {
        if (!existsSync('begun')) return;
        renameSync('last.png', 'og/${pngKey(shareSvg(last))}.png');
        clearInterval(wait);
      }, 20);
    `);
    await writeShareCard(await ShareRaster.create(), {
      svg: shareSvg(last),
      texts: shareLayout(last),
      file: join(root, 'last.png'),
    });
    startSharesAhead(root);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const before = shareDrawCounts();
      const pruned = prepareSharePngs([last], cache);
      expect(log).toHaveBeenCalledWith(expect.stringContaining('0 of 1 card(s) in the cache as the pages begin'));
      writeFileSync(join(root, 'begun'), '');
      await pruned;
      // The build stops it once the pages are built: it has exited already.
      await stopSharesAhead();
      expect(await sharePngFile(last, cache)).toBe(join(cache, `${pngKey(shareSvg(last))}.png`));
      expect(shareDrawCounts()).toEqual(before);
      expect(log).toHaveBeenCalledWith(
        expect.stringContaining('1 more card(s) drawn ahead while the pages rendered, 0 left'),
      );
    } finally {
      log.mockRestore();
    }
  });

  it('starts nothing where the project has no drawing-ahead program, or its cache a card per story', () => {
    const none = mkdtempSync(join(tmpdir(), 'shushuo-ahead-none-'));
    roots.push(none);
    startSharesAhead(none);
    expect(sharesAhead()).toBeUndefined();

    // A rebuild: the cache holds as many cards as there are stories.
    const { root } = project('setInterval(() => {}, 1000);');
    mkdirSync(join(root, 'content/stories'), { recursive: true });
    mkdirSync(shareCacheDir(root), { recursive: true });
    for (const name of ['a.mdx', 'b.mdx']) writeFileSync(join(root, 'content/stories', name), '');
    writeFileSync(join(shareCacheDir(root), 'kept-1.png'), '');
    writeFileSync(join(shareCacheDir(root), 'kept-2.png'), '');
    startSharesAhead(root);
    expect(sharesAhead()).toBeUndefined();
    // One story more than cards: the child starts.
    writeFileSync(join(root, 'content/stories', 'c.mdx'), '');
    startSharesAhead(root);
    expect(sharesAhead()).toBeDefined();
    stopSharesAhead();
  });
});
