/**
 * The path of a new report, end to end, in a temporary copy of the project: import a second (fictional) report,
 * decide its flags as an editor would by editing decisions.json, fill meta.json, publish it, scaffold a story of
 * it with new:story, give the story a dataset and a chart, and build for production under two base paths. Both
 * reports are then on the site with their stories, sources, corrections, feed items, search entries and downloads,
 * and every link holds. The fixture report never reaches the project's own content/ or dist/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { projectCopy, siteBuild } from '../helpers/build.ts';
import { findBrokenLinks } from '../helpers/links.ts';
import type { Decisions } from '../../src/editor/decisions.ts';
import type { DraftNumber } from '../../src/editor/import-report.ts';

const id = 'baishui-2022-06';
const slug = 'baishui-harvest';
// The copy holds no tests/: the fixture is read from this checkout.
const fixture = join(process.cwd(), 'tests/fixtures/reports/baishui-2022-06.txt');
const first = 'longcheng-2021-09';
let copy: ReturnType<typeof projectCopy>;
const at = (...path: string[]) => join(copy.dir, ...path);
const read = (...path: string[]) => readFileSync(at(...path), 'utf8');
const builds: Record<string, { status: number | null; output: string }> = {};

function tool(script: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [`scripts/${script}.ts`, ...args, '--root', copy.dir], {
    cwd: copy.dir,
    encoding: 'utf8',
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

beforeAll(() => {
  copy = projectCopy();
  const imported = tool('import-report', fixture, '--id', id);
  expect(imported.status, imported.output).toBe(0);

  // The editor decides every flag: accept the suggested repairs, keep the lost year as a doubt.
  const draft = at('content/drafts', id);
  const decisions = JSON.parse(read('content/drafts', id, 'decisions.json')) as Decisions;
  for (const f of decisions.flags) {
    f.decision = f.kind === 'lost-digit' ? 'reject' : 'accept';
    if (f.kind === 'lost-digit') f.note = '版面上“比年同期”前的年份缺失，无法核对，按原样保留。';
  }
  writeFileSync(join(draft, 'decisions.json'), JSON.stringify(decisions, null, 2));
  const meta = JSON.parse(read('content/drafts', id, 'meta.json'));
  Object.assign(meta, { key: '2022-06', place: '白水县', period: '2022年夏' });
  writeFileSync(join(draft, 'meta.json'), JSON.stringify(meta, null, 2));
  const published = tool('publish-report', id);
  expect(published.status, published.output).toBe(0);

  const scaffolded = tool('new-story', slug, '--report', id, '--title', '白水县夏粮丰收');
  expect(scaffolded.status, scaffolded.output).toBe(0);

  // Every number of the new report goes into the story's dataset, so coverage holds; the chart shows three towns.
  const { numbers } = JSON.parse(read('content/reports', id, 'numbers.json')) as { numbers: DraftNumber[] };
  const rows = numbers
    .filter((n) => typeof n.value === 'number' && n.upTo === undefined)
    .map((n, i) => ({
      id: `row-${i + 1}`,
      label: n.quote,
      value: n.value,
      unit: n.unit,
      ...(n.qualifier ? { qualifier: n.qualifier } : {}),
      source: { paragraph: n.paragraph, quote: n.quote },
    }));
  const dates = numbers
    .filter((n) => typeof n.value === 'string')
    .map((n, i) => ({
      id: `date-${i + 1}`,
      label: n.quote,
      value: n.value,
      unit: n.unit,
      ...(n.qualifier ? { qualifier: n.qualifier } : {}),
      status: n.status ?? 'done',
      source: { paragraph: n.paragraph, quote: n.quote },
    }));
  const dataset = JSON.parse(read('content/data', `${slug}.json`));
  Object.assign(dataset, {
    title: '白水县夏粮与高标准农田',
    description: '白水县（虚构）夏粮播种面积、产量与新建高标准农田，引自报道原文。',
    rows: [...rows, ...dates],
  });
  writeFileSync(at('content/data', `${slug}.json`), JSON.stringify(dataset, null, 2));
  const areas = rows.filter((r) => r.unit === '万亩' && [5.2, 4.1, 3.2].includes(r.value as number)).map((r) => r.id);
  expect(areas.length).toBe(3);
  // The editor adds the chart (the scaffold's example chart, if any, is replaced).
  const chart = `<Chart id="${slug}-areas" dataset="${slug}" kind="bar" rows="${areas.join(',')}" title="三镇夏粮播种面积" takeaway="东河镇播种5.2万亩，多于西河镇和南河镇。" />`;
  const story = `${read('content/stories', `${slug}.mdx`)
    .replace(/^draft: true$/m, 'draft: false')
    .replace(/summary: ".*"/, 'summary: "白水县夏粮播种面积12.5万亩，总产量6.8万吨（虚构样稿）。"')
    .replace(/<Chart [^\n]*\/>\n?/, '')}\n${chart}\n`;
  writeFileSync(at('content/stories', `${slug}.mdx`), story);

  builds['/'] = siteBuild({}, copy.dir);
  builds['/sub/path/'] = siteBuild({ BASE_PATH: '/sub/path/', OUT_DIR: 'dist-sub' }, copy.dir);
}, 600_000);
afterAll(() => copy?.remove());

const dist = () => at('dist');
const page = (path: string) => readFileSync(join(dist(), path, 'index.html'), 'utf8');

describe('a second report, from plain text to published', () => {
  it('publishes the report folder and builds under both base paths', () => {
    for (const f of ['received.txt', 'report.json', 'corrections.json', 'meta.json'])
      expect(existsSync(at('content/reports', id, f)), f).toBe(true);
    expect(existsSync(at('content/drafts', id))).toBe(false);
    for (const [base, build] of Object.entries(builds)) expect(build.status, `${base}\n${build.output}`).toBe(0);
  });

  it('lists both reports, each with its stories, source and corrections', () => {
    const reports = page('reports');
    expect(reports).toContain(`/reports/${id}/`);
    expect(reports).toContain(`/reports/${first}/`);
    const mine = page(`reports/${id}`);
    expect(mine).toContain(`/stories/${slug}/`);
    expect(mine).toContain('白水县');
    const source = page(`reports/${id}/source`);
    expect(source).toContain('带动种粮大户和家庭农场180户增收');
    expect(source).toContain(`${id}-s1-p03`);
    // The corrections: the healed column break, and the doubt the editor kept.
    expect(source).toContain('户和家庭农场18');
    expect(source).toContain('版面上“比年同期”前的年份缺失');
    expect(page(`reports/${first}`)).toContain('/stories/feature/');
  });

  it('shows the story with its chart, and the first report’s stories still', () => {
    const story = page(`stories/${slug}`);
    expect(story).toContain('三镇夏粮播种面积');
    expect(story).toMatch(/<svg[^>]*>/);
    expect(existsSync(join(dist(), 'stories', 'feature', 'index.html'))).toBe(true);
  });

  it('has both reports in the feed, the search index and the downloads', () => {
    const feed = readFileSync(join(dist(), 'rss.xml'), 'utf8');
    expect(feed).toContain(`stories/${slug}/`);
    expect(feed).toContain('stories/feature/');
    const fragments = join(dist(), 'pagefind', 'fragment');
    const urls = readdirSync(fragments).map((f) => {
      const text = gunzipSync(readFileSync(join(fragments, f))).toString('utf8');
      return (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url;
    });
    expect(urls.some((u) => u.includes(`/stories/${slug}/`))).toBe(true);
    expect(urls.some((u) => u.includes('/stories/feature/'))).toBe(true);
    const csv = readFileSync(join(dist(), 'data', `${slug}.csv`), 'utf8');
    expect(csv).toContain('12.5');
    expect(existsSync(join(dist(), 'data', 'key-projects.csv'))).toBe(true);
  });

  it.each([
    ['/', 'dist'],
    ['/sub/path/', 'dist-sub'],
  ])('keeps every link under the base path %s', (base, out) => {
    const { pages, broken } = findBrokenLinks(at(out), base);
    expect(pages).toBeGreaterThan(20);
    expect(broken).toEqual([]);
  });

  it('never reaches the project’s own content or site', () => {
    expect(existsSync(join('content/reports', id))).toBe(false);
    expect(existsSync(join('content/drafts', id))).toBe(false);
    expect(existsSync(join('dist/reports', id))).toBe(false);
    expect(existsSync(join('dist/stories', slug))).toBe(false);
  });
});
