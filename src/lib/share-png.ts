/**
 * Share images as PNG files, made ahead of their route while Astro renders other pages (src/pages/og/[id].png.ts
 * schedules them all from getStaticPaths), and kept in a cache folder keyed by the card's SVG markup, the encoder and
 * how its glyphs are set, so an unchanged card is never drawn twice, even when the incremental build has to render
 * its route again. The cache lives in node_modules/.cache/shushuo/og/ (git-ignored; delete it freely).
 *
 * The cards are written on a worker thread (src/lib/share-worker.ts), their text set glyph by glyph where the fonts
 * allow (src/lib/share-raster.ts), else drawn by librsvg from their SVG. A worker that cannot start or dies leaves
 * its cards to this thread, drawn the same way.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import sharp from 'sharp';
import { filesKey } from './keys.ts';
import { shareLayout, shareSvg, type ShareCard } from './share-image.ts';
import {
  fontFilesKey,
  limited,
  PNG_ENCODER,
  shareFontFiles,
  ShareRaster,
  writeShareCard,
  type ShareCardJob,
  type ShareFontFiles,
} from './share-raster.ts';
import type { ShareCardDone } from './share-worker.ts';
import { sharesAhead } from './share-ahead.ts';

/** The cache folder under a project root. */
export function shareCacheDir(root = process.cwd()): string {
  return join(root, 'node_modules/.cache/shushuo/og');
}

// This machine's Noto CJK files, looked up once (fontconfig); undefined: every card is drawn by librsvg.
let fonts: { files: ShareFontFiles | undefined } | undefined;
function fontFiles(): ShareFontFiles | undefined {
  if (!fonts) {
    fonts = { files: shareFontFiles() };
    if (!fonts.files)
      console.warn('[share images] fontconfig gives no Noto Sans/Serif CJK SC: every card is drawn by librsvg');
  }
  return fonts.files;
}

// The code that sets glyphs: part of a card's key.
const glyphCode = ['share-raster.ts', 'font-metrics.ts'].map((f) => join(process.cwd(), 'src/lib', f));
// What a card's key says besides its SVG, the same for every card of a process (fonts and code are read once).
let keyPrefix: string | undefined;

/**
 * Returns the cache key of a card: its SVG markup, the encoder, and how its glyphs are set (the fonts and the code
 * that sets them, the sources of src/lib/share-raster.ts and the font reader it uses), hashed. Whether a card is set
 * glyph by glyph or drawn by librsvg follows from these.
 */
export function pngKey(svg: string): string {
  keyPrefix ??= (() => {
    const files = fontFiles();
    const how = files ? `glyphs ${filesKey(process.cwd(), glyphCode)} ${fontFilesKey(files)}` : 'librsvg';
    return `sharp ${sharp.versions.sharp ?? ''} vips ${sharp.versions.vips} rgb ${JSON.stringify(PNG_ENCODER)}\n${how}\n`;
  })();
  return createHash('sha256').update(keyPrefix).update(svg).digest('base64url');
}
/** Cards written so far on the worker and on this thread. */
const counts = { worker: 0, here: 0 };
export const shareDrawCounts = (): Readonly<typeof counts> => ({ ...counts });

// Cards drawn on this thread, when there is no worker: one per core, on sharp's threads.
let raster: Promise<ShareRaster | undefined> | undefined;
const slot = limited();

function drawHere(job: ShareCardJob): Promise<void> {
  raster ??= ShareRaster.create(fontFiles()).catch(() => undefined);
  return slot(async () => {
    await writeShareCard(await raster, job);
    counts.here += 1;
  });
}

interface Pending {
  job: ShareCardJob;
  resolve: () => void;
  reject: (error: Error) => void;
}

// The worker, started on the first card to draw; null once it could not start or died.
let worker: { thread: Worker; pending: Map<string, Pending> } | null | undefined;

function startWorker(): typeof worker {
  const file = join(process.cwd(), 'src/lib/share-worker.ts');
  if (!existsSync(file)) return null;
  const pending = new Map<string, Pending>();
  let thread: Worker;
  try {
    // The worker holds the glyphs (a few MB) and the cards it has not written yet; pixels are outside its heap.
    thread = new Worker(file, {
      workerData: { fonts: fontFiles() },
      resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 },
    });
  } catch {
    return null;
  }
  thread.unref();
  thread.on('message', ({ file: done, error }: ShareCardDone) => {
    const p = pending.get(done);
    if (!p) return;
    pending.delete(done);
    if (pending.size === 0) thread.unref();
    if (error) p.reject(new Error(`share image ${done}: ${error}`));
    else {
      counts.worker += 1;
      p.resolve();
    }
  });
  // A worker that fails leaves its cards to this thread.
  const fail = () => {
    if (worker?.thread !== thread) return;
    worker = null;
    for (const p of pending.values()) drawHere(p.job).then(p.resolve, p.reject);
    pending.clear();
  };
  thread.on('error', fail);
  thread.on('exit', fail);
  return { thread, pending };
}

/** Writes these cards' files, on the worker if it runs, else here. */
function draw(jobs: ShareCardJob[]): Promise<void>[] {
  if (worker === undefined) worker = startWorker();
  const w = worker;
  if (!w) return jobs.map(drawHere);
  const done = jobs.map(
    (job) => new Promise<void>((resolve, reject) => w.pending.set(job.file, { job, resolve, reject })),
  );
  w.thread.ref();
  w.thread.postMessage(jobs);
  return done;
}

