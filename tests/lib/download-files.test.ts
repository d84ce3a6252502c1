// Dataset downloads written after the pages (src/lib/download-files.ts): each registered file lands at its path
// under the output folder with the text its route would have served, once.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerDownloadFiles, takeDownloadFiles, writeDownloadFiles } from '../../src/lib/download-files.ts';

let out = '';
afterEach(() => {
  takeDownloadFiles();
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('download files', () => {
  it('writes each registered file under the output folder, bytes as given (BOM included)', () => {
    out = mkdtempSync(join(tmpdir(), 'shushuo-downloads-'));
    // Fiction, for the test only.
    registerDownloadFiles([
      { path: 'data/harbour.csv', text: () => '\uFEFF行ID,项目\r\ncargo,港口货运\r\n' },
      { path: 'data/harbour.json', text: () => '{"id":"harbour"}\n' },
    ]);
    expect(writeDownloadFiles(out)).toBe(2);
    expect(readdirSync(join(out, 'data')).sort()).toEqual(['harbour.csv', 'harbour.json']);
    const csv = readFileSync(join(out, 'data/harbour.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toBe('\uFEFF行ID,项目\r\ncargo,港口货运\r\n');
  });

  it('keeps the last text of a path registered twice, and forgets the files once written', () => {
    out = mkdtempSync(join(tmpdir(), 'shushuo-downloads-'));
    registerDownloadFiles([{ path: 'data/a.json', text: () => 'old' }]);
    registerDownloadFiles([{ path: 'data/a.json', text: () => 'new' }]);
    expect(writeDownloadFiles(out)).toBe(1);
    expect(readFileSync(join(out, 'data/a.json'), 'utf8')).toBe('new');
    expect(writeDownloadFiles(out)).toBe(0);
  });

  it('lists the files in path order', () => {
    registerDownloadFiles([
      { path: 'data/b.csv', text: () => '' },
      { path: 'data/a.json', text: () => '' },
      { path: 'data/a.csv', text: () => '' },
    ]);
    expect(takeDownloadFiles().map((f) => f.path)).toEqual(['data/a.csv', 'data/a.json', 'data/b.csv']);
  });
});
