/**
 * npm run build and npm run dev run the content check first (src/data/content-check-integration.ts): the same
 * messages as npm run check:content; a build stops there (exit 1, before anything renders), dev keeps serving.
 * The one production build that shows it end to end is in tests/build/hostile.test.ts.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentCheck } from '../../src/data/content-check-integration.ts';
import { checkContent, diskFiles } from '../../src/data/check-content.ts';
import { formatReport } from '../../src/data/diagnostics.ts';

const root = mkdtempSync(join(tmpdir(), 'shushuo-check-'));
cpSync('tests/fixtures/content-errors/base', root, { recursive: true });
const data = join(root, 'content/data/harbour-projects.json');
writeFileSync(data, readFileSync(data, 'utf8').replace('"value": 12,', '"value": １2,'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Setup = NonNullable<AstroIntegration['hooks']['astro:config:setup']>;

function runSetup(command: 'build' | 'dev') {
  const printed: string[] = [];
  const logged: string[] = [];
  const error = vi.spyOn(console, 'error').mockImplementation((text: string) => void printed.push(text));
  const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
  const log = (text: string) => void logged.push(text);
  try {
    const setup = contentCheck().hooks['astro:config:setup'] as Setup;
    void setup({
      command,
      config: { root: pathToFileURL(`${root}/`) },
      logger: { error: log, warn: log, info: log },
    } as never);
    return { printed: printed.join('\n'), logged, exitCodes: exit.mock.calls.map((c) => c[0]) };
  } finally {
    error.mockRestore();
    exit.mockRestore();
  }
}

describe('the content check in the build and the dev server', () => {
  const result = checkContent(diskFiles(root));
  const expected = formatReport(result.problems, result.texts);

  it('a build prints exactly what check:content prints, and stops with exit 1', () => {
    expect(result.problems).toHaveLength(1);
    const run = runSetup('build');
    expect(run.printed.trim()).toBe(expected);
    expect(run.exitCodes).toEqual([1]);
    expect(run.logged).toEqual([
      'the content has 1 problem(s), listed above; nothing was built (npm run check:content)',
    ]);
  });

  it('the dev server prints the same and keeps serving', () => {
    const run = runSetup('dev');
    expect(run.printed.trim()).toBe(expected);
    expect(run.exitCodes).toEqual([]);
  });
});
