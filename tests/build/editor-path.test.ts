/**
 * The editor's path, end to end, in a temporary copy of the project: scaffold a story with npm run new:story, give
 * it a dataset and charts, make the mistakes editors make in <Chart> calls and read the messages of the content check
 * (the build prints the same ones: tests/build/hostile.test.ts), fix them, publish (draft: false), build with
 * scripts/build.mjs and find the story with its charts in dist/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { buildEnv, projectCopy, siteBuild } from '../helpers/build.ts';
import { checkContent, diskFiles } from '../../src/data/check-content.ts';
import { problemLine } from '../../src/data/diagnostics.ts';

const slug = 'port-logistics';
const storyFile = `content/stories/${slug}.mdx`;
let copy: ReturnType<typeof projectCopy>;
const at = (path: string) => join(copy.dir, path);

beforeAll(() => {
  copy = projectCopy();
});
afterAll(() => copy?.remove());

/** A small dataset of the editor's own: two quoted counts and a share the site computes. */
const dataset = {
  id: slug,
  report: 'longcheng-2021-09',
  title: '物流项目的进展',
  description: '龙城区物流项目的数量，引自 logistics-p02。',
  stories: [slug],
  asOf: '2021年9月初（报道中的“截至目前”）',
  unitNote: '个：项目数；%：本站计算的占比。',
  measure: '物流项目',
  notes: [],
  wholes: [
    {
      whole: 'total',
      parts: ['operating', 'started'],
      disjoint: true,
      basis: '已建成并投入运营的项目与已开工新建、续建的项目是不同的推进阶段，互不重叠。',
    },
  ],
  rows: [
    {
      id: 'total',
      label: '物流项目共计',
      value: 18,
      unit: '个',
      role: 'total',
      source: { paragraph: 'logistics-p02', quote: '物流项目共计18个' },
    },
    {
      id: 'operating',
      label: '已建成并投入运营',
      value: 7,
      unit: '个',
      role: 'part',
      source: { paragraph: 'logistics-p02', quote: '已建成并投入运营项目7个' },
    },
    {
      id: 'started',
      label: '已开工新建、续建',
      value: 6,
      unit: '个',
      role: 'part',
      source: { paragraph: 'logistics-p02', quote: '已开工新建、续建项目6个' },
    },
    {
      id: 'operating-share',
      label: '已运营项目占比',
      value: 38.9,
      unit: '%',
      derived: { formula: 'operating ÷ total × 100', inputs: ['operating', 'total'], note: '本站计算' },
    },
  ],
};

const goodCharts = `
<Chart id="port-logistics-status" dataset="port-logistics" kind="stacked" rows="total,operating,started" title="18个物流项目的进展" takeaway="18个物流项目中，7个已建成运营，6个已开工。" />

<Chart id="port-logistics-share" dataset="port-logistics" kind="progress" rows="operating,total" title="已运营的物流项目" takeaway="已建成运营的项目约占全部18个的38.9%。" />
`;

// Every mistake at once: the check reports all of them, each at its file, line and column.
const brokenCharts = `
<Chart id="port-unknown-dataset" dataset="port-logistix" kind="bar" title="数据集名写错" takeaway="数据集不存在。" />

<Chart id="port-unknown-kind" dataset="port-logistics" kind="pie" title="没有这种图" takeaway="饼图不是图表类型。" />

<Chart id="port-unknown-row" dataset="port-logistics" kind="bar" rows="total,finished" title="行名写错" takeaway="finished 不是数据行。" />

<Chart id="port-missing-takeaway" dataset="port-logistics" kind="bar" title="少了结论" />

<Chart id="logistics-status" dataset="port-logistics" kind="bar" rows="total,operating,started" title="id 与另一篇文章重复" takeaway="logistics-status 已被使用。" />

<Chart id="port-not-closed" dataset="port-logistics" kind="bar" rows="total,operating,started" title="没有自闭合" takeaway="写成了成对标签。"></Chart>

<Chart id="port-unlisted" dataset="parks" kind="bar" title="数据集没写进 frontmatter" takeaway="parks 不在 datasets 中。" />
`;

let scaffolded = '';

/** Writes the story as the editor would: from the scaffold, with a figure in the prose and these charts. */
function writeStory(charts: string, draft: boolean) {
  const text = scaffolded
    .replace(/^draft: true$/m, `draft: ${draft}`)
    .replace(/^title: .*$/m, 'title: "龙城区物流项目共计18个"')
    .replace(
      /<Chart [^\n]*\/>\n/,
      `物流项目共计<Fig d="${slug}" r="total">18个</Fig>。<Src p="logistics-p02" />\n${charts}`,
    );
  writeFileSync(at(storyFile), text);
}

