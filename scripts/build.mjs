#!/usr/bin/env node
// Builds the site into a staging folder and moves it to dist/ only when every step succeeded, so a failed
// build never leaves a half-built dist/ that looks good. On failure dist/ is removed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { searchIndexArgs } from '../src/lib/search-index.ts';
import { searchPagesReady } from '../src/lib/search-pages.ts';

const target = resolve(process.env.OUT_DIR || 'dist');
const staging = `${target}.partial`;
rmSync(staging, { recursive: true, force: true });

// MALLOC_ARENA_MAX: the bundler's and sharp's threads each get their own glibc malloc arena by default, which keeps
// freed memory per thread; two arenas took about 100 MB off the build's peak at 250 stories, at the same CPU time.
// V8's heap is not capped: --trace-gc showed a few hundred MB of JS heap in that peak, the rest is native memory.
// MIMALLOC_PURGE_DELAY: the bundler (rolldown, Rust) allocates through mimalloc, whose purge delay is no timer: freed
// pages go back to the system only when the thread that freed them allocates again
// (microsoft.github.io/mimalloc/environment.html), and the bundler's threads sleep once bundling is done. Its
// freed memory stayed resident through every page: a 3,000-story build's largest process peaked at 1.8-2.1 GB
// with the default and 1.5 GB with 0 (purge as it frees), in the same time (README "Build cost").
const env = { MALLOC_ARENA_MAX: '2', MIMALLOC_PURGE_DELAY: '0', ...process.env, OUT_DIR: staging };

/**
 * A heap limit in proportion to the archive: V8 sizes its limit from the machine's memory (about 4 GB here) and lets
 * the heap grow towards it although the live set is small. At 3,000 stories the heap held 330-470 MB after each
 * collection but grew to 1.4 GB; with a limit of 768 MB the build's largest process peaked at 1.8 GB instead of 2.7 GB
 * in about the same time (README "Build cost"). 512 MB plus 100 KB per story leaves about twice the live set at
 * 100 to 10,000 stories. A limit given in NODE_OPTIONS wins, for each of the two options.
 */
function heapLimitOption() {
  const given = process.env.NODE_OPTIONS ?? '';
  const options = [given];
  if (!/--max-old-space-size/.test(given)) {
    const dir = resolve('content/stories');
    const stories = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.mdx')).length : 0;
    options.push(`--max-old-space-size=${512 + Math.ceil(stories / 10)}`);
  }
  // The young generation V8 sizes from the machine's memory held about 200 MB more at the peak of a 3,000-story build
  // than with 16 MB semi-spaces, which built in the same time (82 s; 8 MB took 90 s): README "Build cost".
  if (!/--max-semi-space-size/.test(given)) options.push('--max-semi-space-size=16');
  return options.join(' ').trim();
}

// Each step's wall time is printed as "[build-step] <name> <seconds> s", so npm run bench can show where time goes.
// Astro runs from its entry point under this Node, not through npx: one process fewer holding memory while the
// pages build.
const bin = (path) => resolve('node_modules', path);
const steps = [
  ['astro build', process.execPath, () => [bin('astro/bin/astro.mjs'), 'build'], { NODE_OPTIONS: heapLimitOption() }],
  // The search index is built inside the staging folder, so a failed index never reaches dist/: by the build itself,
  // alongside its last steps, when memory allows (src/lib/search-index.ts), else here, once astro has exited.
  // It reads the copies of the indexed pages the build has just made, when it made them all (src/lib/search-pages.ts).
  [
    'search index',
    process.execPath,
    () => searchIndexArgs(staging, process.cwd(), searchPagesReady(process.cwd())),
    {},
    () => !existsSync(join(staging, 'pagefind')),
  ],
];

for (const [name, command, argsOf, extraEnv = {}, needed = () => true] of steps) {
  if (!needed()) continue;
  const started = performance.now();
  const args = argsOf();
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  console.log(`[build-step] ${name} ${((performance.now() - started) / 1000).toFixed(2)} s`);
  if (run.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    rmSync(target, { recursive: true, force: true });
    console.error(
      `\nbuild failed at the ${name} step (${args.join(' ')}); ${target} was removed so nothing half-built is deployed.`,
    );
    process.exit(1);
  }
}
rmSync(target, { recursive: true, force: true });
if (existsSync(staging)) renameSync(staging, target);
console.log(`built ${target}`);
