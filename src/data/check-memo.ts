/**
 * What the content check found in earlier runs, kept between builds in node_modules/.cache/shushuo/check.json
 * (git-ignored; delete it freely), so that a build after one story changed checks that story again and takes the
 * rest from here. An entry is a verdict of no problem, stored under a key over everything it rests on: the texts of
 * the files it read, the names of the files it listed, and the code of the check (`checkCodeKey`). A unit with a problem
 * is never stored, so every problem is found again, in every run, by the check itself.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileHash, filesKey, filesUnder } from '../lib/keys.ts';

/** Verdicts of earlier runs, by key. checkContent (src/data/check-content.ts) asks and stores through this. */
export interface CheckMemo {
  /** A key over the code the check runs: any change to it makes every stored verdict unusable. */
  readonly code: string;
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/**
 * Returns one key over these strings, each with its length, so no two lists give the same bytes (hashed as they
 * come: the texts of an archive run to megabytes).
 */
export function memoKey(...parts: readonly (string | readonly string[])[]): string {
  const hash = createHash('sha256');
  for (const part of parts)
    for (const text of typeof part === 'string' ? [part] : ['[', ...part, ']'])
      hash.update(`${text.length}:`).update(text);
  return hash.digest('base64url');
}

/**
 * The key of the check's code: every file of src/ (the check's modules and the chart kinds whose options it
 * checks), the lockfile (zod, Sätteri) and the icon set whose names it checks.
 */
export function checkCodeKey(root: string): string {
  const files = [
    ...filesUnder(join(root, 'src')),
    join(root, 'package-lock.json'),
    join(root, 'node_modules/@iconify-json/tabler/icons.json'),
  ];
  return filesKey(root, files, fileHash);
}

const VERSION = 1;

/**
 * A memo kept in a file of the project: read when made, written by `save()` with the entries of this run alone (so
 * it holds what the content is now, not every version it ever had). A file that cannot be read, or was written by
 * other code, is ignored; one that cannot be written is left as it was: the next check does the work again.
 */
export function diskMemo(root: string, code = checkCodeKey(root)): CheckMemo & { save(): void; hits: number } {
  const file = join(root, 'node_modules/.cache/shushuo/check.json');
  let stored: Record<string, unknown> = {};
  try {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    if (json?.version === VERSION && json.code === code && json.entries && typeof json.entries === 'object')
      stored = json.entries;
  } catch {
    // No memo yet, or a broken one: start empty.
  }
  const used = new Map<string, unknown>();
  let changed = false;
  const memo = {
    code,
    /** Verdicts taken from the file in this run. */
    hits: 0,
    get(key: string): unknown {
      if (!Object.hasOwn(stored, key)) return undefined;
      used.set(key, stored[key]);
      memo.hits += 1;
      return stored[key];
    },
    set(key: string, value: unknown): void {
      used.set(key, value);
      changed = true;
    },
    save(): void {
      if (!changed && used.size === Object.keys(stored).length) return;
      try {
        mkdirSync(dirname(file), { recursive: true });
        const partial = `${file}.${process.pid}.partial`;
        writeFileSync(partial, JSON.stringify({ version: VERSION, code, entries: Object.fromEntries(used) }));
        renameSync(partial, file);
      } catch {
        // A read-only node_modules: the memo is only a saving.
      }
    },
  };
  return memo;
}
