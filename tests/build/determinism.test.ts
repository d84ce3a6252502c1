// Two clean builds of one commit give byte-identical output: no timestamps, random ids or absolute paths.
// Build A is dist/, which `npm test` has just built in this checkout; build B runs in a fresh project copy
// (another folder, another time, empty build caches) with the same production command (scripts/build.mjs).
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { projectCopy, siteBuild } from '../helpers/build.ts';

/** sha256 of every file under `dir`, keyed by its relative path. */
function hashTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p).split(sep).join('/'), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

/** Paths that are missing on one side or whose bytes differ. */
function treeDiff(a: Map<string, string>, b: Map<string, string>): string[] {
  const diff: string[] = [];
  for (const [path, hash] of a) {
    if (!b.has(path)) diff.push(`${path} (only in build A)`);
    else if (b.get(path) !== hash) diff.push(`${path} (bytes differ)`);
  }
  for (const path of b.keys()) if (!a.has(path)) diff.push(`${path} (only in build B)`);
  return diff.sort();
}

describe('deterministic build', () => {
  it('a clean build in another folder is byte-identical to dist/', () => {
    const hashesA = hashTree('dist');
    expect(hashesA.size).toBeGreaterThan(5);
    const copy = projectCopy();
    try {
      const b = siteBuild({}, copy.dir);
      expect(b.status, b.output).toBe(0);
      const diff = treeDiff(hashesA, hashTree(join(copy.dir, 'dist')));
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
    expect(treeDiff(a, b)).toEqual(['gone.css (only in build A)', 'new.css (only in build B)', 'x.js (bytes differ)']);
  });
});