describe("an editor's story, from new:story to dist/", () => {
  it('new:story scaffolds the story and its dataset into the copy (--root)', () => {
    const run = spawnSync('npm', ['run', 'new:story', '--', slug, '--root', copy.dir], {
      cwd: copy.dir,
      env: buildEnv(),
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`wrote ${storyFile}`);
    scaffolded = readFileSync(at(storyFile), 'utf8');
    expect(scaffolded).toMatch(/^draft: true$/m);
    expect(scaffolded).toContain(`<Chart id="${slug}-1" dataset="${slug}"`);
    writeFileSync(at(`content/data/${slug}.json`), JSON.stringify(dataset, null, 2) + '\n');
  });

  it('broken chart calls are each reported once, at the attribute that is wrong, with the fix', () => {
    writeStory(goodCharts + brokenCharts, false);
    const text = readFileSync(at(storyFile), 'utf8');
    const place = (line: string, needle: string) => {
      const n = text.split('\n').findIndex((l) => l.includes(line));
      return `${storyFile}:${n + 1}:${text.split('\n')[n]!.indexOf(needle) + 1}`;
    };
    const messages = checkContent(diskFiles(copy.dir)).problems.map(problemLine);
    expect(messages).toEqual([
      `${place('port-unknown-dataset', 'port-logistix')}: 数据集不存在：dataset="port-logistix" names no dataset (no file content/data/port-logistix.json) — did you mean "port-logistics"?`,
      `${place('port-unknown-kind', 'pie')}: 图表类型不存在：kind="pie" is not a chart kind — use one of bar, column, grouped, stacked, progress, waffle, timeline, target, loop (see /guide/gallery/)`,
      `${place('port-unknown-row', 'finished')}: 行 id 不存在：rows: dataset "port-logistics" has no row "finished" — its rows are: total, operating, started, operating-share`,
      `${place('port-missing-takeaway', '<Chart')}: 缺少属性：<Chart> has no takeaway="…" — add it: every chart needs id, dataset, kind, title, takeaway`,
      expect.stringMatching(
        new RegExp(
          `^${place('"logistics-status"', 'logistics-status')}: id 重复：the chart id "logistics-status" is already used in content/stories/logistics\\.mdx:\\d+`,
        ),
      ),
      `${place('port-not-closed', '<Chart')}: 组件标签写法不对：<Chart> must close itself — write <Chart … /> with no closing tag`,
      `${place('port-unlisted', 'parks')}: 数据集未列入 frontmatter：the chart uses dataset "parks", which the frontmatter's datasets do not list — add "  - parks" under datasets: in the frontmatter`,
    ]);
  });

  it('once fixed and set to draft: false, the production build publishes the story with its charts', () => {
    writeStory(goodCharts, false);
    const run = siteBuild({}, copy.dir);
    expect(run.status, run.output).toBe(0);
    const page = at(`dist/stories/${slug}/index.html`);
    expect(existsSync(page)).toBe(true);
    const { document } = parseHTML(readFileSync(page, 'utf8'));
    expect(document.querySelector('h1')?.textContent).toBe('龙城区物流项目共计18个');
    for (const id of ['port-logistics-status', 'port-logistics-share']) {
      const figure = document.querySelector(`figure.chart-figure#chart-${id}`);
      expect(figure, id).toBeTruthy();
      expect(figure!.querySelector('svg.chart[role="img"]'), id).toBeTruthy();
      expect(figure!.querySelectorAll('tbody tr').length, id).toBeGreaterThan(0);
      expect(existsSync(at(`dist/embed/${id}/index.html`)), id).toBe(true);
      expect(existsSync(at(`dist/charts/${id}.svg`)), id).toBe(true);
    }
    // The computed share is marked as computed under its chart, and the figure in the prose links to its row.
    expect(document.querySelector('#chart-port-logistics-status')!.textContent).toContain('18个');
    expect(document.querySelector(`a.fig[href$="#${slug}--total"]`)?.textContent).toBe('18个');
    // Listed on the home page, in the feed and in the search index.
    expect(readFileSync(at('dist/index.html'), 'utf8')).toContain(`stories/${slug}/`);
    expect(readFileSync(at('dist/rss.xml'), 'utf8')).toContain(`stories/${slug}/`);
  }, 300_000);
});
