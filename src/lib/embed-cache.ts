/**
 * The embed pages and SVG files of a story's charts, kept between builds in node_modules/.cache/shushuo/embed/ (one
 * file per story; git-ignored, delete it freely). They are made from the story's built page
 * (src/lib/build-integration.ts, src/lib/embed-page.ts), so their key is that page's bytes, what each chart's files
 * say besides it (title, takeaway, story), the base path and the code that makes them: every file of src/, the
 * Astro config and the lockfile. A rebuild after one story changed writes the other stories' files from here instead
 * of cutting each figure out of its page and finishing an embed page around it again.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { contentKey, fileHash, filesKey } from './cache.ts';

/** One chart's files, as written: embed/<id>/index.html and charts/<id>.svg. */
export interface CachedChartFiles {
  id: string;
  embed: Uint8Array;
  svg: Uint8Array;
}

/**
 * A story's entry: one line of JSON naming each chart and the byte lengths of its two files, then the files' bytes.
 * Written and read as bytes, so neither a cold build nor a rebuild turns 55 KB of HTML a story into JSON and back
 * (JSON.stringify of the entries took 0.6 s of the main thread at 1,000 stories).
 */
function entryBytes(files: readonly CachedChartFiles[]): Buffer {
  const header = JSON.stringify(files.map((f) => [f.id, f.embed.length, f.svg.length]));
  return Buffer.concat([Buffer.from(`${header}\n`), ...files.flatMap((f) => [f.embed, f.svg])]);
}

/** Reads an entry's files; undefined when the entry is damaged (its lengths do not add up). */
function entryFiles(bytes: Buffer): CachedChartFiles[] | undefined {
  const end = bytes.indexOf(10);
  if (end < 0) return undefined;
  const header = JSON.parse(bytes.subarray(0, end).toString('utf8')) as unknown;
  if (!Array.isArray(header)) return undefined;
  const files: CachedChartFiles[] = [];
  let at = end + 1;
  for (const item of header) {
    if (!Array.isArray(item) || typeof item[0] !== 'string' || !Number.isInteger(item[1]) || !Number.isInteger(item[2]))
      return undefined;
    const [id, embedLength, svgLength] = item as [string, number, number];
    files.push({
      id,
      embed: bytes.subarray(at, at + embedLength),
      svg: bytes.subarray(at + embedLength, at + embedLength + svgLength),
    });
    at += embedLength + svgLength;
  }
  return at === bytes.length ? files : undefined;
}

/** Returns the files under a folder, sorted, with paths relative to `root`. */
function filesUnder(root: string, dir: string): string[] {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

/**
 * Returns a key of the code that makes embed pages and SVG files: the bytes of every file of src/, the Astro config
 * and the lockfile (the bundler and CSS minifier that turn them into the build's code), and the base path the pages
 * link with. Any code change makes every story's files again, which costs one cold build's embed step. The files are
 * read each time (`fileHash`), so a process that lives on (a test, the dev server) sees a change.
 */
export function embedCodeKey(root: string, base: string): string {
  const paths = [...filesUnder(root, 'src'), 'astro.config.mjs', 'package-lock.json'].map((p) => join(root, p));
  return contentKey(`base ${base}`, filesKey(root, paths, fileHash));
}

/** A story looked up in the cache: its files when an earlier build made them, and how to keep the ones made now. */
export interface CachedStory {
  files: CachedChartFiles[] | undefined;
  keep(files: CachedChartFiles[]): void;
}

/** What `finish` did: stories deleted from the cache, and stories that could not be kept (with the first error). */
export interface CacheFinish {
  removed: number;
  notKept: number;
  error?: string;
}

/**
 * The cache of one build. `lookup` gives a story's files when they were made from the same page, the same chart
 * texts and the same code (an unreadable entry counts as missing); `keep` stores new ones in the background (a
 * cold build writes every story's, about 55 KB each, while it goes on to the next story); `finish` waits for those
 * writes and forgets every story this build did not ask for, so the folder holds one build's files. A story that
 * cannot be kept (a full or read-only disk) is only counted: the build's own files are written either way.
 */
export function embedCache(root: string, codeKey: string) {
  const dir = join(root, 'node_modules/.cache/shushuo/embed');
  const used = new Set<string>();
  const writes: Promise<void>[] = [];
  const errors: string[] = [];
  let dirMade: Promise<unknown> | undefined;
  const fileOf = (key: string) => join(dir, `${key}.bin`);
  const read = (file: string): CachedChartFiles[] | undefined => {
    try {
      return entryFiles(readFileSync(file));
    } catch {
      return undefined;
    }
  };
  return {
    lookup(storyHtml: string, charts: unknown): CachedStory {
      const key = createHash('sha256')
        .update(codeKey)
        .update('\n')
        .update(JSON.stringify(charts))
        .update('\n')
        .update(storyHtml)
        .digest('base64url');
      used.add(key);
      const file = fileOf(key);
      return {
        files: existsSync(file) ? read(file) : undefined,
        keep(made) {
          // Written to a temporary name, then renamed: a build stopped halfway leaves no half file under the key.
          const partial = `${file}.${process.pid}.partial`;
          dirMade ??= mkdir(dir, { recursive: true });
          writes.push(
            dirMade
              .then(() => writeFile(partial, entryBytes(made)))
              .then(() => rename(partial, file))
              .catch((error: unknown) => {
                errors.push(error instanceof Error ? error.message : String(error));
              }),
          );
        },
      };
    },
    /** Waits for the stories being kept, then deletes those this build did not use. */
    async finish(): Promise<CacheFinish> {
      await Promise.all(writes);
      let removed = 0;
      if (existsSync(dir) && statSync(dir).isDirectory())
        for (const name of readdirSync(dir)) {
          if (used.has(name.replace(/\.bin$/, ''))) continue;
          rmSync(join(dir, name), { force: true });
          removed += 1;
        }
      return { removed, notKept: errors.length, ...(errors.length ? { error: errors[0] } : {}) };
    },
  };
}
