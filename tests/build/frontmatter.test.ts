import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
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
