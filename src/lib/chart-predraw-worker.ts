/**
 * The worker of src/lib/chart-predraw.ts: draws chart calls in the order it was given, at most LEAD drawings ahead of
 * the pages, skipping any the page has claimed, and posts each drawing back. A plain Node module (Node strips the
 * types), running the same drawing code as the pages.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { drawViews } from '../data/chart-drawing.ts';
import {
  BATCH,
  CURRENT,
  FLAGS,
  LEAD,
  NOT_WAITING,
  TAKEN,
  WAKE_AT,
  type PredrawJob,
  type PredrawResult,
} from './chart-predraw.ts';

const { jobs, state, port } = workerData as { jobs: PredrawJob[]; state: Int32Array; port: MessagePort };

for (let job = 0; job < jobs.length; job += 1) {
  if (job - Atomics.load(state, TAKEN) > LEAD) {
    // Too far ahead: sleep until the pages have taken BATCH drawings more than it takes to go on, then draw a batch.
    const wakeAt = job - LEAD + BATCH;
    Atomics.store(state, WAKE_AT, wakeAt);
    for (let taken = Atomics.load(state, TAKEN); taken < wakeAt; taken = Atomics.load(state, TAKEN))
      Atomics.wait(state, TAKEN, taken, 200);
    Atomics.store(state, WAKE_AT, NOT_WAITING);
  }
  Atomics.store(state, CURRENT, job);
  if (Atomics.load(state, FLAGS + job) === 0) {
    const { spec, width, inputs } = jobs[job]!;
    let views: PredrawResult['views'];
    try {
      views = drawViews(spec, width, inputs);
    } catch {
      // The page draws it itself and stops the build with the message.
      views = null;
    }
    port.postMessage({ job, views } satisfies PredrawResult);
  }
  Atomics.store(state, CURRENT, -1);
  Atomics.notify(state, CURRENT);
}
port.close();
