/**
 * Files of a build written straight to the output folder after the pages (by the integration below) instead of as
 * prerendered routes: the dataset downloads (/data/<id>.csv and .json, 2,000 at 1,000 stories) and the share images
 * (/og/<id>.png, one per story). As routes, each cost Astro a Request, a Response (a PNG's bytes copied several
 * times on the way), an asynchronous mkdir and write into dist/ and a second write into its incremental cache: at
 * 1,000 stories about 1.7 ms of the main thread per download (0.13 ms of which made the CSV or JSON) and 3.9 ms per
 * share image, while sharp's drawings held the same thread pool. The routes register their files here when Astro
 * asks for their paths, and return none; `astro dev`, where no build runs, serves the same URLs from the routes.
 * Like the standalone SVGs (src/lib/standalone-files.ts), the list is a build registry (src/lib/build-registry.ts).
 */
import type { AstroIntegration } from 'astro';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRegistry } from './build-registry.ts';

export type FileContents = string | Uint8Array | { copy: string };

export interface FileAfterPages {
  /** The path under the output folder, e.g. data/parks.csv. */
  path: string;
  /** The build step it is written and timed in (a phase of npm run bench), e.g. "data downloads". */
  step: string;
  /**
   * Returns the file's contents, or a file to copy byte for byte (called once, after the pages are built). A copy
   * never passes through JavaScript: 3,000 share images read into buffers to be written again held 150 MB at the
   * end of a 3,000-story build.
   */
  contents: () => FileContents | Promise<FileContents>;
}

const registry = buildRegistry<FileAfterPages>('files-after-pages', (file) => file.path);

/** Registers files to write after the pages (a path registered twice keeps its last entry). */
export const registerFilesAfterPages = registry.register;

/** Returns the registered files in path order and forgets them. */
export const takeFilesAfterPages = registry.take;

/** Writes the registered files under an output folder, step by step; returns each step's file count and seconds. */
export async function writeFilesAfterPages(
  outDir: string,
): Promise<{ step: string; files: number; seconds: number }[]> {
  const steps = new Map<string, FileAfterPages[]>();
  for (const file of takeFilesAfterPages())
    (steps.get(file.step) ?? steps.set(file.step, []).get(file.step)!).push(file);
  const made = new Set<string>();
  const done: { step: string; files: number; seconds: number }[] = [];
  for (const [step, files] of steps) {
    const started = performance.now();
    for (const file of files) {
      const path = join(outDir, file.path);
      const dir = dirname(path);
      if (!made.has(dir)) mkdirSync(dir, { recursive: true });
      made.add(dir);
      const contents = await file.contents();
      if (typeof contents === 'string' || contents instanceof Uint8Array) writeFileSync(path, contents);
      else copyFileSync(contents.copy, path);
    }
    done.push({ step, files: files.length, seconds: (performance.now() - started) / 1000 });
  }
  return done;
}

/** The integration that writes the registered files once the pages are built. */
export function filesAfterPages(): AstroIntegration {
  return {
    name: 'shushuo:files-after-pages',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        for (const { step, files, seconds } of await writeFilesAfterPages(fileURLToPath(dir))) {
          logger.info(`${step}: ${files} file(s) written`);
          // Timed like scripts/build.mjs's steps, for npm run bench.
          console.log(`[build-step] ${step} ${seconds.toFixed(2)} s`);
        }
      },
    },
  };
}
