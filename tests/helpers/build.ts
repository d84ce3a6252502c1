/** Runs `astro build` from a test, in a clean environment, into a folder of the caller's choice. */
import { spawnSync } from 'node:child_process';

/**
 * Returns process.env without the variables Vitest sets for its own Vite (BASE_URL, MODE, NODE_ENV=test, ...):
 * a child `astro build` would otherwise inherit BASE_URL=/ and ignore BASE_PATH.
 */
export function buildEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(VITEST|VITE_)/.test(key) || ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(key)) delete env[key];
  }
  return { ...env, ...extra };
}

/** Builds the project in `cwd` (default: this one) with extra env; returns status and output. */
export function astroBuild(extra: Record<string, string> = {}, cwd = process.cwd()) {
  const run = spawnSync('npx', ['astro', 'build'], { cwd, env: buildEnv(extra), encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const projectFiles = ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/** Copies the project (node_modules linked, not copied) into a temporary folder and returns its path. */
export function projectCopy(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'shushuo-copy-'));
  for (const name of projectFiles) cpSync(resolve(name), join(dir, name), { recursive: true });
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
