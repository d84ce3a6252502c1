/** Runs `astro build` from a test, in a clean environment, into a folder of the caller's choice. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Returns process.env without the variables Vitest sets for its own Vite (BASE_URL, MODE, NODE_ENV=test, ...):
 * a child `astro build` would otherwise inherit BASE_URL=/ and ignore BASE_PATH. Astro's telemetry is off.
 */
export function buildEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(VITEST|VITE_)/.test(key) || ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(key))
      delete env[key];
  }
  // Astro reports each build, dev and check to its telemetry server and runs git to describe the project: tests
  // stay off the network, so a slow or absent connection cannot change a run.
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

/** Builds the project in `cwd` (default: this one) with extra env; returns status and output. */
export function astroBuild(extra: Record<string, string> = {}, cwd = process.cwd()) {
  const run = spawnSync('npx', ['astro', 'build'], { cwd, env: buildEnv(extra), encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

const projectFiles = ['src', 'content', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'];
/** Caches under node_modules that a build writes (Astro's content data store, Vite's): each copy gets its own. */
const buildCaches = new Set(['.astro', '.vite', '.cache']);

/**
 * Copies the project into a temporary folder and returns its path. Packages are linked, not copied, one link per
 * entry of node_modules, so the copy's build caches (node_modules/.astro/data-store.json, ...) start empty and
 * never mix with the checkout's: a copy builds clean, and a broken copy cannot leak into the real dist/.
 */
export function projectCopy(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'shushuo-copy-'));
  for (const name of projectFiles) cpSync(resolve(name), join(dir, name), { recursive: true });
  mkdirSync(join(dir, 'node_modules'));
  for (const entry of readdirSync(resolve('node_modules'))) {
    if (!buildCaches.has(entry)) symlinkSync(resolve('node_modules', entry), join(dir, 'node_modules', entry));
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs the production build, `scripts/build.mjs` (astro build plus its post steps), in `cwd` with extra env
 * (OUT_DIR=... builds somewhere other than dist/). Returns status and output (no time: tests assert no durations).
 */
export function siteBuild(extra: Record<string, string> = {}, cwd = process.cwd()) {
  const run = spawnSync('node', ['scripts/build.mjs'], { cwd, env: buildEnv(extra), encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}
