/**
 * A writer thread of src/lib/chart-file-writers.ts: writes the chart files of each story it is sent and keeps them
 * in the embed cache (src/lib/embed-cache.ts), then posts back the story's number, with why its files could not be
 * kept or, when a file could not be written, the error. A plain Node module (Node strips the types).
 */
import { parentPort } from 'node:worker_threads';
import { writeStoryFilesDone, type StoryFiles } from './embed-cache.ts';

parentPort!.on('message', ({ n, story }: { n: number; story: StoryFiles }) => {
  parentPort!.postMessage(writeStoryFilesDone(n, story));
});
