// The content check hands its datasets to the pages' loader (src/data/checked-datasets.ts) only while every file
// its verdict rests on reads as it did: any edit since means the loader reads and checks the files itself.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkedInputs, handCheckedDatasets, takeCheckedDatasets } from '../../src/data/checked-datasets.ts';
import type { Dataset } from '../../src/data/dataset-schema.ts';

let root = '';
// Fiction, for the test only: one report, one story and one dataset about a harbour.
const files: Record<string, string> = {
  'content/reports/xugou-2031-05/report.json': '{"sections":[]}',
  'content/reports/xugou-2031-05/meta.json': '{}',
  'content/stories/harbour.mdx': '---\ntitle: 港口\n---\n',
  'content/data/harbour.json': '{"id":"harbour"}',
  'content/data/not-data.json': '{"entries":[]}',
};
const datasets = [{ id: 'harbour' }] as unknown as Dataset[];
const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
const hand = () => handCheckedDatasets(root, checkedInputs(root), datasets);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'shushuo-checked-'));
  for (const [path, text] of Object.entries(files)) write(path, text);
});
afterEach(() => {
  takeCheckedDatasets(root);
  rmSync(root, { recursive: true, force: true });
});

describe('checked datasets', () => {
  it('reads the datasets, the not-data list, each report.json and the story ids, and nothing else', () => {
    const inputs = checkedInputs(root);
    expect([...inputs.texts.keys()].sort()).toEqual([
      'content/data/harbour.json',
      'content/data/not-data.json',
      'content/reports/xugou-2031-05/report.json',
    ]);
    expect(inputs.stories).toEqual(['harbour']);
  });

  it('are taken once, under the same root (a trailing slash aside), when nothing changed', () => {
    handCheckedDatasets(`${root}/`, checkedInputs(root), datasets);
    expect(takeCheckedDatasets(root)).toBe(datasets);
    expect(takeCheckedDatasets(root)).toBeUndefined();
    hand();
    expect(takeCheckedDatasets(join(root, 'content'))).toBeUndefined();
  });

  it.each([
    ['a dataset edited', () => write('content/data/harbour.json', '{"id":"harbour","title":"港"}')],
    ['a dataset added', () => write('content/data/ferry.json', '{}')],
    ['the not-data list edited', () => write('content/data/not-data.json', '{"entries":[1]}')],
    ['a report edited', () => write('content/reports/xugou-2031-05/report.json', '{"sections":[{}]}')],
    ['a story added', () => write('content/stories/ferry.mdx', '---\n---\n')],
  ])('are not taken after %s', (_what, change) => {
    hand();
    change();
    expect(takeCheckedDatasets(root)).toBeUndefined();
  });
});
