/**
 * Charts drawn ahead on a worker thread while a build renders pages. Astro renders every page on one thread, and at
 * 1,000 stories drawing their 11,000 chart SVGs (two or three widths each) took a third of it; a build machine has a
 * second core. The story route hands the worker its charts in the order the pages render
 * (src/pages/stories/[id].astro), and the page takes each drawing when it gets there (src/components/Chart.astro).
 * The worker runs the same function on the same files (src/data/chart-drawing.ts), so the bytes are the same: a
 * drawing counts only if it was made for exactly the call the page holds, and the page draws anything the worker has
 * not (not reached yet, failed, or a call that reads differently), with the page's own errors.
 *
 * The worker stays at most LEAD drawings ahead of the pages, so memory does not grow with the archive; the page and
 * the worker share a few counters (a SharedArrayBuffer) so neither draws what the other already has.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import type { ChartSpec } from '../data/chart-specs.ts';
import { drawingInputs, type ChartInputs, type ChartView, type DrawingInputs } from '../data/chart-drawing.ts';
import { chartRenderings } from './chart-widths.ts';

/**
 * One drawing to make: a chart call at one width, with what the drawing reads of its checked inputs. The page's
 * thread has read and checked the datasets already; the worker gets only the rows it draws (reading every dataset
 * again held 140 MB on the worker at 1,000 stories, and whole datasets 50 MB).
 */
export interface PredrawJob {
  spec: ChartSpec;
  width: number;
  inputs: DrawingInputs;
}

/** What the worker sends back: the views of job `job`, or null when drawing failed (the page then draws it). */
export interface PredrawResult {
  job: number;
  views: ChartView[] | null;
}

/**
 * Slots of the shared counters: drawings the pages have taken (or drawn themselves), the job the worker is on, and
 * the count of taken drawings at which a worker that has run LEAD ahead wants waking (NOT_WAITING otherwise).
 */
export const TAKEN = 0;
export const CURRENT = 1;
export const WAKE_AT = 2;
export const NOT_WAITING = 0x7fffffff;
/** Then one flag per job: 1 once the page has claimed it (the worker skips a claimed job). */
export const FLAGS = 3;
/** How far ahead of the pages the worker may draw (about 8 KB a drawing). */
export const LEAD = 400;
/**
 * How many drawings a worker that has run LEAD ahead waits for before it goes on: woken for every drawing the pages
 * took, it cost the pages' thread a futex wake-up each (about 26 µs; 0.28 s of a 1,000-story build's page thread).
 */
export const BATCH = 32;
/** The worker's heap limit, in MB. */
const HEAP_MB = 128;

/**
 * What a drawing depends on in the call: everything but where it was written (file, story). A drawing is used only
 * when the page's call gives the same key.
 */
export function drawingKey(spec: ChartSpec, width: number): string {
  const options = Object.entries(spec.options).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([
    spec.id,
    spec.dataset,
    spec.kind,
    spec.title,
    spec.takeaway,
    spec.rows ?? null,
    options,
    width,
  ]);
}

interface Predraw {
  worker: Worker;
  port: MessagePort;
  state: Int32Array;
  index: Map<string, number>;
  results: Map<number, ChartView[] | null>;
  /** Drawings the pages took from the worker. */
  given: number;
}

// On globalThis: the pages' bundle starts the worker, and the build integration (another copy of this module) stops it.
const slot = Symbol.for('shushuo.chart-predraw');
const store = globalThis as { [slot]?: Predraw };

/**
 * The drawings of these stories' charts, story by story in this order, at each width its page shows. A call whose
 * inputs fail their checks is left out: its page draws it and stops the build with the message.
 */
export function predrawJobs(
  storyOrder: readonly string[],
  specs: readonly ChartSpec[],
  inputsOf: (spec: ChartSpec) => ChartInputs,
): PredrawJob[] {
  const byStory = Map.groupBy(specs, (spec) => spec.story);
  return storyOrder.flatMap((story) =>
    (byStory.get(story) ?? []).flatMap((spec) => {
      let inputs: DrawingInputs;
      try {
        inputs = drawingInputs(spec, inputsOf(spec));
      } catch {
        return [];
      }
      return chartRenderings(spec.kind).map(({ width }) => ({ spec, width, inputs }));
    }),
  );
}

