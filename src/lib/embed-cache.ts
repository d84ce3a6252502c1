/**
 * The embed pages and SVG files of a story's charts, kept between builds in node_modules/.cache/shushuo/embed/ (a
 * folder per story; git-ignored, delete it freely). They are made from the story's built page
 * (src/lib/build-integration.ts, src/lib/embed-page.ts), so their key is that page's bytes, what each chart's files
 * say besides it (title, takeaway, story), the base path and the code that makes them: every file of src/, the
 * Astro config and the lockfile. A rebuild after one story changed puts the other stories' files in place from here
 * instead of cutting each figure out of its page and finishing an embed page around it again.
 *
 * The files are hard links: a build links the files it wrote into the cache, and the next one links them from the
 * cache into its output, so neither copies them (creating 10,000 files took 0.8 to 3 s of a 1,000-story rebuild,
 * with this machine's file system; 5,000 folders and 10,000 links took 227–305 ms against 570–688 ms for the same
 * files written). A link shares its file with the output it was made from, so each file's size and modification
 * time are kept with it and checked before it is used again: a host tool that rewrites a file of dist/ in place
 * changes the cache's too, and that story's files are then made again. Where links cannot be made (another file
 * system), the files are copied.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { contentKey, fileHash, filesKey, filesUnder } from './keys.ts';

/** Where one chart's two files are, or go, in a build's output: embed/<id>/index.html and charts/<id>.svg. */
export interface ChartFilePaths {
  id: string;
  embed: string;
  svg: string;
}

/** What an entry says of one cached file: its size and modification time when it was kept. */
interface KeptFile {
  size: number;
  mtimeMs: number;
}

/** Makes `to`, in a folder that exists, the file `from` is: a hard link, or a copy where no link can be made. */
function put(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      // A file already there (a folder built into twice) is replaced.
      rmSync(to, { force: true });
      linkSync(from, to);
    } else if (['EXDEV', 'EPERM', 'EMLINK', 'ENOTSUP', 'ENOSYS'].includes(code ?? '')) {
      // Another file system, or one without links: a copy.
      copyFileSync(from, to);
    } else throw error;
  }
}

/**
 * Writes a new file at `path`: a file already there (a link into the cache, in an output built into twice) is
 * replaced, not written through, so no cached file changes under its entry.
 */
