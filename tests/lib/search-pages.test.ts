// The copies of the indexed pages that the search index reads (src/lib/search-pages.ts): a page rendered now, a page
// restored from Astro's cache and a page of a build that stopped halfway must each give the index the page as built,
// less its chart figures, and nothing else. Every page here is fiction, for the test only.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  forgetSearchPages,
  keepForSearch,
  pageFile,
  searchCopy,
  searchPages,
  searchPagesReady,
  SEARCH_PAGES_DIR,
} from '../../src/lib/search-pages.ts';
import { tempFolders } from '../helpers/temp.ts';

const chart = (id: string) =>
  `<figure class="chart-figure chart-figure--bar" id="chart-${id}" data-chart="${id}" data-kind="bar" data-pagefind-ignore>` +
  `<figcaption><p class="chart-title">虚构图表</p></figcaption><figure class="inner"><svg><text>12</text></svg></figure></figure>`;
const story = (title: string, charts = 1) =>
  `<!DOCTYPE html><html lang="zh-CN"><head><title>${title}</title></head><body><article data-pagefind-body><h1>${title}</h1>` +
  `<p>虚构区新修绿道12公里。</p>${Array.from({ length: charts }, (_, i) => chart(`c${i}`)).join('')}` +
  `<figure class="fact-box" data-pagefind-ignore><dl><dt>绿道</dt><dd>12公里</dd></dl></figure></article></body></html>`;
const plain = '<!DOCTYPE html><html lang="zh-CN"><head><title>关于</title></head><body><p>虚构页面</p></body></html>';

describe('a page as the index reads it', () => {
  it('is the page without its chart figures, nested figures and all; every other element stays', () => {
    const page = story('虚构稿件甲', 2);
    const copy = searchCopy(page);
    expect(copy).not.toContain('chart-figure');
    expect(copy).not.toContain('<svg>');
    expect(copy).toContain('<figure class="fact-box" data-pagefind-ignore>');
    expect(copy).toBe(page.replace(chart('c0') + chart('c1'), ''));
    // A chart figure the index does not ignore is not cut.
    const shown = chart('c9').replace(' data-pagefind-ignore', '');
    expect(searchCopy(`<p>甲</p>${shown}<p>乙</p>`)).toBe(`<p>甲</p>${shown}<p>乙</p>`);
  });

  it("is found at the page's file in the output folder", () => {
    expect(pageFile('/stories/harbour/')).toBe('stories/harbour/index.html');
    expect(pageFile('/sub/path/stories/harbour/', '/sub/path/')).toBe('stories/harbour/index.html');
    expect(pageFile('/')).toBe('index.html');
    expect(pageFile('/404')).toBe('404.html');
    expect(pageFile('/data/%E6%95%B0%E6%8D%AE/')).toBe('data/数据/index.html');
  });
});

