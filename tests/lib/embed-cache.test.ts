// The embed-page cache (src/lib/embed-cache.ts): a story's files come back only for the same page, the same chart
// texts and the same code; anything else is made again, or a rebuild would publish stale embed pages.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
const kept = [{ id: 'harbour-cargo', embed: '<!DOCTYPE html><p>嵌入页</p>', svg: '<svg></svg>' }];
const files = kept.map((f) => ({ id: f.id, embed: Buffer.from(f.embed), svg: Buffer.from(f.svg) }));
/** A cached story's files as text, to compare with what was kept. */
const asText = (got: { id: string; embed: Uint8Array; svg: Uint8Array }[] | undefined) =>
  got?.map((f) => ({ id: f.id, embed: Buffer.from(f.embed).toString(), svg: Buffer.from(f.svg).toString() }));

describe('embed cache', () => {
  /** Keeps a story's files in a new cache of this code, as one build would. */
  async function build(root: string, stories: string[], base = '/') {
    const cache = embedCache(root, embedCodeKey(root, base));
    for (const story of stories) cache.lookup(story, chart).keep(files);
    return cache.finish();
  }

  it("gives a story's files back for the same page, chart texts and code", async () => {
    const root = project();
    expect(embedCache(root, embedCodeKey(root, '/')).lookup(page, chart).files).toBeUndefined();
    await build(root, [page]);
    expect(asText(embedCache(root, embedCodeKey(root, '/')).lookup(page, chart).files)).toEqual(kept);
  });

  it('makes them again when the page, a chart text, the code or the base path changed', async () => {
    const root = project();
    await build(root, [page]);
    const cache = embedCache(root, embedCodeKey(root, '/'));
    expect(cache.lookup(page.replace('港口货运', '港口货运量'), chart).files).toBeUndefined();
    expect(cache.lookup(page, [['harbour-cargo', { ...texts, takeaway: '货运量回落' }]]).files).toBeUndefined();
    expect(embedCache(root, embedCodeKey(root, '/sub/')).lookup(page, chart).files).toBeUndefined();
    writeFileSync(join(root, 'src/lib/chart-figure.ts'), 'export const b = 3;\n');
    expect(embedCache(root, embedCodeKey(root, '/')).lookup(page, chart).files).toBeUndefined();
  });

  it('keeps only the stories the last build asked for', async () => {
    const root = project();
    const other = `${page}<!-- 另一篇 -->`;
    expect(await build(root, [page, other])).toEqual({ removed: 0, notKept: 0 });
    const dir = join(root, 'node_modules/.cache/shushuo/embed');
    expect(readdirSync(dir)).toHaveLength(2);
    const next = embedCache(root, embedCodeKey(root, '/'));
    expect(asText(next.lookup(page, chart).files)).toEqual(kept);
    expect(await next.finish()).toEqual({ removed: 1, notKept: 0 });
    expect(readdirSync(dir)).toHaveLength(1);
    expect(asText(embedCache(root, embedCodeKey(root, '/')).lookup(page, chart).files)).toEqual(kept);
    expect(embedCache(root, embedCodeKey(root, '/')).lookup(other, chart).files).toBeUndefined();
  });

  it('counts a story it cannot keep and reads a damaged entry as missing, without failing the build', async () => {
    const root = project();
    // The cache folder's place is taken by a file: nothing can be kept, and the build goes on.
    mkdirSync(join(root, 'node_modules/.cache/shushuo'), { recursive: true });
    writeFileSync(join(root, 'node_modules/.cache/shushuo/embed'), 'not a folder');
    const blocked = await build(root, [page]);
    expect(blocked.notKept).toBe(1);
    expect(blocked.error).toMatch(/EEXIST|ENOTDIR/);
    rmSync(join(root, 'node_modules/.cache/shushuo/embed'));
    await build(root, [page]);
    const dir = join(root, 'node_modules/.cache/shushuo/embed');
    const [entry] = readdirSync(dir);
    const whole = readFileSync(join(dir, entry!));
    writeFileSync(join(dir, entry!), whole.subarray(0, whole.length - 3));
    expect(embedCache(root, embedCodeKey(root, '/')).lookup(page, chart).files).toBeUndefined();
    writeFileSync(join(dir, entry!), '{"half');
    expect(embedCache(root, embedCodeKey(root, '/')).lookup(page, chart).files).toBeUndefined();
    writeFileSync(join(dir, entry!), whole);
    expect(asText(embedCache(root, embedCodeKey(root, '/')).lookup(page, chart).files)).toEqual(kept);
  });
});
