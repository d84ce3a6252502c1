/**
 * Share images set glyph by glyph. librsvg (sharp's SVG reader) fills every glyph of every card as a path, about
 * 0.1 ms for each 68 px Chinese character, and redraws the whole background for each card; most of a card's 9 ms
 * (README "Build cost"). Here each glyph a build needs is drawn once by librsvg, and each card
 * is the background drawn once, with its glyphs' coverage blended in at their pen positions (advances read from the
 * font files fontconfig picks: src/lib/font-metrics.ts); sharp then only encodes the pixels.
 *
 * It sets Chinese text as Pango does without shaping: no kerning or ligatures (Noto CJK sets Han and full-width
 * punctuation on a fixed em, and its Latin kerning moves a letter by a pixel or two at these sizes). A card with a
 * character none of its faces has, or a machine whose fontconfig does not give Noto CJK for every face, is drawn by
 * librsvg from the card's SVG as before (src/lib/share-png.ts): fallback fonts are chosen by Pango there.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import sharp from 'sharp';
import { escapeHtml } from './escape.ts';
import { readFontMetrics, type FontMetrics } from './font-metrics.ts';
import {
  shareBackgroundSvg,
  shareFonts,
  shareHeight,
  shareWidth,
  type ShareFont,
  type ShareText,
} from './share-image.ts';

/** A glyph's coverage, cropped to its ink, placed relative to its pen position on the baseline. */
interface Glyph {
  left: number;
  top: number;
  width: number;
  height: number;
  mask: Uint8Array;
}

