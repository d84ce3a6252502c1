/**
 * The worker of src/lib/share-png.ts: writes the share images it is sent (src/lib/share-raster.ts), a few at a time,
 * and posts back each file's name, with an error message when it failed. Setting a card's glyphs is JavaScript
 * (about 1 ms a card), so it runs here rather than on the thread that renders pages. A plain Node module (Node
 * strips the types).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { limited, ShareRaster, writeShareCard, type ShareCardJob, type ShareFontFiles } from './share-raster.ts';

/** What the worker posts for each card. */
export interface ShareCardDone {
  file: string;
  error?: string;
}

const { fonts } = workerData as { fonts: ShareFontFiles | undefined };
const raster = await ShareRaster.create(fonts);
const slot = limited();

/** Writes a card on a free slot and posts its file, with the error when it failed. */
function write(job: ShareCardJob): void {
  slot(() => writeShareCard(raster, job)).then(
    () => parentPort!.postMessage({ file: job.file } satisfies ShareCardDone),
    (error: unknown) =>
      parentPort!.postMessage({
        file: job.file,
        error: error instanceof Error ? error.message : String(error),
      } satisfies ShareCardDone),
  );
}

parentPort!.on('message', (jobs: ShareCardJob[]) => {
  // Every glyph of the batch first, so no card waits for glyphs drawn one by one.
  void (raster?.prepare(jobs.map((job) => job.texts)) ?? Promise.resolve())
    .catch(() => undefined)
    .then(() => jobs.forEach(write));
});
