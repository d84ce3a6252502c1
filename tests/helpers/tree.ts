/** Compares two build outputs (the determinism test and the bench's rebuild check) file by file: sha256 of every file, keyed by its path relative to the folder. */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** sha256 of every file under dir, keyed by its relative path with forward slashes. */
export function hashTree(dir: string): Map<string, string> {
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

/** Paths missing on one side or whose bytes differ, sorted; `names` say what the two trees are in the messages. */
export function treeDiff(
  a: Map<string, string>,
  b: Map<string, string>,
  names: readonly [string, string] = ['the first', 'the second'],
): string[] {
  const diff: string[] = [];
  for (const [path, hash] of a) {
    if (!b.has(path)) diff.push(`${path} (only in ${names[0]})`);
    else if (b.get(path) !== hash) diff.push(`${path} (bytes differ)`);
  }
  for (const path of b.keys()) if (!a.has(path)) diff.push(`${path} (only in ${names[1]})`);
  return diff.sort();
}