/** The worker's entry, a plain Node module: the project's root is the build's working directory, as for the data. */
const workerFile = () => join(process.cwd(), 'src/lib/chart-predraw-worker.ts');

/**
 * Starts drawing these charts on a worker thread, in this order (the order their pages render). Nothing on a machine
 * with one core, where the worker could only take time from the pages.
 */
export function startPredraw(jobs: readonly PredrawJob[]): void {
  stopPredraw();
  if (jobs.length === 0 || availableParallelism() < 2) return;
  const state = new Int32Array(new SharedArrayBuffer(4 * (FLAGS + jobs.length)));
  state[CURRENT] = -1;
  state[WAKE_AT] = NOT_WAITING;
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(workerFile(), {
    workerData: { jobs, state, port: port2 },
    transferList: [port2],
    // The worker holds its modules and the rows it draws (about 70 MB at 3,000 stories); left alone, V8 let its heap
    // grow to 300 MB, most of it a young generation sized for a main thread (123 MB with these limits). A worker
    // that runs out is stopped, and the pages draw the rest.
    resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: 16 },
  });
  // A worker that fails to start or crashes only means the pages draw every chart themselves.
  worker.on('error', () => undefined);
  worker.unref();
  store[slot] = {
    worker,
    port: port1,
    state,
    index: new Map(jobs.map((job, i) => [drawingKey(job.spec, job.width), i])),
    results: new Map(),
    given: 0,
  };
}

/**
 * Stops the worker and forgets its drawings; returns how many drawings the pages took from it and how many the
 * worker was given (undefined when no worker ran). On a small site the pages often reach every chart before the
 * worker has loaded its modules (about half a second): then they draw them all.
 */
export function stopPredraw(): { given: number; jobs: number } | undefined {
  const p = store[slot];
  if (!p) return undefined;
  void p.worker.terminate();
  p.port.close();
  store[slot] = undefined;
  return { given: p.given, jobs: p.state.length - FLAGS };
}

function drain(p: Predraw): void {
  for (let m = receiveMessageOnPort(p.port); m; m = receiveMessageOnPort(p.port)) {
    const { job, views } = m.message as PredrawResult;
    p.results.set(job, views);
  }
}

/** How many drawings the worker has made that no page has taken yet (0 without a worker). */
export function drawingsWaiting(): number {
  const p = store[slot];
  if (!p) return 0;
  drain(p);
  return p.results.size;
}

/**
 * The count of taken drawings at which a worker that has run LEAD ahead goes on, or undefined while it draws (and
 * without a worker). A count of drawings waiting says nothing of this alone: the worker may have posted its last
 * drawing and not yet looked how far ahead it is.
 */
export function workerWakesAt(): number | undefined {
  const p = store[slot];
  if (!p) return undefined;
  const wakeAt = Atomics.load(p.state, WAKE_AT);
  return wakeAt === NOT_WAITING ? undefined : wakeAt;
}

/**
 * Returns the worker's drawing of this call at this width, or undefined when the page must draw it itself. Each
 * drawing is given once: a call that appears twice is drawn by the page the second time.
 */
export function takeDrawing(spec: ChartSpec, width: number): ChartView[] | undefined {
  const p = store[slot];
  if (!p) return undefined;
  const key = drawingKey(spec, width);
  const job = p.index.get(key);
  if (job === undefined) return undefined;
  p.index.delete(key);
  // Claim the job, then look whether the worker is on it: with both sides storing before they load, at least one
  // sees the other, so the job is never lost (both may draw it, and the worker's copy is then dropped).
  Atomics.store(p.state, FLAGS + job, 1);
  drain(p);
  if (!p.results.has(job) && Atomics.load(p.state, CURRENT) === job) {
    // The worker is drawing it now: a drawing takes about a millisecond (given up after a second, in case it died).
    for (let waits = 0; waits < 50 && Atomics.load(p.state, CURRENT) === job; waits += 1)
      Atomics.wait(p.state, CURRENT, job, 20);
    drain(p);
  }
  const views = p.results.get(job) ?? undefined;
  p.results.delete(job);
  if (views) p.given += 1;
  // Wake the worker only once the pages have taken what it waits for (src/lib/chart-predraw-worker.ts).
  const taken = Atomics.add(p.state, TAKEN, 1) + 1;
  if (taken >= Atomics.load(p.state, WAKE_AT)) Atomics.notify(p.state, TAKEN);
  return views;
}