/** The font file and face fontconfig gives for a share font, or undefined when it is not the Noto CJK face named. */
function fontFile(font: ShareFont): { file: string; index: number } | undefined {
  const family = shareFonts[font].family.split(',')[0]!.trim().replace(/'/g, '');
  const pattern = `${family}${shareFonts[font].weight === 700 ? ':weight=bold' : ''}`;
  try {
    const out = execFileSync('fc-match', ['-f', '%{file}|%{index}|%{family}', pattern], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const [file, index, families] = out.split('|');
    if (!file || !families?.split(',').includes(family)) return undefined;
    return { file, index: Number(index) };
  } catch {
    return undefined;
  }
}

const hex = (fill: string) => {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(fill);
  if (!m) throw new Error(`share image fill ${fill} is not #rrggbb`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] as const;
};

const fonts = Object.keys(shareFonts) as ShareFont[];

export class ShareRaster {
  private readonly glyphs = new Map<string, Glyph | null>();
  /** Glyphs whose ink reached the edge of their cell: a card with one is drawn by librsvg. */
  private readonly spilled = new Set<string>();
  /** The font files, for the cache key: another font draws other pixels. */
  readonly fontKey: string;
  private readonly metrics: Record<ShareFont, FontMetrics>;
  private readonly background: Buffer;

  private constructor(fontKey: string, metrics: Record<ShareFont, FontMetrics>, background: Buffer) {
    this.fontKey = fontKey;
    this.metrics = metrics;
    this.background = background;
  }

  /** Returns a rasteriser, or undefined when this machine's fontconfig does not give the Noto CJK faces. */
  static async create(): Promise<ShareRaster | undefined> {
    const metrics = {} as Record<ShareFont, FontMetrics>;
    const files: string[] = [];
    for (const font of fonts) {
      const found = fontFile(font);
      if (!found) return undefined;
      metrics[font] = readFontMetrics(found.file, found.index);
      files.push(`${found.file}:${found.index}`);
    }
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${shareWidth}" height="${shareHeight}">${shareBackgroundSvg()}</svg>`;
    const background = await sharp(Buffer.from(svg), { density: 72 }).removeAlpha().raw().toBuffer();
    return new ShareRaster(files.join(' '), metrics, background);
  }

  /** True when every character of these texts has a glyph in its face that fits its cell (after prepare). */
  covers(texts: readonly ShareText[]): boolean {
    return texts.every((t) =>
      t.spans.every((s) =>
        [...s.text].every(
          (ch) =>
            this.metrics[t.font].advance(ch.codePointAt(0)!) !== undefined &&
            !this.spilled.has(`${t.font}|${s.size}|${ch}`),
        ),
      ),
    );
  }

  /** Draws the glyphs these cards need that are not drawn yet, a few at a time. */
  async prepare(cards: readonly (readonly ShareText[])[]): Promise<void> {
    const wanted: [ShareFont, number, string][] = [];
    const seen = new Set<string>();
    for (const texts of cards)
      for (const t of texts)
        for (const s of t.spans)
          for (const ch of s.text) {
            const key = `${t.font}|${s.size}|${ch}`;
            if (this.glyphs.has(key) || seen.has(key) || /\s/.test(ch)) continue;
            seen.add(key);
            wanted.push([t.font, s.size, ch]);
          }
    let next = 0;
    const worker = async () => {
      while (next < wanted.length) {
        const [font, size, ch] = wanted[next++]!;
        await this.drawGlyph(font, size, ch);
      }
    };
    await Promise.all(Array.from({ length: Math.min(availableParallelism(), wanted.length) }, worker));
  }

  /**
   * Draws one glyph, alone, at the same place in a cell of its size. Alone, because librsvg's drawing of a glyph
   * moved by whole pixels is not always the same: on a sheet of glyphs one 年 in twenty differed by up to 4 levels
   * in a few edge pixels (doubles rounded to cairo's 1/256 px), so a card would have depended on the other cards
   * of its build. About 1 ms a glyph.
   */
  private async drawGlyph(font: ShareFont, size: number, ch: string): Promise<void> {
    // A cell holds any glyph of the face: ink from a quarter em left of the pen to 1.25 em right of it, 1.2 em above
    // the baseline to 0.4 em below it.
    const w = Math.ceil(size * 1.5);
    const h = Math.ceil(size * 1.6);
    const ox = Math.ceil(size * 0.25);
    const oy = Math.ceil(size * 1.2);
    const { family, weight } = shareFonts[font];
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><text x="${ox}" y="${oy}" font-family="${family}" font-weight="${weight}" font-size="${size}" fill="#000">${escapeHtml(ch)}</text></svg>`;
    const data = await sharp(Buffer.from(svg), { density: 72 }).ensureAlpha().extractChannel(3).raw().toBuffer();
    let minX = w;
    let minY = h;
    let maxX = -1;
    let maxY = -1;
    for (let y = 0; y < h; y += 1)
      for (let x = 0; x < w; x += 1)
        if (data[y * w + x]! > 0) {
          if (x < minX) minX = x;
          if (x > maxX) maxX = x;
          if (y < minY) minY = y;
          if (y > maxY) maxY = y;
        }
    const key = `${font}|${size}|${ch}`;
    // Ink on the cell's edge may have been cut.
    if (minX === 0 || minY === 0 || maxX === w - 1 || maxY === h - 1) this.spilled.add(key);
    if (maxX < 0) {
      this.glyphs.set(key, null);
      return;
    }
    const width = maxX - minX + 1;
    const height = maxY - minY + 1;
    const mask = new Uint8Array(width * height);
    for (let y = 0; y < height; y += 1) {
      const from = (minY + y) * w + minX;
      mask.set(data.subarray(from, from + width), y * width);
    }
    this.glyphs.set(key, { left: minX - ox, top: minY - oy, width, height, mask });
  }

  /** Returns a card's pixels, RGB, 1200×630: the background with these texts' glyphs blended in. */
  compose(texts: readonly ShareText[]): Buffer {
    const out = Buffer.from(this.background);
    for (const t of texts) {
      const [r, g, b] = hex(t.fill);
      const metrics = this.metrics[t.font];
      let pen = t.x;
      for (const span of t.spans) {
        pen += span.dx ?? 0;
        for (const ch of span.text) {
          const glyph = this.glyphs.get(`${t.font}|${span.size}|${ch}`);
          if (glyph) blend(out, glyph, Math.round(pen) + glyph.left, t.y + glyph.top, r, g, b);
          else if (glyph === undefined && !/\s/.test(ch))
            throw new Error(`share image glyph "${ch}" (${t.font}, ${span.size} px) was not prepared`);
          pen += metrics.advance(ch.codePointAt(0)!)! * span.size;
        }
      }
    }
    return out;
  }
}

/** Blends a glyph's coverage in colour (r, g, b) over the pixels at (x0, y0), as librsvg's fill does. */
function blend(out: Buffer, glyph: Glyph, x0: number, y0: number, r: number, g: number, b: number): void {
  const { width, height, mask } = glyph;
  const fromX = Math.max(0, -x0);
  const toX = Math.min(width, shareWidth - x0);
  for (let y = Math.max(0, -y0); y < height && y0 + y < shareHeight; y += 1) {
    let o = ((y0 + y) * shareWidth + x0 + fromX) * 3;
    for (let x = fromX, m = y * width + fromX; x < toX; x += 1, m += 1, o += 3) {
      const a = mask[m]!;
      if (a === 0) continue;
      if (a === 255) {
        out[o] = r;
        out[o + 1] = g;
        out[o + 2] = b;
        continue;
      }
      // (v + 128 + ((v + 128) >> 8)) >> 8 is v / 255 rounded, for v up to 255 * 255.
      const ia = 255 - a;
      let v = r * a + out[o]! * ia + 128;
      out[o] = (v + (v >> 8)) >> 8;
      v = g * a + out[o + 1]! * ia + 128;
      out[o + 1] = (v + (v >> 8)) >> 8;
      v = b * a + out[o + 2]! * ia + 128;
      out[o + 2] = (v + (v >> 8)) >> 8;
    }
  }
}
