// The writer threads of the embed step (src/lib/chart-file-writers.ts): every story sent lands in the output with
// the bytes it was given and is kept for the next build, on the threads or, where they cannot run, on this one; a
// file that cannot be written fails the step with its error.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chartFileWriters } from '../../src/lib/chart-file-writers.ts';
import { embedCache, embedCodeKey } from '../../src/lib/embed-cache.ts';
import { tempFolders } from '../helpers/temp.ts';

const tempFolder = tempFolders('writers');

// Fiction, for the test only: 20 stories of two charts each, with an embed page and an SVG per chart.
const stories = Array.from({ length: 20 }, (_, s) => ({
  page: `<html><body><h1>合成示例第${s}篇</h1></body></html>`,
  charts: [0, 1].map((c) => ({
    id: `sample-${s}-${c}`,
    embed: `<!DOCTYPE html><p>嵌入页 ${s}-${c}</p>`,
    svg: `<svg><title>图 ${s}-${c}</title></svg>`,
  })),
}));

/** Writes every story's files through writers started from `project`; returns the output and what `finish` said. */
async function build(project: string, out: string) {
  mkdirSync(join(out, 'charts'), { recursive: true });
  const cache = embedCache(out, embedCodeKey(out, '/'));
  const writers = chartFileWriters(project, 2, 3);
  // As the build does: a failure stops the threads before it is passed on.
  try {
    for (const story of stories) {
      const found = cache.lookup(
        story.page,
        story.charts.map((c) => c.id),
      );
      await writers.write({
        entry: found.entry,
        paths: story.charts.map((c) => ({
          id: c.id,
          embed: join(out, 'embed', c.id, 'index.html'),
          svg: join(out, 'charts', `${c.id}.svg`),
        })),
        files: story.charts.map((c) => ({ embed: c.embed, svg: c.svg })),
      });
    }
    return { cache, ...(await writers.finish()) };
  } catch (error) {
    await writers.stop();
    throw error;
  }
}

const output = tempFolder;

const expectAll = (out: string) => {
  for (const story of stories)
    for (const c of story.charts) {
      expect(readFileSync(join(out, 'embed', c.id, 'index.html'), 'utf8')).toBe(c.embed);
      expect(readFileSync(join(out, 'charts', `${c.id}.svg`), 'utf8')).toBe(c.svg);
    }
};

describe('chart file writers', () => {
  it("writes every story's files and keeps them for the next build", async () => {
    const out = output();
    const { notKept, here } = await build(process.cwd(), out);
    expect(notKept).toEqual([]);
    expect(here).toBe(0);
    expectAll(out);
    // The next build finds each story in the cache.
    const again = embedCache(out, embedCodeKey(out, '/'));
    const next = join(out, 'next');
    for (const story of stories)
      expect(
        again
          .lookup(
            story.page,
            story.charts.map((c) => c.id),
          )
          .place(
            story.charts.map((c) => ({
              id: c.id,
              embed: join(next, 'embed', c.id, 'index.html'),
              svg: join(next, 'charts', `${c.id}.svg`),
            })),
          ),
      ).toBe(true);
  });

  it('writes them on this thread where no writer thread can start', async () => {
    // A project without the writer's module: every thread fails to start.
    const out = output();
    const { notKept, here } = await build(out, out);
    expect(notKept).toEqual([]);
    expect(here).toBe(stories.length);
    expectAll(out);
  });

  it('fails with the error of a file that cannot be written', async () => {
    const out = output();
    // An embed folder's place is taken by a file.
    mkdirSync(join(out, 'embed'), { recursive: true });
    writeFileSync(join(out, 'embed', 'sample-7-1'), 'not a folder');
    await expect(build(process.cwd(), out)).rejects.toThrow(/EEXIST|ENOTDIR/);
  });

  it('counts a story whose files cannot be kept, and still writes them', async () => {
    const out = output();
    // The cache folder's place is taken by a file.
    mkdirSync(join(out, 'node_modules/.cache/shushuo'), { recursive: true });
    writeFileSync(join(out, 'node_modules/.cache/shushuo/embed'), 'not a folder');
    const { notKept } = await build(process.cwd(), out);
    expect(notKept).toHaveLength(stories.length);
    expectAll(out);
  });
});