describe('the pages the index reads after a build', () => {
  const tempFolder = tempFolders('search-pages');
  const project = () => {
    const root = tempFolder();
    return { root, site: join(root, 'dist') };
  };
  const put = (site: string, file: string, html: string) => {
    mkdirSync(dirname(join(site, file)), { recursive: true });
    writeFileSync(join(site, file), html);
  };
  /** A build: the pages it renders go through the middleware, the ones it restores are only written. */
  const build = async (root: string, site: string, render: Record<string, string>, restore: Record<string, string>) => {
    rmSync(site, { recursive: true, force: true });
    for (const [file, html] of Object.entries({ ...render, ...restore })) put(site, file, html);
    for (const [file, html] of Object.entries(render)) keepForSearch(root, file, html);
    return searchPages(site, root);
  };
  const copies = (root: string) =>
    readdirSync(join(root, SEARCH_PAGES_DIR), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.html'))
      .sort();

  it('are the indexed pages as built, less their charts, from a cold build and from a rebuild', async () => {
    const { root, site } = project();
    const a = story('虚构稿件甲');
    const b = story('虚构稿件乙');
    const cold = await build(
      root,
      site,
      { 'stories/a/index.html': a, 'stories/b/index.html': b, 'about/index.html': plain },
      {},
    );
    expect(cold).toMatchObject({ pages: 2, rendered: 2, kept: 0, read: 0 });
    expect(copies(root)).toEqual(['stories/a/index.html', 'stories/b/index.html']);
    expect(readFileSync(join(cold.dir, 'stories/a/index.html'), 'utf8')).toBe(searchCopy(a));

    // One story changed: a is restored from Astro's cache and keeps its copy, b is rendered again.
    const b2 = story('虚构稿件乙（修订）');
    const warm = await build(
      root,
      site,
      { 'stories/b/index.html': b2 },
      { 'stories/a/index.html': a, 'about/index.html': plain },
    );
    expect(warm).toMatchObject({ pages: 2, rendered: 1, kept: 1, read: 0 });
    expect(readFileSync(join(warm.dir, 'stories/b/index.html'), 'utf8')).toBe(searchCopy(b2));
  });

  it('are offered to an index run after the build only when the build left them whole', async () => {
    const { root, site } = project();
    expect(searchPagesReady(root)).toBeUndefined();
    const cold = await build(root, site, { 'stories/a/index.html': story('虚构稿件甲') }, {});
    expect(searchPagesReady(root)).toBe(cold.dir);
    // A build is writing copies (its mark): not whole.
    keepForSearch(root, 'stories/a/index.html', story('虚构稿件甲（修订）'));
    expect(searchPagesReady(root)).toBeUndefined();
    await searchPages(site, root);
    expect(searchPagesReady(root)).toBe(cold.dir);
    // The build could not make them: the index reads the site's own pages.
    forgetSearchPages(root);
    expect(searchPagesReady(root)).toBeUndefined();
  });

  it('never fail a page: a folder that cannot be written fails only the copies, which the build then does without', async () => {
    const { root, site } = project();
    // The cache folder's place is taken by a file.
    mkdirSync(join(root, dirname(SEARCH_PAGES_DIR)), { recursive: true });
    writeFileSync(join(root, SEARCH_PAGES_DIR), '');
    put(site, 'stories/a/index.html', story('虚构稿件甲'));
    expect(() => keepForSearch(root, 'stories/a/index.html', story('虚构稿件甲'))).not.toThrow();
    await expect(searchPages(site, root)).rejects.toThrow();
    expect(searchPagesReady(root)).toBeUndefined();
  });

  it('hold no copy of a page gone or no longer indexed', async () => {
    const { root, site } = project();
    await build(
      root,
      site,
      { 'stories/a/index.html': story('虚构稿件甲'), 'stories/b/index.html': story('虚构稿件乙') },
      {},
    );
    // b was deleted; a is rendered again without data-pagefind-body.
    const next = await build(root, site, { 'stories/a/index.html': plain }, {});
    expect(next.pages).toBe(0);
    expect(copies(root)).toEqual([]);
  });

  it('are read from the output folder after a build that stopped halfway, or without the cache', async () => {
    const { root, site } = project();
    const a = story('虚构稿件甲');
    const b = story('虚构稿件乙');
    await build(root, site, { 'stories/a/index.html': a, 'stories/b/index.html': b }, {});
    // A build (another process: its mark) renders b and stops before its end; the copy it wrote of b is not the page
    // Astro restores next.
    keepForSearch(root, 'stories/b/index.html', story('虚构稿件乙（未完成的构建）'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    (globalThis as { [key: symbol]: unknown })[Symbol.for('shushuo.search-pages')] = undefined;
    (globalThis as { [key: symbol]: unknown })[Symbol.for('shushuo.search-pages.started')] = undefined;
    writeFileSync(join(root, SEARCH_PAGES_DIR, '.building'), String(process.pid + 1));
    const after = await build(root, site, {}, { 'stories/a/index.html': a, 'stories/b/index.html': b });
    expect(after).toMatchObject({ pages: 2, rendered: 0, kept: 0, read: 2 });
    expect(readFileSync(join(after.dir, 'stories/b/index.html'), 'utf8')).toBe(searchCopy(b));

    rmSync(join(root, SEARCH_PAGES_DIR), { recursive: true, force: true });
    const without = await build(root, site, {}, { 'stories/a/index.html': a, 'about/index.html': plain });
    expect(without).toMatchObject({ pages: 1, read: 1 });
    expect(existsSync(join(without.dir, 'about/index.html'))).toBe(false);
  });
});
