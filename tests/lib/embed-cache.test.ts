// The embed-page cache (src/lib/embed-cache.ts): a story's files come back only for the same page, the same chart
// texts and the same code, and only as they were kept; anything else is made again, or a rebuild would publish
// stale embed pages.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { embedCache, embedCodeKey, writeStoryFiles } from '../../src/lib/embed-cache.ts';
import { tempFolders } from '../helpers/temp.ts';

const tempFolder = tempFolders('embed-cache');

// Fiction, for the test only: a project folder with two source files, a story page and one chart's files.
function project() {
  const root = tempFolder();
  mkdirSync(join(root, 'src/lib'), { recursive: true });
  writeFileSync(join(root, 'src/lib/embed-page.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'src/lib/chart-figure.ts'), 'export const b = 2;\n');
  writeFileSync(join(root, 'astro.config.mjs'), 'export default {};\n');
  return root;
}

const page = '<html><body><figure id="chart-harbour-cargo">港口货运</figure></body></html>';
const texts = { title: '合成示例：港口货运量', takeaway: '货运量逐年上升' };
const chart = [['harbour-cargo', texts]];
const embed = '<!DOCTYPE html><p>嵌入页</p>';
const svg = '<svg></svg>';
/** Where a build puts the chart's two files. */
const paths = (out: string) => [
  {
    id: 'harbour-cargo',
    embed: join(out, 'embed/harbour-cargo/index.html'),
    svg: join(out, 'charts/harbour-cargo.svg'),
  },
];
/** The files a build put in `out`, as text (undefined when missing). */
const read = (out: string) =>
  paths(out).map((p) => [p.embed, p.svg].map((f) => (existsSync(f) ? readFileSync(f, 'utf8') : undefined)));
const cacheDir = (root: string) => join(root, 'node_modules/.cache/shushuo/embed');

describe('embed cache', () => {
  let builds = 0;
  /** One build: for each story, its files from the cache, or written and kept. Returns the output and `finish`. */
  async function build(root: string, stories: string[], base = '/') {
    const out = join(root, `dist-${(builds += 1)}`);
    const cache = embedCache(root, embedCodeKey(root, base));
    let placed = 0;
    for (const story of stories) {
      const found = cache.lookup(story, chart);
      if (found.place(paths(out))) placed += 1;
      else {
        // As the build does (on a writer thread or its own): write the files, keep them, count what was not kept.
        for (const p of paths(out)) mkdirSync(join(p.svg, '..'), { recursive: true });
        const notKept = writeStoryFiles({ entry: found.entry, paths: paths(out), files: [{ embed, svg }] });
        if (notKept) cache.notKept(notKept);
      }
    }
    return { out, placed, finish: await cache.finish() };
  }

  it("puts a story's files back for the same page, chart texts and code, linked to the last build's", async () => {
    const root = project();
    const first = await build(root, [page]);
    expect(first.placed).toBe(0);
    const second = await build(root, [page]);
    expect(second.placed).toBe(1);
    expect(read(second.out)).toEqual([[embed, svg]]);
    // The same file, not a copy.
    expect(statSync(paths(second.out)[0]!.embed).ino).toBe(statSync(paths(first.out)[0]!.embed).ino);
    // A page read as bytes finds the same story.
    const third = embedCache(root, embedCodeKey(root, '/')).lookup(Buffer.from(page), chart);
    expect(third.place(paths(join(root, 'dist-bytes')))).toBe(true);
  });

  it('makes them again when the page, a chart text, the code or the base path changed', async () => {
    const root = project();
    await build(root, [page]);
    const out = join(root, 'dist-other');
    const cache = embedCache(root, embedCodeKey(root, '/'));
    expect(cache.lookup(page.replace('港口货运', '港口货运量'), chart).place(paths(out))).toBe(false);
    expect(cache.lookup(page, [['harbour-cargo', { ...texts, takeaway: '货运量回落' }]]).place(paths(out))).toBe(false);
    expect(embedCache(root, embedCodeKey(root, '/sub/')).lookup(page, chart).place(paths(out))).toBe(false);
    writeFileSync(join(root, 'src/lib/chart-figure.ts'), 'export const b = 3;\n');
    expect(embedCache(root, embedCodeKey(root, '/')).lookup(page, chart).place(paths(out))).toBe(false);
    // Nothing was put in place by a lookup that failed.
    expect(read(out)).toEqual([[undefined, undefined]]);
  });

  it('makes them again when a file of an earlier output was rewritten in place', async () => {
    const root = project();
    const first = await build(root, [page]);
    // A host tool rewrites a published embed page in place: the cache's file is that file.
    writeFileSync(paths(first.out)[0]!.embed, '<!DOCTYPE html><p>改过的嵌入页</p>');
    const second = await build(root, [page]);
    expect(second.placed).toBe(0);
    expect(read(second.out)).toEqual([[embed, svg]]);
    // And the story is kept again, from the files this build wrote.
    expect((await build(root, [page])).placed).toBe(1);
  });

  it('keeps only the stories the last build asked for', async () => {
    const root = project();
    // Another story (in this fiction, one with the same chart; its files go to the same paths and are kept apart).
    const other = `${page}<!-- 另一篇 -->`;
    expect((await build(root, [page])).finish).toEqual({ removed: 0, notKept: 0 });
    expect((await build(root, [page, other])).finish).toEqual({ removed: 0, notKept: 0 });
    expect(readdirSync(cacheDir(root))).toHaveLength(2);
    const next = await build(root, [page]);
    expect(next.placed).toBe(1);
    expect(next.finish).toEqual({ removed: 1, notKept: 0 });
    expect(readdirSync(cacheDir(root))).toHaveLength(1);
    expect((await build(root, [page])).placed).toBe(1);
    expect((await build(root, [other])).placed).toBe(0);
  });

  it('counts a story it cannot keep and reads a damaged entry as missing, without failing the build', async () => {
    const root = project();
    // The cache folder's place is taken by a file: nothing can be kept, and the build goes on.
    mkdirSync(join(root, 'node_modules/.cache/shushuo'), { recursive: true });
    writeFileSync(cacheDir(root), 'not a folder');
    const blocked = await build(root, [page]);
    expect(blocked.finish.notKept).toBe(1);
    expect(blocked.finish.error).toMatch(/EEXIST|ENOTDIR/);
    expect(read(blocked.out)).toEqual([[embed, svg]]);
    rmSync(cacheDir(root));
    await build(root, [page]);
    const [entry] = readdirSync(cacheDir(root));
    const list = join(cacheDir(root), entry!, 'files.json');
    const whole = readFileSync(list);
    writeFileSync(list, '{"half');
    expect((await build(root, [page])).placed).toBe(0);
    // Kept again by that build; then one of its files goes missing.
    rmSync(join(cacheDir(root), readdirSync(cacheDir(root))[0]!, '0.svg'));
    const missing = await build(root, [page]);
    expect(missing.placed).toBe(0);
    expect(read(missing.out)).toEqual([[embed, svg]]);
    expect(whole.length).toBeGreaterThan(0);
  });
});