function writeNew(path: string, data: string | Uint8Array): void {
  try {
    writeFileSync(path, data, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    rmSync(path, { force: true });
    writeFileSync(path, data, { flag: 'wx' });
  }
}

/** What a kept file is now, to compare with what its entry says. */
function stamp(file: string): KeptFile {
  const { size, mtimeMs } = statSync(file);
  return { size, mtimeMs };
}

/**
 * Returns a key of the code that makes embed pages and SVG files: the bytes of every file of src/, the Astro config
 * and the lockfile (the bundler and CSS minifier that turn them into the build's code), and the base path the pages
 * link with. Any code change makes every story's files again, which costs one cold build's embed step. The files are
 * read each time (`fileHash`), so a process that lives on (a test, the dev server) sees a change.
 */
export function embedCodeKey(root: string, base: string): string {
  const paths = [...filesUnder(join(root, 'src')), join(root, 'astro.config.mjs'), join(root, 'package-lock.json')];
  return contentKey(`base ${base}`, filesKey(root, paths, fileHash));
}

/**
 * Keeps the files just written at these paths in a story's cache folder; returns why they could not be kept (a full
 * or read-only disk), or undefined.
 */
function keepFiles(entry: string, paths: readonly ChartFilePaths[]): string | undefined {
  // Made under a temporary name, then renamed: a build stopped halfway leaves no half entry under the key.
  const partial = `${entry}.${process.pid}.${threadId}.partial`;
  const file = (i: number, kind: 'html' | 'svg') => join(partial, `${i}.${kind}`);
  try {
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(partial, { recursive: true });
    const kept = paths.map((p, i) => {
      put(p.embed, file(i, 'html'));
      put(p.svg, file(i, 'svg'));
      // The cache's own files (the same as the output's when linked; copies otherwise).
      return { id: p.id, embed: stamp(file(i, 'html')), svg: stamp(file(i, 'svg')) };
    });
    writeFileSync(join(partial, 'files.json'), JSON.stringify(kept));
    rmSync(entry, { recursive: true, force: true });
    renameSync(partial, entry);
    return undefined;
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    return error instanceof Error ? error.message : String(error);
  }
}

/** A story's chart files to write and keep, as a writer thread is sent them (src/lib/chart-files-worker.ts). */
export interface StoryFiles {
  /** The story's folder in the cache (CachedStory.entry). */
  entry: string;
  paths: ChartFilePaths[];
  /** Each chart's embed page and SVG file, in the order of `paths`. */
  files: { embed: string; svg: string }[];
}

/**
 * Writes a story's chart files (their SVG folder made already) and keeps them in the cache. Returns why they could
 * not be kept, or undefined; throws when a file cannot be written, which fails the build.
 */
export function writeStoryFiles({ entry, paths, files }: StoryFiles): string | undefined {
  paths.forEach((p, i) => {
    mkdirSync(dirname(p.embed), { recursive: true });
    writeNew(p.embed, files[i]!.embed);
    writeNew(p.svg, files[i]!.svg);
  });
  return keepFiles(entry, paths);
}

/** How writing story number `n` went, as a writer thread posts it back: why its files were not kept, or the error. */
export interface StoryFilesDone {
  n: number;
  notKept?: string;
  error?: string;
}

/** Writes a story's files (writeStoryFiles) and says how it went, without throwing: on a writer thread or this one. */
export function writeStoryFilesDone(n: number, story: StoryFiles): StoryFilesDone {
  try {
    return { n, notKept: writeStoryFiles(story) };
  } catch (error) {
    return { n, error: error instanceof Error ? error.message : String(error) };
  }
}

/** A story looked up in the cache: put its files in place when an earlier build made them, or keep the ones made now. */
export interface CachedStory {
  /**
   * Puts the story's chart files at these paths from the cache and returns true, or returns false (and puts
   * nothing) when there are none for this page, these texts and this code, or they changed since they were kept.
   */
  place(paths: readonly ChartFilePaths[]): boolean;
  /** The story's folder in the cache, where writeStoryFiles() keeps the files made now. */
  entry: string;
}

/** What `finish` did: stories deleted from the cache, and stories that could not be kept (with the first error). */
export interface CacheFinish {
  removed: number;
  notKept: number;
  error?: string;
}

/**
 * The cache of one build. `lookup` finds a story by its page, chart texts and code; `place` puts its files in the
 * output when an earlier build kept them and they are as they were kept (an unreadable entry counts as missing);
 * `keep` links new ones in; `finish` forgets every story this build did not ask for, so the folder holds one
 * build's files. A story that cannot be kept (a full or read-only disk) is only counted: the build's own files are
 * written either way.
 */
export function embedCache(root: string, codeKey: string) {
  const dir = join(root, 'node_modules/.cache/shushuo/embed');
  const used = new Set<string>();
  // The output folders made so far: 5,000 SVGs share one, which made again for each (it exists: two system calls
  // and an error) took most of the 0.85 s a 1,000-story rebuild spent putting files in place.
  const folders = new Set<string>();
  const folder = (dir: string) => {
    if (folders.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    folders.add(dir);
  };
  const errors: string[] = [];
  return {
    /** Finds a story by its built page (text, or its UTF-8 bytes: the same key) and its charts' texts. */
    lookup(storyHtml: string | Uint8Array, charts: unknown): CachedStory {
      const key = createHash('sha256')
        .update(codeKey)
        .update('\n')
        .update(JSON.stringify(charts))
        .update('\n')
        .update(storyHtml)
        .digest('base64url');
      used.add(key);
      const entry = join(dir, key);
      const file = (i: number, kind: 'html' | 'svg') => join(entry, `${i}.${kind}`);
      return {
        place(paths) {
          let kept: { id: string; embed: KeptFile; svg: KeptFile }[];
          try {
            kept = JSON.parse(readFileSync(join(entry, 'files.json'), 'utf8'));
            if (kept.length !== paths.length) return false;
            for (const [i, f] of kept.entries()) {
              if (f.id !== paths[i]!.id) return false;
              for (const kind of ['html', 'svg'] as const) {
                const now = stamp(file(i, kind));
                const then = kind === 'html' ? f.embed : f.svg;
                if (now.size !== then.size || now.mtimeMs !== then.mtimeMs) return false;
              }
            }
          } catch {
            return false;
          }
          paths.forEach((p, i) => {
            folder(dirname(p.embed));
            put(file(i, 'html'), p.embed);
            folder(dirname(p.svg));
            put(file(i, 'svg'), p.svg);
          });
          return true;
        },
        entry,
      };
    },
    /** Counts a story writeStoryFiles() could not keep, with why. */
    notKept(error: string): void {
      errors.push(error);
    },
    /** Deletes the stories this build did not use (and entries left half-made by a build that stopped). */
    async finish(): Promise<CacheFinish> {
      let removed = 0;
      if (existsSync(dir) && statSync(dir).isDirectory())
        for (const name of readdirSync(dir)) {
          if (used.has(name)) continue;
          rmSync(join(dir, name), { recursive: true, force: true });
          removed += 1;
        }
      return { removed, notKept: errors.length, ...(errors.length ? { error: errors[0] } : {}) };
    },
  };
}
