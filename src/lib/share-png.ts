/**
 * Share images as PNG files, rendered ahead of their route on sharp's own threads while Astro renders other pages
 * (src/pages/og/[id].png.ts schedules them all from getStaticPaths), and kept in a cache folder keyed by the card's
 * SVG markup, the encoder and how its glyphs are set, so an unchanged card is never drawn twice, even when the
 * incremental build has to render its route again. The cache lives in node_modules/.cache/shushuo/og/ (git-ignored;
 * delete it freely). A card's text is set glyph by glyph where the fonts allow (src/lib/share-raster.ts), else
 * librsvg draws the card's SVG.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { fileKey } from './cache.ts';
import { shareHeight, shareLayout, shareSvg, shareWidth, type ShareCard, type ShareText } from './share-image.ts';
import { ShareRaster } from './share-raster.ts';

/**
 * No metadata and fixed encoder settings: two builds write byte-identical files. Level 3: measured on 20 cards
 * (sharp, one thread), encoding took 5.0 ms a card against 9.2 ms at level 6 (and 36 ms at 9) for 8% more bytes
 * (94 KB against 87 KB). A whole card drawn by librsvg and encoded took 10.5 ms on one idle thread; set glyph by
 * glyph, 4.3 ms (README "Build cost").
 * Share images are not part of any page's weight.
 */
const ENCODER = { compressionLevel: 3, palette: false } as const;
// libvips keeps recent operations to reuse them; every card is a different drawing, so that cache only held memory.
sharp.cache(false);

// Part of the cache key: a change of channels or encoder settings draws every card again; so does a change of the
// code that sets glyphs (the sources of src/lib/share-raster.ts and the font reader it uses).
const glyphCode = () =>
  ['share-raster.ts', 'font-metrics.ts'].map((f) => fileKey(join(process.cwd(), 'src/lib', f))).join(' ');
const VERSION = `sharp ${sharp.versions.sharp ?? ''} vips ${sharp.versions.vips} rgb ${JSON.stringify(ENCODER)}`;

/** The cache folder under a project root. */
export function shareCacheDir(root = process.cwd()): string {
  return join(root, 'node_modules/.cache/shushuo/og');
}

// Glyph by glyph where this machine's fonts allow (src/lib/share-raster.ts), created once per build on first use.
let rasterReady: Promise<ShareRaster | undefined> | undefined;
function raster(): Promise<ShareRaster | undefined> {
  rasterReady ??= ShareRaster.create().catch((error: unknown) => {
    console.warn(`[share images] drawn by librsvg: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  });
  return rasterReady;
}

/** How a card is drawn: glyph by glyph in these fonts, or by librsvg from its SVG. */
type Renderer = { raster: ShareRaster; texts: ShareText[] } | undefined;

async function rendererOf(card: ShareCard): Promise<Renderer> {
  const r = await raster();
  if (!r) return undefined;
  const texts = shareLayout(card);
  await r.prepare([texts]);
  return r.covers(texts) ? { raster: r, texts } : undefined;
}

/** Returns the cache key of a card: its SVG markup, the encoder and how it is drawn, hashed. */
export function pngKey(svg: string, renderer: Renderer): string {
  const how = renderer ? `glyphs ${glyphCode()} ${renderer.raster.fontKey}` : 'librsvg';
  return createHash('sha256').update(VERSION).update('\n').update(how).update('\n').update(svg).digest('base64url');
}

// A card is opaque (its first element fills it), so it is written without an alpha channel: the same pixels, in
// files 7% smaller (63 against 68 KB for a card with a key figure), in the same time.
const drawing = (svg: string, renderer: Renderer) =>
  (renderer
    ? sharp(renderer.raster.compose(renderer.texts), { raw: { width: shareWidth, height: shareHeight, channels: 3 } })
    : sharp(Buffer.from(svg), { density: 72 }).removeAlpha()
  ).png(ENCODER);

const jobs = new Map<string, Promise<string>>();
const made = new Set<string>();
const queue: (() => void)[] = [];
let running = 0;
// One image per core: they are drawn on sharp's threads, so page rendering on the main thread goes on meanwhile.
const limit = availableParallelism();

function slot<T>(work: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const start = () => {
      running++;
      work()
        .then(resolve, reject)
        .finally(() => {
          running--;
          queue.shift()?.();
        });
    };
    if (running < limit) start();
    else queue.push(start);
  });
}

/** Returns the cached PNG file of a share image, drawn now (on a free slot) if it is not there yet. */
export function sharePngFile(card: ShareCard, dir = shareCacheDir()): Promise<string> {
  const svg = shareSvg(card);
  let job = jobs.get(svg);
  if (!job) {
    job = rendererOf(card).then((renderer) => {
      const file = join(dir, `${pngKey(svg, renderer)}.png`);
      if (existsSync(file)) return file;
      return slot(async () => {
        if (!made.has(dir)) mkdirSync(dir, { recursive: true });
        made.add(dir);
        // Written by libvips, never held in a buffer (1,000 cards are 94 MB); then renamed, so a build stopped
        // halfway never leaves a truncated image in the cache.
        const partial = `${file}.${process.pid}.partial`;
        await drawing(svg, renderer).toFile(partial);
        renameSync(partial, file);
        return file;
      });
    });
    jobs.set(svg, job);
  }
  return job;
}

/** Starts drawing these share images in the background, a few at a time, after the glyphs they all need. */
export function prepareSharePngs(cards: readonly ShareCard[], dir = shareCacheDir()): void {
  void raster()
    .then((r) => r?.prepare(cards.map(shareLayout)))
    .catch(() => undefined)
    .then(() => {
      for (const card of cards) sharePngFile(card, dir).catch(() => undefined);
    });
}

/** Returns the PNG bytes of a share image, from the cache or drawn now. */
export async function sharePng(card: ShareCard, dir = shareCacheDir()): Promise<Buffer> {
  return readFileSync(await sharePngFile(card, dir));
}
