/**
 * The hashes every cache key of the build is made of: of values (contentKey) and of files (fileHash, fileKey,
 * filesKey over filesUnder). Used by the pages' keys (src/lib/cache.ts), the embed and share-image caches, the
 * content check's memo and the kept related-stories index.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Returns a short sha256 of the JSON of the values given. */
export function contentKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 32);
}

/** Returns the sha256 of a file's bytes ('missing' when absent), read now. */
export function fileHash(path: string): string {
  return existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('base64url') : 'missing';
}

const fileKeys = new Map<string, string>();

/** Returns the sha256 of a file's bytes ('missing' when absent), read once per build. */
export function fileKey(path: string): string {
  let key = fileKeys.get(path);
  if (key === undefined) {
    key = fileHash(path);
    fileKeys.set(path, key);
  }
  return key;
}

/** Every file under a folder (none when it is missing), sorted, by path: the file lists that cache keys hash. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * Returns one key over these files: their paths relative to root and their bytes, each read once per build
 * (`fileKey`), or now (`fileHash`, for a process that outlives a change, like the dev server or a test).
 */
export function filesKey(root: string, paths: readonly string[], hash: (path: string) => string = fileKey): string {
  return contentKey(paths.map((f) => [relative(root, f).split('\\').join('/'), hash(f)]));
}