const files = new Map<string, Promise<string>>();
/**
 * Each card's file, by the card: the route asks for a card's file after the pages with the card it scheduled before
 * them, and making its SVG and key again took 0.44 s of the build's last step at 1,000 stories.
 */
const byCard = new WeakMap<ShareCard, { dir: string; path: string; file: Promise<string> }>();
const made = new Set<string>();
/** How the drawing ahead ended, once it has: printed when a card is next asked for. */
let lateNote: string | undefined;

/** How to draw the cards a cache does not have: on this thread (`here`), and not before `after` settles. */
interface DrawOptions {
  here?: boolean;
  after?: Promise<void>;
}

/**
 * Returns the cache file of each of these share images, and a promise of each drawn (now, in the background, when it
 * is not there yet; with `after`, once that has settled, those the cache still lacks then).
 */
function sharePngFiles(
  cards: readonly ShareCard[],
  dir: string,
  { here = false, after }: DrawOptions = {},
): { path: string; file: Promise<string>; found: boolean }[] {
  const jobs: ShareCardJob[] = [];
  const waits: ((done: Promise<void>) => void)[] = [];
  const result = cards.map((card) => {
    const known = byCard.get(card);
    if (known?.dir === dir) return { path: known.path, file: known.file, found: existsSync(known.path) };
    const svg = shareSvg(card);
    const path = join(dir, `${pngKey(svg)}.png`);
    let file = files.get(svg);
    let found = false;
    if (!file) {
      found = existsSync(path);
      if (found) file = Promise.resolve(path);
      else {
        if (!made.has(dir)) mkdirSync(dir, { recursive: true });
        made.add(dir);
        jobs.push({ svg, texts: shareLayout(card), file: path });
        file = new Promise<string>((resolve, reject) => waits.push((done) => done.then(() => resolve(path), reject)));
      }
      files.set(svg, file);
    }
    byCard.set(card, { dir, path, file });
    return { path, file, found };
  });
  const start = (list: ShareCardJob[]) => (list.length === 0 ? [] : here ? list.map(drawHere) : draw(list));
  if (!after) start(jobs).forEach((done, i) => waits[i]!(done));
  else if (jobs.length > 0)
    void after.then(() => {
      const left = jobs.filter((job) => !existsSync(job.file));
      const drawing = new Map(start(left).map((done, i) => [left[i]!.file, done]));
      jobs.forEach((job, i) => waits[i]!(drawing.get(job.file) ?? Promise.resolve()));
      // Said when the cards are next asked for (after the pages), not in the middle of Astro's list of pages.
      lateNote = `[share images] ${jobs.length - left.length} more card(s) drawn ahead while the pages rendered, ${left.length} left to draw then`;
    });
  return result;
}

/** Returns the cached PNG file of a share image, drawn now if it is not there yet. */
export function sharePngFile(card: ShareCard, dir = shareCacheDir()): Promise<string> {
  if (lateNote) console.log(lateNote);
  lateNote = undefined;
  return sharePngFiles([card], dir)[0]!.file;
}

/**
 * Writes the share images of these cards that the cache does not have yet; settles once every one is there. `here`:
 * set their glyphs on this thread rather than on the worker (a process that does nothing else, and needs no second
 * heap for it).
 */
export async function drawSharePngs(cards: readonly ShareCard[], dir = shareCacheDir(), here = false): Promise<void> {
  await Promise.all(sharePngFiles(cards, dir, { here }).map(({ file }) => file));
}

/**
 * Starts writing the share images of a build's cards in the background, every glyph they need first, and deletes
 * the other files of the cache folder (cards of earlier builds, a stopped build's partial files), so it holds the
 * cards of the last build, like the embed cache. While the drawing ahead of the pages (src/lib/share-ahead.ts) runs,
 * the cards it has not written are left to it, on whatever the pages leave of the cores; once it has finished or
 * been stopped (when the pages are built), those it did not write are drawn here. Settles once the folder is pruned
 * (after the child drawing ahead has exited, so no partial file of its can land after).
 */
export function prepareSharePngs(cards: readonly ShareCard[], dir = shareCacheDir()): Promise<void> {
  const ahead = sharesAhead();
  const scheduled = sharePngFiles(cards, dir, { after: ahead });
  for (const { file } of scheduled) file.catch(() => undefined);
  const found = scheduled.filter((s) => s.found).length;
  console.log(
    `[share images] ${found} of ${scheduled.length} card(s) in the cache as the pages begin (drawn ahead of them or kept)${ahead ? '; the drawing ahead goes on' : ''}`,
  );
  const keep = new Set(scheduled.map(({ path }) => basename(path)));
  // This process's partial files (<key>.png.<pid>.<thread>.partial) are cards being written now; the child's are
  // left over once it has exited.
  const own = (name: string) => name.endsWith('.partial') && name.split('.').at(-3) === String(process.pid);
  const prune = () => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) if (!keep.has(name) && !own(name)) rmSync(join(dir, name), { force: true });
  };
  return ahead ? ahead.then(prune) : Promise.resolve(prune());
}

/** Returns the PNG bytes of a share image, from the cache or drawn now. */
export async function sharePng(card: ShareCard, dir = shareCacheDir()): Promise<Buffer> {
  return readFileSync(await sharePngFile(card, dir));
}
