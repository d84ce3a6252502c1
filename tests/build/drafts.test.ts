/**
 * draft: true keeps a story out of everything the production build makes — its page, share image, chart embeds
 * and SVGs, the home page, the RSS feed, the sitemap and the Pagefind search index — and draft: false puts it in
 * all of them. (In `npm run dev` drafts are shown: publishedStories() and allChartSpecs() include them when
 * import.meta.env.DEV, and an edited dataset shows without a restart.) Run in a temporary copy, scaffolded with
 * new:story, built with scripts/build.mjs for a host that serves it under BASE_PATH=/sub/path/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildEnv, projectCopy, siteBuild } from '../helpers/build.ts';
import { findBrokenLinks, htmlFiles } from '../helpers/links.ts';
import { expectOldAddresses } from '../helpers/old-addresses.ts';
import { startDev, type DevServer } from '../helpers/dev.ts';

const slug = 'draft-check';
const chartId = `${slug}-1`;
const origin = 'https://example.org';
// The copy is built the way a host deploys under a sub-path, so these builds are also the site's second base path:
// every link must resolve under it (tests/build/links.test.ts checks dist/ under /).
const base = '/sub/path/';
const deploy = { SITE_URL: origin, BASE_PATH: base };
let copy: ReturnType<typeof projectCopy>;
const at = (path: string) => join(copy.dir, path);

beforeAll(() => {
  copy = projectCopy();
  const run = spawnSync('npm', ['run', 'new:story', '--', slug, '--root', copy.dir, '--title', '草稿检查'], {
    cwd: copy.dir,
    env: buildEnv(),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`new:story failed: ${run.stderr}`);
});
afterAll(() => copy?.remove());

/** The URLs of the pages in Pagefind's index (each fragment is gzipped "pagefind_dcd" + JSON). */
function searchIndexUrls(dist: string): string[] {
  const dir = join(dist, 'pagefind', 'fragment');
  return readdirSync(dir).map((f) => {
    const text = gunzipSync(readFileSync(join(dir, f))).toString('utf8');
    return (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url;
  });
}

/** Everything the build made for the story, and every place that mentions it. */
function traces(dist: string) {
  const sitemap = readdirSync(dist)
    .filter((f) => /^sitemap.*\.xml$/.test(f))
    .map((f) => readFileSync(join(dist, f), 'utf8'))
    .join('\n');
  return {
    page: existsSync(join(dist, `stories/${slug}/index.html`)),
    shareImage: existsSync(join(dist, `og/${slug}.png`)),
    embed: existsSync(join(dist, `embed/${chartId}/index.html`)),
    chartSvg: existsSync(join(dist, `charts/${chartId}.svg`)),
    home: readFileSync(join(dist, 'index.html'), 'utf8').includes(`stories/${slug}/`),
    feed: readFileSync(join(dist, 'rss.xml'), 'utf8').includes(`/stories/${slug}/`),
    sitemap: sitemap.includes(`/stories/${slug}/`),
    search: searchIndexUrls(dist).some((u) => u.includes(`/stories/${slug}/`)),
    // The story's title on any page (the data pages are checked on their own below: the dataset is not a story).
    title: htmlFiles(dist).some(
      (f) => !f.startsWith(join(dist, 'data')) && readFileSync(f, 'utf8').includes('草稿检查'),
    ),
  };
}

describe('npm run dev (astro dev), in the copy', () => {
  let dev: DevServer | undefined;
  beforeAll(async () => {
    dev = await startDev(copy.dir);
  }, 150_000);
  afterAll(() => dev?.stop());

  /** Fetches a page from the dev server (the first request of a page compiles it, so it may take a while). */
  async function page(path: string): Promise<string> {
    const res = await fetch(new URL(path, dev!.url));
    expect(res.status, path).toBe(200);
    return res.text();
  }

  it('shows a draft story, chart included', async () => {
    const html = await page(`stories/${slug}/`);
    expect(html).toContain('草稿检查');
    expect(html).toContain(`id="chart-${chartId}"`);
  }, 120_000);

  // The editors' guide promises that the preview follows saved files; datasets are read with node:fs, not imported.
  it('shows an edited dataset on the next request, without a restart', async () => {
    const file = at(`content/data/${slug}.json`);
    const before = readFileSync(file, 'utf8');
    // The first placeholder row's label, whatever paragraph of the report new:story quoted.
    const label = (JSON.parse(before) as { rows: { label: string }[] }).rows[0]!.label;
    expect(await page(`stories/${slug}/`)).toContain(label);
    writeFileSync(file, before.replace(`"label": ${JSON.stringify(label)}`, '"label": "改过的标签"'));
    try {
      const html = await page(`stories/${slug}/`);
      expect(html).toContain('改过的标签');
    } finally {
      writeFileSync(file, before);
    }
  }, 120_000);

  // Reports are read with node:fs too (src/data/report.ts): an edited meta.json shows as well.
  it("shows an edited report's metadata on the next request, without a restart", async () => {
    const file = at('content/reports/longcheng-2021-09/meta.json');
    const before = readFileSync(file, 'utf8');
    const title = (JSON.parse(before) as { title: string }).title;
    expect(await page('reports/longcheng-2021-09/')).toContain(`<h1>${title}</h1>`);
    // Fiction, for the test only: a title the report never had.
    writeFileSync(file, before.replace(JSON.stringify(title), JSON.stringify(`${title}（虚构改题）`)));
    try {
      expect(await page('reports/longcheng-2021-09/')).toContain(`<h1>${title}（虚构改题）</h1>`);
    } finally {
      writeFileSync(file, before);
    }
  }, 120_000);
});

describe('a draft story', () => {
  it('is absent from the built site, the feed, the sitemap and the search index', () => {
    expect(readFileSync(at(`content/stories/${slug}.mdx`), 'utf8')).toMatch(/^draft: true$/m);
    const run = siteBuild(deploy, copy.dir);
    expect(run.status, run.output).toBe(0);
    const dist = at('dist');
    expect(existsSync(join(dist, 'sitemap-index.xml')), 'the sitemap is written when SITE_URL is set').toBe(true);
    expect(
      searchIndexUrls(dist).some((u) => u.includes('/stories/logistics/')),
      'the index holds the published stories',
    ).toBe(true);
    expect(traces(dist)).toEqual({
      page: false,
      shareImage: false,
      embed: false,
      chartSvg: false,
      home: false,
      feed: false,
      sitemap: false,
      search: false,
      title: false,
    });
  }, 300_000);

  it('leaves a site whose every link resolves under BASE_PATH=/sub/path/', () => {
    const { pages, refs, broken } = findBrokenLinks(at('dist'), base);
    expect(pages).toBeGreaterThan(5);
    expect(refs).toBeGreaterThan(50);
    expect(broken).toEqual([]);
    // The one-report site's addresses, /source/#feature-p07 included, under the base path too.
    expectOldAddresses(at('dist'), base);
  });

  // A draft's dataset is not published either: /data/ lists only datasets that published stories use.
  it('leaves its dataset off the data pages, so nothing links to the missing page', () => {
    const dist = at('dist');
    expect(existsSync(join(dist, `data/${slug}.json`))).toBe(false);
    const pages = [
      'data/index.html',
      ...readdirSync(join(dist, 'data'), { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => `data/${e.name}/index.html`),
    ];
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(readFileSync(join(dist, page), 'utf8'), page).not.toContain(`id="${slug}"`);
  });

  it('is published everywhere once draft is set to false', () => {
    const file = at(`content/stories/${slug}.mdx`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^draft: true$/m, 'draft: false'));
    const run = siteBuild(deploy, copy.dir);
    expect(run.status, run.output).toBe(0);
    const dist = at('dist');
    expect(traces(dist)).toEqual({
      page: true,
      shareImage: true,
      embed: true,
      chartSvg: true,
      home: true,
      feed: true,
      sitemap: true,
      search: true,
      title: true,
    });
    expect(findBrokenLinks(dist, base).broken).toEqual([]);
  }, 300_000);
});
