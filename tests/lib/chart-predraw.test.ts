/**
 * Charts drawn ahead on a worker thread (src/lib/chart-predraw.ts): a page gets exactly the drawing it would have
 * made itself, byte for byte, and only for the call it holds; anything else it draws itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { chartCallsIn, type ChartSpec } from '../../src/data/chart-specs.ts';
import { chartData, drawViews, drawingInputs } from '../../src/data/chart-drawing.ts';
import {
  BATCH,
  LEAD,
  drawingKey,
  drawingsWaiting,
  predrawJobs,
  startPredraw,
  stopPredraw,
  takeDrawing,
  workerWakesAt,
} from '../../src/lib/chart-predraw.ts';
import { COLUMN, PHONE, WIDE } from '../../src/lib/chart-widths.ts';

/** The chart calls of the project's own stories, story by story. */
function storySpecs(): ChartSpec[] {
  const dir = 'content/stories';
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .flatMap((f) => chartCallsIn(readFileSync(`${dir}/${f}`, 'utf8'), f.replace(/\.mdx$/, ''), `${dir}/${f}`).specs);
}

afterEach(() => stopPredraw());

describe('drawingKey', () => {
  const spec: ChartSpec = {
    id: 'fiction-chart',
    dataset: 'fiction-data',
    kind: 'bar',
    title: '虚构标题',
    takeaway: '虚构要点',
    story: 'a',
    file: 'content/stories/a.mdx',
    options: { sort: 'desc', unit: '亿元' },
  };
  it('tells apart what changes a drawing and ignores where the call was written', () => {
    const key = drawingKey(spec, COLUMN);
    expect(drawingKey(spec, PHONE)).not.toBe(key);
    expect(drawingKey({ ...spec, title: '另一个标题' }, COLUMN)).not.toBe(key);
    expect(drawingKey({ ...spec, rows: ['x'] }, COLUMN)).not.toBe(key);
    expect(drawingKey({ ...spec, options: { ...spec.options, sort: 'asc' } }, COLUMN)).not.toBe(key);
    expect(drawingKey({ ...spec, story: '', file: '<Chart id="fiction-chart">' }, COLUMN)).toBe(key);
    expect(drawingKey({ ...spec, options: { unit: '亿元', sort: 'desc' } }, COLUMN)).toBe(key);
  });
});

describe('predrawJobs', () => {
  const specs = storySpecs();
  it('lists each chart at every width its page shows, story by story in the given order', () => {
    const stories = [...new Set(specs.map((s) => s.story))].reverse();
    const jobs = predrawJobs(stories, specs, chartData);
    expect(jobs.map((j) => j.spec.story)).toEqual(
      stories.flatMap((story) =>
        specs
          .filter((s) => s.story === story)
          .flatMap((s) => (s.kind === 'timeline' || s.kind === 'loop' ? [s, s, s] : [s, s]).map(() => story)),
      ),
    );
    const timeline = jobs.filter((j) => j.spec.kind === 'timeline').map((j) => j.width);
    expect(timeline.slice(0, 3)).toEqual([WIDE, COLUMN, PHONE]);
  });
  it('leaves out a call whose inputs fail their checks (its page draws it and stops the build)', () => {
    const broken = { ...specs[0]!, id: 'fiction-broken', dataset: 'no-such-dataset' };
    const jobs = predrawJobs([broken.story], [broken, specs[0]!], chartData);
    expect(jobs.every((j) => j.spec.id === specs[0]!.id)).toBe(true);
  });
});

