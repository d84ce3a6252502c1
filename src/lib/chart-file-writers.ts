/**
 * Threads that write the chart files of the stories a build makes them for (src/lib/build-integration.ts). After
 * the pages, a 1,000-story build writes 10,000 embed pages and SVGs and links them into the embed cache: about 2.6 s
 * of file system calls on the thread that also makes the files (1.2 s), while the other core was idle once the
 * search index was done. Here that thread makes a story's files, sends them to a writer thread
 * (src/lib/chart-files-worker.ts), and goes on with the next story. One message each way per story:
 * node:fs/promises, some 60 round trips through the main thread per story, made the step slower than writing there.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { writeStoryFilesDone, type StoryFiles, type StoryFilesDone } from './embed-cache.ts';

export interface ChartFileWriters {
  /** Sends a story's files to a writer thread; resolves once one has room for it. */
  write(story: StoryFiles): Promise<void>;
  /**
   * Waits for every story sent and stops the threads. Returns why stories' files could not be kept in the cache (one
   * message per story) and how many stories were written on this thread; throws the first error of a file that
   * could not be written.
   */
  finish(): Promise<{ notKept: string[]; here: number }>;
  /** Stops the threads at once, whatever they have not written (a build that failed). */
  stop(): Promise<void>;
}

interface Writer {
  worker: Worker;
  /** The stories sent and not written yet, by number: written on this thread if the thread dies. */
  sent: Map<number, StoryFiles>;
}

/**
 * Starts `threads` writer threads (src/lib/chart-files-worker.ts under `project`), each sent at most `queue` stories
 * ahead of what it has written. Where a thread cannot start, or dies, its stories are written on this thread.
 */
export function chartFileWriters(project: string, threads = 2, queue = 8): ChartFileWriters {
  const writers: Writer[] = [];
  const notKept: string[] = [];
  let failed: Error | undefined;
  let count = 0;
  /** Stories written on this thread: where no writer thread could start, or one died. */
  let here = 0;
  const writeHere = (n: number, story: StoryFiles): StoryFilesDone => {
    here += 1;
    return writeStoryFilesDone(n, story);
  };
  /** Called when a thread has written a story, or died: a story waiting for room is sent. */
  const roomMade: (() => void)[] = [];
  const made = () => {
    for (const wake of roomMade.splice(0)) wake();
  };
  const settle = ({ notKept: why, error }: StoryFilesDone) => {
    if (error) failed ??= new Error(error);
    else if (why) notKept.push(why);
  };

  // Started with the first story to write: a rebuild takes most stories' files from the cache, often all of them.
  let started = false;
  /** Set once the threads are stopped on purpose: their exit leaves nothing to write. */
  let stopped = false;
  const start = () => {
    started = true;
    for (let i = 0; i < threads; i += 1) {
      let writer: Writer;
      try {
        // Each holds only the stories sent to it and not yet written: at most `queue` of them, about 2 MB of text.
        const worker = new Worker(join(project, 'src/lib/chart-files-worker.ts'), {
          resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 },
        });
        writer = { worker, sent: new Map() };
      } catch {
        continue;
      }
      writer.worker.on('message', (done: StoryFilesDone) => {
        writer.sent.delete(done.n);
        settle(done);
        made();
      });
      // A thread that fails or dies leaves its stories to this thread.
      writer.worker.on('error', () => undefined);
      writer.worker.on('exit', () => {
        if (stopped) return;
        const at = writers.indexOf(writer);
        if (at >= 0) writers.splice(at, 1);
        for (const [n, story] of writer.sent) settle(writeHere(n, story));
        writer.sent.clear();
        made();
      });
      writers.push(writer);
    }
  };

  return {
    async write(story) {
      if (failed) throw failed;
      if (!started) start();
      const n = (count += 1);
      for (;;) {
        const writer = writers.reduce<Writer | undefined>(
          (a, b) => (!a || b.sent.size < a.sent.size ? b : a),
          undefined,
        );
        if (!writer) return settle(writeHere(n, story));
        if (writer.sent.size < queue) {
          // Sent as text: copied as it is held, and encoded as UTF-8 by the thread that writes it (encoding it
          // here took 0.4 s of this thread at 1,000 stories).
          writer.sent.set(n, story);
          writer.worker.postMessage({ n, story });
          return;
        }
        await new Promise<void>((wake) => roomMade.push(wake));
      }
    },
    async finish() {
      while (writers.some((w) => w.sent.size)) await new Promise<void>((wake) => roomMade.push(wake));
      stopped = true;
      await Promise.all(writers.splice(0).map(({ worker }) => worker.terminate()));
      if (failed) throw failed;
      return { notKept, here };
    },
    async stop() {
      stopped = true;
      await Promise.all(writers.splice(0).map(({ worker }) => worker.terminate()));
    },
  };
}
