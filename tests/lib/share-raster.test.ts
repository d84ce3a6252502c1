/**
 * Share images set glyph by glyph (src/lib/share-raster.ts) must look like the same card drawn by librsvg from its
 * SVG, which is what a reader's feed showed before and what the build falls back to. Cards here are fiction.
 * Needs fonts-noto-cjk, which the README's test command installs.
 */
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFontMetrics } from '../../src/lib/font-metrics.ts';
import { shareHeight, shareLayout, shareSvg, shareWidth, type ShareCard } from '../../src/lib/share-image.ts';
import { shareFontFiles, ShareRaster } from '../../src/lib/share-raster.ts';

const librsvg = (card: ShareCard) =>
  sharp(Buffer.from(shareSvg(card)), { density: 72 })
    .removeAlpha()
    .raw()
    .toBuffer();

/** Channel values that differ by more than 16, and the ink box (pixels darker than the paper) of each image. */
function compare(a: Buffer, b: Buffer) {
  let differ = 0;
  for (let i = 0; i < a.length; i += 1) if (Math.abs(a[i]! - b[i]!) > 16) differ += 1;
  const box = (px: Buffer) => {
    const r = { top: shareHeight, bottom: -1 };
    // Below the masthead's hairline, the card's own text; the paper is #fdfcf9.
    for (let y = 140; y < 540; y += 1)
      for (let x = 0; x < shareWidth; x += 1)
        if (px[(y * shareWidth + x) * 3]! < 200) {
          r.top = Math.min(r.top, y);
          r.bottom = Math.max(r.bottom, y);
        }
    return r;
  };
  return { differ, boxA: box(a), boxB: box(b) };
}

// Fiction: a made-up headline and figure in the shape of the site's cards.
const chinese: ShareCard = {
  label: '龙城时讯',
  title: '虚构示例标题：培育优势产业，再造发展引擎',
  dek: '这是一段虚构的说明文字，用来检查逐字排版与原来的绘制是否一致。',
  footer: '虚构报道整理，虚构记者',
};
const mixed: ShareCard = {
  label: '头条报道',
  title: '虚构的“1+5”示例工程 2021年',
  figure: { prefix: '约', value: '84.4', unit: '亿元', label: '虚构的关键数字说明 ABC' },
  footer: '据2021年9月报道整理 · 虚构记者',
};

let raster: ShareRaster | undefined;
beforeAll(async () => {
  raster = await ShareRaster.create();
});

describe('share images set glyph by glyph', () => {
  it('finds the Noto CJK faces the cards name (fonts-noto-cjk)', () => {
    expect(raster, 'fontconfig should give Noto Sans/Serif CJK SC').toBeDefined();
  });

  it('draws a Chinese card with the pixels librsvg draws', async () => {
    const texts = shareLayout(chinese);
    await raster!.prepare([texts]);
    expect(raster!.covers(texts)).toBe(true);
    const { differ, boxA, boxB } = compare(raster!.compose(texts), await librsvg(chinese));
    // Han characters and full-width punctuation are a whole em: every glyph sits on the same whole pixel in both.
    expect(differ).toBe(0);
    expect(boxA).toEqual(boxB);
  });

  it('places Latin letters and digits within a pixel of where Pango puts them', async () => {
    const texts = shareLayout(mixed);
    await raster!.prepare([texts]);
    const { differ, boxA, boxB } = compare(raster!.compose(texts), await librsvg(mixed));
    // Glyphs after a Latin letter may sit half a pixel off: their edges differ, and nothing else.
    expect(differ).toBeLessThan(0.01 * shareWidth * shareHeight * 3);
    expect(Math.abs(boxA.top - boxB.top)).toBeLessThanOrEqual(1);
    expect(Math.abs(boxA.bottom - boxB.bottom)).toBeLessThanOrEqual(1);
  });

  it('draws a card the same whichever other cards were prepared before it', async () => {
    const texts = shareLayout(mixed);
    const fresh = await ShareRaster.create();
    await fresh!.prepare([shareLayout(chinese), shareLayout({ ...chinese, title: '另一组虚构的字符排在前面' }), texts]);
    expect(fresh!.compose(texts).equals(raster!.compose(texts))).toBe(true);
  });

  it('draws a card the same in a buffer given back by an earlier card', async () => {
    const first = shareLayout(chinese);
    const second = shareLayout(mixed);
    await raster!.prepare([first, second]);
    const expected = Buffer.from(raster!.compose(second));
    const used = raster!.compose(first);
    raster!.release(used);
    const again = raster!.compose(second);
    // The same buffer, with nothing of the first card left in it.
    expect(again).toBe(used);
    expect(again.equals(expected)).toBe(true);
  });

  it('leaves a card with a character its faces lack to librsvg', async () => {
    const texts = shareLayout({ ...chinese, title: '虚构标题 😀' });
    await raster!.prepare([texts]);
    expect(raster!.covers(texts)).toBe(false);
  });
});

describe('readFontMetrics', () => {
  it('reads advances of a face in a collection: Han a full em, Latin narrower, unknown code points undefined', () => {
    // The face fontconfig gives for the cards' sans text: one face of a .ttc collection in fonts-noto-cjk.
    const { file, index } = shareFontFiles()!.sans;
    const metrics = readFontMetrics(file, index);
    expect(metrics.unitsPerEm).toBe(1000);
    expect(metrics.advance('龙'.codePointAt(0)!)).toBe(1);
    expect(metrics.advance('，'.codePointAt(0)!)).toBe(1);
    const a = metrics.advance('A'.codePointAt(0)!)!;
    expect(a).toBeGreaterThan(0.3);
    expect(a).toBeLessThan(1);
    expect(metrics.advance(0x1f600)).toBeUndefined();
    expect(() => readFontMetrics(file, 99)).toThrow(/faces/);
  });
});
