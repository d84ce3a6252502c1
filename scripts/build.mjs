#!/usr/bin/env node
// Builds the site into a staging folder and moves it to dist/ only when every step succeeded, so a failed
// build never leaves a half-built dist/ that looks good. On failure dist/ is removed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const target = resolve(process.env.OUT_DIR || 'dist');
const staging = `${target}.partial`;
rmSync(staging, { recursive: true, force: true });

// MALLOC_ARENA_MAX: the bundler's and sharp's threads each get their own glibc malloc arena by default, which keeps
// freed memory per thread; two arenas took about 100 MB off the build's peak at 250 stories, at the same CPU time.
// V8's heap is not capped: --trace-gc showed a few hundred MB of JS heap in that peak, the rest is native memory.
const env = { MALLOC_ARENA_MAX: '2', ...process.env, OUT_DIR: staging };
// Each step's wall time is printed as "[build-step] <name> <seconds> s", so npm run bench can show where time goes.
/**
 * The pages Pagefind reads: every folder but embed/ (one page per chart, none of them marked data-pagefind-body, so
 * none indexed; reading 5,000 of them only costs time) and the folders that hold no pages.
 */
function searchGlob() {
  const skip = new Set(['embed', 'charts', 'og', '_astro', 'pagefind']);
  const dirs = readdirSync(staging, { withFileTypes: true }).filter((e) => e.isDirectory() && !skip.has(e.name));
  return `{*.html,${dirs.map((d) => `${d.name}/**/*.html`).join(',')}}`;
}

const steps = [
  ['astro build', 'npx', () => ['astro', 'build']],
  // The search index is built inside the staging folder, so a failed index never reaches dist/.
  ['search index', 'npx', () => ['pagefind', '--site', staging, '--glob', searchGlob()]],
];

for (const [name, command, argsOf] of steps) {
  const started = performance.now();
  const args = argsOf();
  const run = spawnSync(command, args, { stdio: 'inherit', env });
  console.log(`[build-step] ${name} ${((performance.now() - started) / 1000).toFixed(2)} s`);
  if (run.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    rmSync(target, { recursive: true, force: true });
    console.error(
      `\nbuild failed at "${command} ${args.join(' ')}"; ${target} was removed so nothing half-built is deployed.`,
    );
    process.exit(1);
  }
}
rmSync(target, { recursive: true, force: true });
if (existsSync(staging)) renameSync(staging, target);
console.log(`built ${target}`);
