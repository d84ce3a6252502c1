/**
 * A project root holding two reports: the real first one (content/reports/) and the fictional second one of
 * tests/fixtures/reports/archive/. Call it inside a describe(): for the block's tests, src/data/report.ts reads its
 * reports from there (SHUSHUO_ROOT); the folder is removed afterwards. Returns a getter for the root's path.
 */
import { afterAll, beforeAll } from 'vitest';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function useTwoReportsRoot(prefix: string): () => string {
  let root = '';
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), prefix));
    cpSync('content/reports', join(root, 'content/reports'), { recursive: true });
    cpSync('tests/fixtures/reports/archive/content/reports', join(root, 'content/reports'), { recursive: true });
    process.env.SHUSHUO_ROOT = root;
  });
  afterAll(() => {
    delete process.env.SHUSHUO_ROOT;
    rmSync(root, { recursive: true, force: true });
  });
  return () => root;
}
