// Files written after the pages (src/lib/files-after-pages.ts): each registered file lands at its path under the
// output folder with the bytes its route would have served, once, step by step.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerFilesAfterPages, takeFilesAfterPages, writeFilesAfterPages } from '../../src/lib/files-after-pages.ts';

let out = '';
afterEach(() => {
  takeFilesAfterPages();
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('files after pages', () => {
  it('writes each registered file under the output folder, text (BOM included) and bytes as given', async () => {
    out = mkdtempSync(join(tmpdir(), 'shushuo-after-pages-'));
    // Fiction, for the test only.
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    registerFilesAfterPages([
      { path: 'data/harbour.csv', step: 'data downloads', contents: () => '\uFEFF行ID,项目\r\ncargo,港口货运\r\n' },
      { path: 'data/harbour.json', step: 'data downloads', contents: () => '{"id":"harbour"}\n' },
      { path: 'og/harbour.png', step: 'share images', contents: async () => png },
    ]);
    const steps = await writeFilesAfterPages(out);
    expect(steps.map(({ step, files }) => [step, files])).toEqual([
      ['data downloads', 2],
      ['share images', 1],
    ]);
    expect(readdirSync(join(out, 'data')).sort()).toEqual(['harbour.csv', 'harbour.json']);
    const csv = readFileSync(join(out, 'data/harbour.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toBe('\uFEFF行ID,项目\r\ncargo,港口货运\r\n');
    expect([...readFileSync(join(out, 'og/harbour.png'))]).toEqual([...png]);
  });

  it('copies a file given as { copy } byte for byte (a share image from its cache)', async () => {
    out = mkdtempSync(join(tmpdir(), 'shushuo-after-pages-'));
    // Fiction, for the test only.
    const cached = join(out, 'cached.png');
    writeFileSync(cached, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 7, 0, 255]));
    registerFilesAfterPages([
      { path: 'og/harbour.png', step: 'share images', contents: async () => ({ copy: cached }) },
    ]);
    await writeFilesAfterPages(out);
    expect([...readFileSync(join(out, 'og/harbour.png'))]).toEqual([...readFileSync(cached)]);
  });

  it('keeps the last contents of a path registered twice, and forgets the files once written', async () => {
    out = mkdtempSync(join(tmpdir(), 'shushuo-after-pages-'));
    registerFilesAfterPages([{ path: 'data/a.json', step: 'data downloads', contents: () => 'old' }]);
    registerFilesAfterPages([{ path: 'data/a.json', step: 'data downloads', contents: () => 'new' }]);
    expect((await writeFilesAfterPages(out))[0]?.files).toBe(1);
    expect(readFileSync(join(out, 'data/a.json'), 'utf8')).toBe('new');
    expect(await writeFilesAfterPages(out)).toEqual([]);
  });

  it('lists the files in path order', () => {
    registerFilesAfterPages(
      ['data/b.csv', 'data/a.json', 'data/a.csv'].map((path) => ({ path, step: 'data downloads', contents: () => '' })),
    );
    expect(takeFilesAfterPages().map((f) => f.path)).toEqual(['data/a.csv', 'data/a.json', 'data/b.csv']);
  });

  it('fails when a file cannot be made (a share image that cannot be drawn stops the build)', async () => {
    out = mkdtempSync(join(tmpdir(), 'shushuo-after-pages-'));
    registerFilesAfterPages([
      {
        path: 'og/broken.png',
        step: 'share images',
        contents: () => Promise.reject(new Error('Input buffer contains unsupported image format')),
      },
    ]);
    await expect(writeFilesAfterPages(out)).rejects.toThrow(/unsupported image format/);
  });
});
