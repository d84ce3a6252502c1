// Two clean builds of one commit give byte-identical output: no timestamps, random ids or absolute paths.
// Build A is dist/, which `npm test` has just built in this checkout; build B runs in a fresh project copy
// (another folder, another time, empty build caches) with the same production command (scripts/build.mjs).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { projectCopy, siteBuild } from '../helpers/build.ts';
import { hashTree, treeDiff } from '../helpers/tree.ts';

const BUILDS = ['build A', 'build B'] as const;

describe('deterministic build', () => {
  it('a clean build in another folder is byte-identical to dist/', () => {
    const hashesA = hashTree('dist');
    expect(hashesA.size).toBeGreaterThan(5);
    const copy = projectCopy();
    try {
      const b = siteBuild({}, copy.dir);
      expect(b.status, b.output).toBe(0);
      const diff = treeDiff(hashesA, hashTree(join(copy.dir, 'dist')), BUILDS);
      expect(diff, `files that differ between two builds of the same commit:\n${diff.join('\n')}`).toEqual([]);
    } finally {
      copy.remove();
    }
  }, 300_000);

  it('notices a file that differs (the comparison can fail)', () => {
    const a = new Map([
      ['index.html', '1'],
      ['x.js', '2'],
      ['gone.css', '3'],
    ]);
    const b = new Map([
      ['index.html', '1'],
      ['x.js', '9'],
      ['new.css', '4'],
    ]);
    expect(treeDiff(a, b, BUILDS)).toEqual([
      'gone.css (only in build A)',
      'new.css (only in build B)',
      'x.js (bytes differ)',
    ]);
  });
});
