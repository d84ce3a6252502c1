/**
 * Share images written on the worker thread (src/lib/share-png.ts, src/lib/share-worker.ts) are the cards this
 * thread would write, kept by content so an unchanged card is not drawn again. Cards here are fiction.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { shareLayout, shareSvg, type ShareCard } from '../../src/lib/share-image.ts';
import { prepareSharePngs, shareDrawCounts, sharePngFile } from '../../src/lib/share-png.ts';
import { ShareRaster, writeShareCard } from '../../src/lib/share-raster.ts';

const dir = mkdtempSync(join(tmpdir(), 'shushuo-og-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const card = (title: string): ShareCard => ({
  label: '龙城时讯',
  title,
  figure: { value: '18', unit: '个', label: '虚构的关键数字' },
  footer: '虚构报道整理 · 虚构记者',
});

describe('share images on the worker', () => {
  it('writes each card once, as the PNG this thread would write', async () => {
    const cards = [card('虚构标题甲：工业园区'), card('虚构标题乙：物流项目')];
    const files = await Promise.all(cards.map((c) => sharePngFile(c, dir)));
    expect(new Set(files).size).toBe(2);
    expect(shareDrawCounts()).toEqual({ worker: 2, here: 0 });
    for (const [i, file] of files.entries()) {
      const meta = await sharp(file).metadata();
      expect([meta.format, meta.width, meta.height, meta.channels]).toEqual(['png', 1200, 630, 3]);
      const here = join(dir, `here-${i}.png`);
      await writeShareCard(await ShareRaster.create(), {
        svg: shareSvg(cards[i]!),
        texts: shareLayout(cards[i]!),
        file: here,
      });
      expect(readFileSync(file).equals(readFileSync(here))).toBe(true);
    }
    // Asked again, the same card is the same file, not drawn again.
    const before = statSync(files[0]!).mtimeMs;
    expect(await sharePngFile(cards[0]!, dir)).toBe(files[0]);
    expect(statSync(files[0]!).mtimeMs).toBe(before);
    expect(shareDrawCounts()).toEqual({ worker: 2, here: 0 });
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('writes a card with a character the fonts lack (drawn by librsvg)', async () => {
    const file = await sharePngFile(card('虚构标题 😀'), dir);
    const meta = await sharp(file).metadata();
    expect([meta.width, meta.height]).toEqual([1200, 630]);
  });

  it("keeps the cache folder to the last build's cards", async () => {
    const build = mkdtempSync(join(tmpdir(), 'shushuo-og-prune-'));
    try {
      const a = await sharePngFile(card('虚构标题丙'), build);
      writeFileSync(join(build, 'an-earlier-card.png'), 'old');
      writeFileSync(join(build, 'stopped.png.123.0.partial'), 'half');
      await prepareSharePngs([card('虚构标题丙'), card('虚构标题丁')], build);
      const b = await sharePngFile(card('虚构标题丁'), build);
      expect(readdirSync(build).sort()).toEqual([a, b].map((f) => f.slice(build.length + 1)).sort());
    } finally {
      rmSync(build, { recursive: true, force: true });
    }
  });
});
