/**
 * The site as an archive of reports: a second, fictional report (tests/fixtures/reports/archive/, marked as fiction)
 * is added to a copy of the project, which is built with scripts/build.mjs. The newer report leads the home page,
 * both are listed newest first, and the feed, search index, sitemap and /data/ cover both. The fixture never
 * reaches the project's own dist/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { projectCopy, siteBuild } from '../helpers/build.ts';
import { findBrokenLinks, htmlFiles } from '../helpers/links.ts';
import { useSite } from '../helpers/site.ts';

const FIXTURE = 'tests/fixtures/reports/archive/content';
const NEW = 'xugou-2031-05';
const OLD = 'longcheng-2021-09';

// Made before the hooks so that the site helper below can be pointed at its dist/.
const copy = projectCopy();
const dist = join(copy.dir, 'dist');
let built: ReturnType<typeof siteBuild> | undefined;

beforeAll(() => {
  cpSync(FIXTURE, join(copy.dir, 'content'), { recursive: true });
  // Every number of every report is data or listed as not data: the fixture's own entries join the copy's list.
  const list = join(copy.dir, 'content/data/not-data.json');
  const notData = JSON.parse(readFileSync(list, 'utf8'));
  const extra = JSON.parse(readFileSync('tests/fixtures/reports/archive/not-data-entries.json', 'utf8'));
  writeFileSync(list, JSON.stringify({ ...notData, entries: [...notData.entries, ...extra.entries] }, null, 2));
  built = siteBuild({ SITE_URL: 'https://example.org' }, copy.dir);
}, 600_000);
afterAll(() => copy.remove());
const site = useSite(dist);

const page = (path: string) => parseHTML(readFileSync(join(dist, path), 'utf8')).document;
const texts = (doc: Document, selector: string) =>
  [...doc.querySelectorAll(selector)].map((e) => e.textContent!.replace(/\s+/g, ' ').trim());
const hrefs = (doc: Document, selector: string) =>
  [...doc.querySelectorAll(selector)].map((a) => a.getAttribute('href')!);

describe('a site of two reports', () => {
  it('builds', () => {
    expect(built?.status, built?.output).toBe(0);
  });

  it('leads the home page with the newest report and lists the earlier one', () => {
    const home = page('index.html');
    expect(texts(home, '.lead h2')).toEqual(['徐沟港区货运量达120万吨']);
    expect(texts(home, '.cards h3')).toEqual(['徐沟区新修绿道12公里']);
    const earlier = hrefs(home, '.earlier-reports a');
    expect(earlier).toEqual([`/reports/${OLD}/`]);
    // Its key figures are its own (content/reports/<id>/key-figures.json), not the first report's.
    expect(texts(home, '.lead-figure')[0]).toContain('120');
    expect(texts(home, '.strip li')).toHaveLength(1);
    expect(texts(home, '.strip li')[0]).toContain('港区泊位');
    // The first report's stories are reached from its own page, not mixed into the new front page.
    expect(home.querySelector('.lead')!.textContent).not.toContain('培育优势产业');
  });

  it('lists every report on /reports/, newest first, each with its source and corrections', () => {
    const list = page('reports/index.html');
    expect(hrefs(list, '.report-list h2 a')).toEqual([`/reports/${NEW}/`, `/reports/${OLD}/`]);
    const links = hrefs(list, '.report-list a');
    expect(links).toContain(`/reports/${NEW}/source/`);
    expect(links).toContain(`/reports/${NEW}/source/#corrections`);
    expect(links).toContain(`/reports/${OLD}/source/`);
  });

  it('gives each report a page with its stories in printed order and its metadata as printed', () => {
    const report = page(`reports/${NEW}/index.html`);
    expect(hrefs(report, '.report-stories a')).toEqual(['/stories/xugou-harbour/', '/stories/xugou-greenway/']);
    const meta = texts(report, '.report-meta dd');
    expect(meta).toEqual(['虚构市徐沟区', '2031年5月', '本版稿件由本报记者甄文采写', '原文未印出，本站不作推断']);
    expect(hrefs(report, 'a')).toContain(`/reports/${NEW}/source/`);
    const first = page(`reports/${OLD}/index.html`);
    expect(hrefs(first, '.report-stories a')[0]).toBe('/stories/feature/');
    expect(hrefs(first, '.report-stories a')).toHaveLength(7);
  });

  it("shows each report's own source with paragraph anchors and its corrections", () => {
    const source = page(`reports/${NEW}/source/index.html`);
    expect(source.getElementById('xugou-2031-05-harbour-p02')?.textContent).toContain('完成货运量120万吨');
    expect(source.getElementById('feature-p07')).toBeNull();
    expect(texts(source, '#corrections ~ .table-scroll tbody td:first-child')).toEqual(['c01']);
    expect(source.querySelector('.meta')!.textContent).toContain('本版稿件由本报记者甄文采写');
  });

  it("links a story's paragraphs to its own report's source and cites that report's metadata", () => {
    const story = page('stories/xugou-harbour/index.html');
    expect(hrefs(story, 'a.src')).toEqual([`/reports/${NEW}/source/#xugou-2031-05-harbour-p02`]);
    expect(texts(story, '.cite-line')[0]).toBe(
      '数说龙城：《徐沟港区货运量达120万吨》，据2031年5月虚构市徐沟区报道整理，https://example.org/stories/xugou-harbour/',
    );
    const meta = texts(story, '.story-meta')[0]!;
    expect(meta).toContain('出自：虚构测试版面：徐沟港区与绿道');
    expect(meta).not.toMatch(/张旭|2021年9月|龙城区/);
    const old = page('stories/logistics/index.html');
    expect(hrefs(old, 'a.src')[0]).toBe(`/reports/${OLD}/source/#logistics-p02`);
    expect(texts(old, '.cite-line')[0]).toContain('据2021年9月朝阳市龙城区报道整理');
  });

  it('puts both reports in the feed, newest report first, each item naming its report', () => {
    const { document } = parseHTML(readFileSync(join(dist, 'rss.xml'), 'utf8'), 'text/xml');
    const items = [...document.querySelectorAll('item')];
    const titles = items.map((i) => i.querySelector('title')!.textContent);
    expect(titles.slice(0, 2)).toEqual(['徐沟港区货运量达120万吨', '徐沟区新修绿道12公里']);
    expect(titles).toContain('培育优势产业 再造发展引擎');
    expect(items).toHaveLength(9);
    const reportOf = (i: Element) => i.querySelector('category[domain="report"]')!.textContent;
    expect(reportOf(items[0]!)).toContain('虚构市徐沟区');
    expect(reportOf(items.at(-1)!)).toContain('朝阳市龙城区');
  });

  it('lists both reports and their stories in the sitemap', () => {
    const sitemaps = ['sitemap-0.xml', 'sitemap-index.xml'].filter((f) => existsSync(join(dist, f)));
    const all = sitemaps.map((f) => readFileSync(join(dist, f), 'utf8')).join('\n');
    for (const path of [`reports/${NEW}/`, `reports/${NEW}/source/`, 'stories/xugou-harbour/', `reports/${OLD}/`])
      expect(all, path).toContain(`https://example.org/${path}`);
  });

  it("lists both reports' datasets on /data/, the newest report's first, each report's tables on its own page", () => {
    const data = page('data/index.html');
    const listed = [...data.querySelectorAll('li[id]')].map((li) => li.id);
    expect(listed.slice(0, 2)).toEqual(['xugou-harbour', 'xugou-greenway']);
    expect(listed).toContain('restructuring');
    // The catalogue links each dataset to its table on its report's page; the tables are there, not here.
    expect(data.querySelectorAll('section.dataset')).toHaveLength(0);
    expect(data.getElementById('xugou-harbour')!.querySelector('a')!.getAttribute('href')).toMatch(
      new RegExp(`data/${NEW}/#xugou-harbour$`),
    );
    const own = page(`data/${NEW}/index.html`);
    expect([...own.querySelectorAll('section.dataset')].map((s) => s.id)).toEqual(['xugou-harbour', 'xugou-greenway']);
    // The page names its report once, for all its datasets.
    expect(own.querySelector('h1')!.textContent).toContain('虚构测试版面：徐沟港区与绿道');
    expect(page(`data/${OLD}/index.html`).getElementById('restructuring')).not.toBeNull();
    const json = JSON.parse(readFileSync(join(dist, 'data/xugou-harbour.json'), 'utf8'));
    expect(json.source.report).toContain(`/reports/${NEW}/source/`);
    expect(json.source.report).not.toMatch(/龙城/);
  });

  it('indexes the new report for search', async () => {
    const tab = await site.browser.newPage();
    await tab.goto(`${site.url}search/`);
    // A string, not a function: Vitest would rewrite import() inside a function for its own module loader.
    const bundle = JSON.stringify(`${site.url}pagefind/pagefind.js`);
    const found = (await tab.evaluate(`(async () => {
      const pagefind = await import(${bundle});
      const { results } = await pagefind.search('徐沟港区');
      return Promise.all(results.map(async (r) => (await r.data()).url));
    })()`)) as string[];
    await tab.close();
    expect(found).toContain('/stories/xugou-harbour/');
  });

  it('keeps every link and fragment working', () => {
    expect(findBrokenLinks(dist, '/').broken).toEqual([]);
  });
});

describe("the project's own site", () => {
  it('never contains a fixture report', () => {
    expect(existsSync('dist/reports')).toBe(true);
    expect(existsSync(`dist/reports/${NEW}`)).toBe(false);
    expect(existsSync('dist/stories/xugou-harbour')).toBe(false);
    expect(readFileSync('dist/rss.xml', 'utf8')).not.toContain('徐沟');
    for (const file of htmlFiles('dist')) expect(readFileSync(file, 'utf8'), file).not.toContain('虚构市徐沟区');
  });
});
