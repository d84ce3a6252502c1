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

describe('a malformed report file in the build and the dev server', () => {
  // A second copy of the fictional project whose report folder has a block role misspelt in report.json: the
  // loader of src/data/report.ts stops at it, so the check must find it without loading reports through it.
  const broken = mkdtempSync(join(tmpdir(), 'shushuo-check-report-'));
  cpSync('tests/fixtures/content-errors/base', broken, { recursive: true });
  const file = 'content/reports/fiction-2020-01/report.json';
  const text = readFileSync(join(broken, file), 'utf8');
  writeFileSync(join(broken, file), text.replace('"role": "headline"', '"role": "headlin"'));
  const line = text.slice(0, text.indexOf('"headline"')).split('\n').length;
  const column = text.split('\n')[line - 1]!.indexOf('"headline"') + 1;
  const saved = process.env.SHUSHUO_ROOT;
  process.env.SHUSHUO_ROOT = broken;
  afterAll(() => {
    if (saved === undefined) delete process.env.SHUSHUO_ROOT;
    else process.env.SHUSHUO_ROOT = saved;
    rmSync(broken, { recursive: true, force: true });
  });

  function setupAt(command: 'build' | 'dev') {
    const printed: string[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation((t: string) => void printed.push(t));
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    try {
      const setup = contentCheck().hooks['astro:config:setup'] as Setup;
      const log = () => undefined;
      void setup({
        command,
        config: { root: pathToFileURL(`${broken}/`) },
        logger: { error: log, warn: log, info: log },
      } as never);
      return { printed: printed.join('\n'), exitCodes: exit.mock.calls.map((c) => c[0]) };
    } finally {
      error.mockRestore();
      exit.mockRestore();
    }
  }

  it('the loader itself refuses the project at the same place, with the same message (the check below does not go through it)', async () => {
    const { allReports } = await import('../../src/data/report.ts');
    expect(() => allReports()).toThrow(
      `${file}:${line}:${column}: 不是可选的值："headlin" is not one of the values of sections[0].blocks[0].role — did you mean "headline"?`,
    );
  });

  it('a build prints the one positioned message, no stack trace, and stops with exit 1', () => {
    const run = setupAt('build');
    expect(run.printed).toContain(
      `${file}:${line}:${column}: 不是可选的值："headlin" is not one of the values of sections[0].blocks[0].role — did you mean "headline"?`,
    );
    expect(run.printed).toContain('✗ 1 problem in 1 file');
    expect(run.printed).not.toMatch(/^\s+at /m);
    expect(run.exitCodes).toEqual([1]);
  });

  it('the dev server prints the same message and keeps serving', () => {
    const run = setupAt('dev');
    expect(run.printed).toContain(`${file}:${line}:${column}: `);
    expect(run.exitCodes).toEqual([]);
  });
});
