/**
 * The dataset downloads (/data/<id>.csv and /data/<id>.json) of a build, written straight to files after the pages
 * (by the integration below) instead of as 2,000 prerendered routes: as routes, each small file cost Astro a Request,
 * a Response, an asynchronous mkdir and write into dist/ and a second write into its incremental cache, about 1.7 ms
 * of the main thread a file at 1,000 stories against 0.13 ms for the CSV or JSON itself, while sharp's share images
 * held the same thread pool. The routes register their files here when Astro asks for their paths (and return
 * none); `astro dev`, where no build runs, serves the same URLs from the routes. Like the standalone SVGs
 * (src/lib/standalone-files.ts), the list is kept on globalThis: the routes and the integration are separate module
 * copies in one process.
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface DownloadFile {
  /** The path under the output folder, e.g. data/parks.csv. */
  path: string;
  /** Returns the file's text (called once, after the pages are built). */
  text: () => string;
}

const KEY = Symbol.for('shushuo.download-files');

function registry(): Map<string, DownloadFile> {
  const store = globalThis as { [KEY]?: Map<string, DownloadFile> };
  return (store[KEY] ??= new Map());
}

/** Registers files to write after the pages (a path registered twice keeps its last entry). */
export function registerDownloadFiles(files: readonly DownloadFile[]): void {
  for (const file of files) registry().set(file.path, file);
}

/** Returns the registered files in path order and forgets them. */
export function takeDownloadFiles(): DownloadFile[] {
  const files = [...registry().values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  registry().clear();
  return files;
}

/** Writes the registered files under an output folder; returns how many. */
export function writeDownloadFiles(outDir: string): number {
  const files = takeDownloadFiles();
  const made = new Set<string>();
  for (const file of files) {
    const path = join(outDir, file.path);
    const dir = dirname(path);
    if (!made.has(dir)) mkdirSync(dir, { recursive: true });
    made.add(dir);
    writeFileSync(path, file.text());
  }
  return files.length;
}

/** The integration that writes the registered downloads once the pages are built. */
export function downloadFiles(): AstroIntegration {
  return {
    name: 'shushuo:download-files',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const count = writeDownloadFiles(fileURLToPath(dir));
        logger.info(`${count} dataset download(s) written to data/`);
        // Timed like scripts/build.mjs's steps, for npm run bench.
        console.log(`[build-step] data downloads ${((performance.now() - started) / 1000).toFixed(2)} s`);
      },
    },
  };
}
