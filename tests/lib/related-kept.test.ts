// The related index a production build keeps between builds (src/lib/related.ts): read back only while every
// story's text, the count and the code are those it was computed for, so a rebuild never shows stale related
// stories; a cache that cannot be written costs only the time.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { relatedIndex } from '../../src/lib/reading.ts';
import { keptRelatedIndex, relatedFile } from '../../src/lib/related.ts';
import { tempFolders } from '../helpers/temp.ts';

const tempFolder = tempFolders('related');
const project = () => {
  const root = tempFolder();
  mkdirSync(join(root, 'src/lib'), { recursive: true });
  writeFileSync(join(root, 'src/lib/reading.ts'), 'export const version = 1;\n');
  return root;
};

// Fiction, for the test only: four short stories.
const texts = new Map([
  ['harbour-cargo', '合成示例：港口货运量逐年上升，集装箱吞吐量创新高'],
  ['harbour-jobs', '合成示例：港口扩建带来就业，集装箱码头招工'],
  ['orchard-yield', '合成示例：果园亩产提高，苹果销往外地'],
  ['orchard-roads', '合成示例：果园道路硬化，苹果运输更快'],
]);

/** Rewrites the kept file's index (its key left as it is), to tell a read from a computation. */
function doctor(root: string) {
  const kept = JSON.parse(readFileSync(relatedFile(root), 'utf8'));
  kept.index = kept.index.map(([id]: [string]) => [id, ['doctored']]);
  writeFileSync(relatedFile(root), JSON.stringify(kept));
}

describe('the kept related index', () => {
  it('is the computed index, and is read back for the same texts, count and code', () => {
    const root = project();
    expect([...keptRelatedIndex(root, texts, 2)]).toEqual([...relatedIndex(texts, 2)]);
    doctor(root);
    expect(keptRelatedIndex(root, texts, 2).get('harbour-cargo')).toEqual(['doctored']);
  });

  it('is computed again when a text, the count or the code changed', () => {
    const root = project();
    keptRelatedIndex(root, texts, 2);
    doctor(root);
    const edited = new Map(texts).set('orchard-roads', '合成示例：港口道路硬化，集装箱运输更快');
    expect([...keptRelatedIndex(root, edited, 2)]).toEqual([...relatedIndex(edited, 2)]);
    doctor(root);
    expect([...keptRelatedIndex(root, edited, 1)]).toEqual([...relatedIndex(edited, 1)]);
    doctor(root);
    writeFileSync(join(root, 'src/lib/reading.ts'), 'export const version = 2;\n');
    expect(keptRelatedIndex(root, edited, 1).get('harbour-cargo')).not.toEqual(['doctored']);
  });

  it('is computed when the cache cannot be read or written', () => {
    const root = project();
    // The cache folder's place is taken by a file.
    mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
    writeFileSync(join(root, 'node_modules/.cache/shushuo'), 'not a folder');
    expect([...keptRelatedIndex(root, texts, 2)]).toEqual([...relatedIndex(texts, 2)]);
  });
});