describe('the worker', () => {
  it("gives each page the same bytes it would draw, once, and nothing for a call that differs from the worker's", async () => {
    const specs = storySpecs();
    const stories = [...new Set(specs.map((s) => s.story))];
    const jobs = predrawJobs(stories, specs, chartData);
    expect(jobs.length).toBeGreaterThan(10);
    startPredraw(jobs);
    if (availableParallelism() < 2) {
      // One core: no worker, and every page draws its own charts.
      expect(jobs.every(({ spec, width }) => takeDrawing(spec, width) === undefined)).toBe(true);
      return;
    }
    // Let the worker start and draw ahead, as it does while a build renders the pages before the stories (starting a
    // worker that loads Plot and d3 took over a second while the rest of the suite ran).
    await expect.poll(drawingsWaiting, { interval: 50, timeout: 30_000 }).toBe(jobs.length);
    let fromWorker = 0;
    for (const { spec, width } of jobs) {
      // The page's call is built from its props: no story, its own file label.
      const page = { ...spec, story: '', file: `<Chart id="${spec.id}">` };
      const own = drawViews(page, width, drawingInputs(page, chartData(page)));
      const given = takeDrawing(page, width);
      if (given) {
        fromWorker += 1;
        expect(given).toEqual(own);
      }
      // Each drawing is given once.
      expect(takeDrawing(page, width)).toBeUndefined();
    }
    expect(fromWorker).toBe(jobs.length);
    const other = { ...specs[0]!, title: `${specs[0]!.title}（改）` };
    expect(takeDrawing(other, COLUMN)).toBeUndefined();
    // What the build prints at the end: every drawing came from the worker.
    expect(stopPredraw()).toEqual({ given: jobs.length, jobs: jobs.length });
  });
  it('stays at most LEAD drawings ahead of the pages, and goes on only once they have taken a batch more', async () => {
    if (availableParallelism() < 2) return;
    // Enough distinct calls to run LEAD ahead: the stories' charts again under other ids (the same drawings).
    const base = storySpecs();
    const specs = Array.from({ length: Math.ceil((2 * LEAD) / base.length) }, (_, n) =>
      base.map((spec) => ({ ...spec, id: `${spec.id}-copy${n}`, story: `${spec.story}-copy${n}` })),
    ).flat();
    const jobs = predrawJobs([...new Set(specs.map((s) => s.story))], specs, chartData);
    expect(jobs.length).toBeGreaterThan(LEAD + 2 * BATCH);
    startPredraw(jobs);
    const ahead = LEAD + 1;
    // Asleep, not only LEAD + 1 drawings made: on a busy machine the worker may post its last drawing and be
    // descheduled before it looks how far ahead it is, and the pages' first takes would then let it draw on.
    await expect.poll(workerWakesAt, { interval: 50, timeout: 30_000 }).toBe(BATCH + 1);
    await expect.poll(drawingsWaiting, { interval: 50, timeout: 30_000 }).toBe(ahead);
    const take = (from: number, to: number) => {
      for (let job = from; job < to; job++) {
        const { spec, width } = jobs[job]!;
        expect(takeDrawing(spec, width)).toEqual(drawViews(spec, width, drawingInputs(spec, chartData(spec))));
      }
    };
    // One short of a batch taken: the worker still sleeps.
    take(0, BATCH);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(drawingsWaiting()).toBe(ahead - BATCH);
    expect(workerWakesAt()).toBe(BATCH + 1);
    // The batch is complete: it draws until it is LEAD ahead again, and sleeps once more.
    take(BATCH, BATCH + 1);
    await expect.poll(workerWakesAt, { interval: 50, timeout: 30_000 }).toBe(2 * (BATCH + 1));
    await expect.poll(drawingsWaiting, { interval: 50, timeout: 30_000 }).toBe(ahead);
  });
  it('gives nothing once stopped', () => {
    const specs = storySpecs().slice(0, 2);
    startPredraw(predrawJobs([...new Set(specs.map((s) => s.story))], specs, chartData));
    // Stopped before it could draw anything (no worker at all on one core).
    expect(stopPredraw()?.given ?? 0).toBe(0);
    expect(takeDrawing(specs[0]!, COLUMN)).toBeUndefined();
    expect(stopPredraw()).toBeUndefined();
  });
});
