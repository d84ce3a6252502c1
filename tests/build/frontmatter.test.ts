import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { astroBuild, projectCopy } from '../helpers/build.ts';

// An editor's mistake in frontmatter must stop the build and say which file and which field.
let copy: ReturnType<typeof projectCopy>;
beforeAll(() => {
  copy = projectCopy();
});
afterAll(() => copy?.remove());

function breakStory(file: string, edit: (text: string) => string) {
  const path = join(copy.dir, 'content/stories', file);
  const original = readFileSync(path, 'utf8');
  writeFileSync(path, edit(original));
  return () => writeFileSync(path, original);
}

describe('a story with bad frontmatter', () => {
  it('fails the build naming the file and the missing field', () => {
    const restore = breakStory('logistics.mdx', (t) => t.replace(/^byline: .*\n/m, ''));
    try {
      const run = astroBuild({}, copy.dir);
      expect(run.status).not.toBe(0);
      expect(run.output).toMatch(/logistics/);
      expect(run.output).toMatch(/byline/);
    } finally {
      restore();
    }
  }, 120_000);

  it('fails the build naming a source paragraph id that does not exist', () => {
    const restore = breakStory('agri-leaders.mdx', (t) => t.replace('  - agri-leaders-p02', '  - agri-leaders-p99'));
    try {
      const run = astroBuild({}, copy.dir);
      expect(run.status).not.toBe(0);
      expect(run.output).toMatch(/agri-leaders/);
      expect(run.output).toMatch(/sources/);
      expect(run.output).toMatch(/not a paragraph id/);
    } finally {
      restore();
    }
  }, 120_000);

  it('fails the build naming a dataset that does not exist', () => {
    const restore = breakStory('logistics.mdx', (t) => t.replace('  - logistics-projects', '  - logistics-projectz'));
    try {
      const run = astroBuild({}, copy.dir);
      expect(run.status).not.toBe(0);
      expect(run.output).toMatch(/logistics/);
      expect(run.output).toMatch(/datasets/);
      expect(run.output).toMatch(/names no dataset/);
    } finally {
      restore();
    }
  }, 120_000);
});

describe('a story or dataset that quotes another report', () => {
  // The fictional second report (tests/fixtures/reports/archive/), without its stories and datasets.
  const FICTION = 'xugou-2031-05';
  beforeAll(() => {
    cpSync(`tests/fixtures/reports/archive/content/reports/${FICTION}`, join(copy.dir, 'content/reports', FICTION), {
      recursive: true,
    });
  });
  afterAll(() => rmSync(join(copy.dir, 'content/reports', FICTION), { recursive: true, force: true }));

  it("fails the build naming the story, the field and both reports when a source is not of the story's report", () => {
    const restore = breakStory('agri-leaders.mdx', (t) => t.replace(/^report: .*$/m, `report: "${FICTION}"`));
    try {
      const run = astroBuild({}, copy.dir);
      expect(run.status).not.toBe(0);
      expect(run.output).toMatch(/agri-leaders/);
      expect(run.output).toMatch(/sources/);
      expect(run.output).toContain(
        `is a paragraph of report "longcheng-2021-09", not of this story's report "${FICTION}"`,
      );
    } finally {
      restore();
    }
  }, 120_000);

  it("fails the build naming the dataset file and field when a quote is not of the dataset's report", () => {
    const path = join(copy.dir, 'content/data/agri-leaders.json');
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, original.replace('"report": "longcheng-2021-09"', `"report": "${FICTION}"`));
    try {
      const run = astroBuild({}, copy.dir);
      expect(run.status).not.toBe(0);
      expect(run.output).toMatch(/content\/data\/agri-leaders\.json: rows\[0\]\.source\.paragraph: /);
      expect(run.output).toContain(`not of this dataset's report "${FICTION}"`);
    } finally {
      writeFileSync(path, original);
    }
  }, 120_000);
});
