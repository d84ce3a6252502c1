// The embed-page cache (src/lib/embed-cache.ts): a story's files come back only for the same page, the same chart
// texts and the same code; anything else is made again, or a rebuild would publish stale embed pages.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embedCache, embedCodeKey } from '../../src/lib/embed-cache.ts';

// Fiction, for the test only: a project folder with two source files, a story page and one chart's files.
const roots: string[] = [];
function project() {
  const root = mkdtempSync(join(tmpdir(), 'shushuo-embed-cache-'));
  roots.push(root);
  mkdirSync(join(root, 'src/lib'), { recursive: true });
  writeFileSync(join(root, 'src/lib/embed-page.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'src/lib/chart-figure.ts'), 'export const b = 2;\n');
  writeFileSync(join(root, 'astro.config.mjs'), 'export default {};\n');
  return root;
}
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const page = '<html><body><figure id="chart-harbour-cargo">港口货运</figure></body></html>';
const texts = { title: '合成示例：港口货运量', takeaway: '货运量逐年上升' };
const chart = [['harbour-cargo', texts]];
const files = [{ id: 'harbour-cargo', embed: '<!DOCTYPE html><p>嵌入页</p>', svg: '<svg></svg>' }];

describe('embed cache', () => {
  it("gives a story's files back for the same page, chart texts and code", () => {
    const root = project();
    const first = embedCache(root, embedCodeKey(root, '/'));
    expect(first.get(page, chart)).toBeUndefined();
    first.set(page, chart, files);
    const next = embedCache(root, embedCodeKey(root, '/'));
    expect(next.get(page, chart)).toEqual(files);
  });

  it('makes them again when the page, a chart text, the code or the base path changed', () => {
    const root = project();
    embedCache(root, embedCodeKey(root, '/')).set(page, chart, files);
    const cache = embedCache(root, embedCodeKey(root, '/'));
    expect(cache.get(page.replace('港口货运', '港口货运量'), chart)).toBeUndefined();
    expect(cache.get(page, [['harbour-cargo', { ...texts, takeaway: '货运量回落' }]])).toBeUndefined();
    expect(embedCache(root, embedCodeKey(root, '/sub/')).get(page, chart)).toBeUndefined();
    writeFileSync(join(root, 'src/lib/chart-figure.ts'), 'export const b = 3;\n');
    expect(embedCache(root, embedCodeKey(root, '/')).get(page, chart)).toBeUndefined();
  });

  it('keeps only the stories the last build asked for', () => {
    const root = project();
    const key = embedCodeKey(root, '/');
    const first = embedCache(root, key);
    first.set(page, chart, files);
    first.set(`${page}<!-- 另一篇 -->`, chart, files);
    const dir = join(root, 'node_modules/.cache/shushuo/embed');
    expect(readdirSync(dir)).toHaveLength(2);
    const next = embedCache(root, key);
    expect(next.get(page, chart)).toEqual(files);
    expect(next.prune()).toBe(1);
    expect(readdirSync(dir)).toHaveLength(1);
    expect(embedCache(root, key).get(page, chart)).toEqual(files);
    expect(existsSync(dir)).toBe(true);
  });
});
