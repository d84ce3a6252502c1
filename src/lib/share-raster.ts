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
import { renameSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
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

/**
 * Returns a runner that starts at most `max` pieces of work at once (one per core by default): glyphs and cards are
 * drawn on sharp's threads, a few at a time, so the thread that schedules them goes on meanwhile.
 */
export function limited(max = availableParallelism()): <T>(work: () => Promise<T>) => Promise<T> {
  const waiting: (() => void)[] = [];
  let running = 0;
  return <T>(work: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      const start = () => {
        running += 1;
        work()
          .then(resolve, reject)
          .finally(() => {
            running -= 1;
            waiting.shift()?.();
          });
      };
      if (running < max) start();
      else waiting.push(start);
    });
}

/** A glyph's coverage, cropped to its ink, placed relative to its pen position on the baseline. */
interface Glyph {
  left: number;
  top: number;
  width: number;
  height: number;
  mask: Uint8Array;
}

const fonts = Object.keys(shareFonts) as ShareFont[];

/** The font file and face of each share font. */
export type ShareFontFiles = Record<ShareFont, { file: string; index: number }>;

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

/** The files of the share fonts on this machine, or undefined when fontconfig does not give every Noto CJK face. */
export function shareFontFiles(): ShareFontFiles | undefined {
  const files = {} as ShareFontFiles;
  for (const font of fonts) {
    const found = fontFile(font);
    if (!found) return undefined;
    files[font] = found;
  }
  return files;
}

/** Names the font files, for a cache key: another font draws other pixels. */
export const fontFilesKey = (files: ShareFontFiles): string =>
  fonts.map((font) => `${files[font].file}:${files[font].index}`).join(' ');

const hex = (fill: string) => {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(fill);
  if (!m) throw new Error(`share image fill ${fill} is not #rrggbb`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] as const;
};

export class ShareRaster {
  private readonly glyphs = new Map<string, Glyph | null>();
  /** Glyphs being drawn: a card waits for a glyph another card asked for first. */
  private readonly drawing = new Map<string, Promise<void>>();
  private readonly slot = limited();
  /** Glyphs whose ink reached the edge of their cell: a card with one is drawn by librsvg. */
  private readonly spilled = new Set<string>();
  private readonly metrics: Record<ShareFont, FontMetrics>;
  private readonly background: Buffer;
  /**
   * Pixel buffers given back after encoding (`release`), for the next cards: a fresh 2.3 MB buffer per card, zeroed
   * and faulted in page by page, and the collections its external memory set off, took about 1 s of the worker's
   * CPU at 1,000 cards.
   */
  private readonly spare: Buffer[] = [];

  private constructor(metrics: Record<ShareFont, FontMetrics>, background: Buffer) {
    this.metrics = metrics;
    this.background = background;
  }

  /** Returns a rasteriser in these fonts, or undefined when there are none (fontconfig gave no Noto CJK). */
  static async create(files = shareFontFiles()): Promise<ShareRaster | undefined> {
    if (!files) return undefined;
    const metrics = {} as Record<ShareFont, FontMetrics>;
    for (const font of fonts) metrics[font] = readFontMetrics(files[font].file, files[font].index);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${shareWidth}" height="${shareHeight}">${shareBackgroundSvg()}</svg>`;
    const background = await sharp(Buffer.from(svg), { density: 72 }).removeAlpha().raw().toBuffer();
    return new ShareRaster(metrics, background);
  }

  /** True when every character of these texts has a glyph in its face, drawn and within its cell (after prepare). */
  covers(texts: readonly ShareText[]): boolean {
    return texts.every((t) =>
      t.spans.every((s) =>
        [...s.text].every(
          (ch) =>
            this.metrics[t.font].advance(ch.codePointAt(0)!) !== undefined &&
            (/\s/.test(ch) || this.glyphs.has(`${t.font}|${s.size}|${ch}`)) &&
            !this.spilled.has(`${t.font}|${s.size}|${ch}`),
        ),
      ),
    );
  }

  /** Draws the glyphs these cards need that are not drawn yet (or waits for them), a few at a time. */
  async prepare(cards: readonly (readonly ShareText[])[]): Promise<void> {
    const waits: Promise<void>[] = [];
    for (const texts of cards)
      for (const t of texts)
        for (const s of t.spans)
          for (const ch of s.text) {
            const key = `${t.font}|${s.size}|${ch}`;
            if (this.glyphs.has(key) || /\s/.test(ch)) continue;
            let drawn = this.drawing.get(key);
            if (!drawn) {
              drawn = this.slot(() => this.drawGlyph(t.font, s.size, ch));
              this.drawing.set(key, drawn);
            }
            waits.push(drawn);
          }
    await Promise.all(waits);
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
    // Every byte is the background's before any glyph is blended in: a reused buffer holds nothing of its last card.
    const out = this.spare.pop() ?? Buffer.allocUnsafe(this.background.length);
    this.background.copy(out);
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

  /** Gives back pixels `compose` returned, once nothing reads them any more (the card is encoded). */
  release(pixels: Buffer): void {
    if (pixels.length === this.background.length && this.spare.length < SPARE_BUFFERS) this.spare.push(pixels);
  }
}

/** Buffers kept for reuse: one per card encoded at once (at most one per core, `limited`), and a few over. */
const SPARE_BUFFERS = 8;

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

/**
 * No metadata and fixed encoder settings: two builds write byte-identical files. Level 3: measured on 20 cards
 * (sharp, one thread), encoding took 5.0 ms a card against 9.2 ms at level 6 (and 36 ms at 9) for 8% more bytes
 * (94 KB against 87 KB). Share images are not part of any page's weight.
 */
export const PNG_ENCODER = { compressionLevel: 3, palette: false } as const;
// libvips keeps recent operations to reuse them; every card is a different drawing, so that cache only held memory.
sharp.cache(false);

/** A card to write: its SVG markup (what librsvg draws), its layout (what is set glyph by glyph) and its file. */
export interface ShareCardJob {
  svg: string;
  texts: ShareText[];
  file: string;
}

/**
 * Writes a card's PNG: glyph by glyph when the raster has every glyph it needs, else drawn by librsvg from its SVG.
 * A card is opaque, so it is written without an alpha channel: the same pixels, in files 7% smaller. Written by
 * libvips, never held in a buffer; then renamed, so a build stopped halfway never leaves a truncated image.
 */
export async function writeShareCard(raster: ShareRaster | undefined, job: ShareCardJob): Promise<void> {
  let set = false;
  if (raster) {
    await raster.prepare([job.texts]).catch(() => undefined);
    set = raster.covers(job.texts);
  }
  const pixels = set ? raster!.compose(job.texts) : undefined;
  const image = pixels
    ? sharp(pixels, { raw: { width: shareWidth, height: shareHeight, channels: 3 } })
    : sharp(Buffer.from(job.svg), { density: 72 }).removeAlpha();
  const partial = `${job.file}.${process.pid}.${threadId}.partial`;
  try {
    await image.png(PNG_ENCODER).toFile(partial);
  } finally {
    // libvips has read the pixels once the file is written (or the write failed).
    if (pixels) raster!.release(pixels);
  }
  renameSync(partial, job.file);
}
