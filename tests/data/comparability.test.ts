/** Only comparable things share a chart: hostile charts are refused with a message naming the chart and a fix. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chartProblems, sameScale, type ChartCall } from '../../src/data/comparability.ts';
import { chartCallsIn } from '../../src/data/chart-specs.ts';
import { getDataset } from '../../src/data/datasets.ts';
import type { Dataset, Row } from '../../src/data/dataset-schema.ts';

// Fiction: a made-up zone with firms, projects, money and dates, in the report's style.
const src = { paragraph: 'fiction-p01', quote: '虚构' };
const row = (id: string, value: number, unit: string, extra: Partial<Row> = {}): Row =>
  ({ id, label: `标签${id}`, value, unit, source: src, ...extra }) as Row;
const fiction: Dataset = {
  id: 'fiction',
  report: 'fiction-2020-01',
  title: '虚构',
  description: '虚构',
  stories: ['fiction'],
  asOf: '2021年9月初',
  unitNote: '虚构',
  notes: [],
  measure: '入驻企业',
  wholes: [
    { whole: 'all', parts: ['a', 'b'], disjoint: true, basis: '虚构：共计30家，其中甲20家、乙10家' },
    { whole: 'all', parts: ['c'], disjoint: false, basis: '虚构：其中规模以上企业5家' },
    { parts: ['p', 'q'], disjoint: false, basis: '虚构：可能重叠' },
  ],
  rows: [
    row('all', 30, '家', { role: 'total' }),
    row('a', 20, '家', { role: 'part' }),
    row('b', 10, '家', { role: 'part' }),
    row('c', 5, '家', { role: 'part' }),
    row('money', 80, '亿元', { measure: '总投资' }),
    row('small-money', 500, '万元', { measure: '总投资' }),
    row('sets', 120, '万套', { measure: '产能' }),
    row('tons', 7, '万吨', { measure: '产能' }),
    row('tons2', 5, '万吨', { measure: '产能' }),
    row('projects', 22, '个', { measure: '项目' }),
    row('subset', 107, '家', { measure: '产值500万元以上企业' }),
    row('planned', 10, '家', { status: 'planned' }),
    row('p', 66, '家'),
    row('q', 31, '家'),
    row('r', 7, '家'),
    row('mw', 1200, '兆瓦', { measure: '装机容量' }),
    row('mw2', 150, 'MW', { measure: '装机容量' }),
    row('mw3', 300, '兆瓦', { measure: '装机容量' }),
    {
      id: 'day',
      label: '某日',
      value: '2021-09-01',
      unit: '年月日',
      status: 'done',
      source: src,
    } as Row,
  ],
};
const call = (kind: string, rows: string[], options: Record<string, string> = {}): ChartCall => ({
  id: 'hostile',
  kind,
  file: 'content/stories/fiction.mdx',
  rows,
  options,
});
const refusals = (c: ChartCall) => chartProblems(c, fiction).map((p) => `${p.attribute}: ${p.message} — ${p.fix}`);

describe('comparability refusals (hostile charts)', () => {
  it('names the story file and the chart in every problem', () => {
    const [problem] = chartProblems(call('bar', ['sets', 'tons', 'mw']), fiction);
    expect(problem).toMatchObject({ file: 'content/stories/fiction.mdx', chart: 'hostile', attribute: 'rows' });
  });

  it('refuses 万套 beside 万吨 on one axis, suggesting small multiples, a table or a fact box', () => {
    expect(refusals(call('bar', ['sets', 'tons', 'tons2']))).toEqual([
      'rows: one axis would carry different units: 万套 (sets) beside 万吨 (tons, tons2) — draw small multiples (one chart per kind of thing), a table, or a fact box',
    ]);
  });

  it('refuses 亿元 beside 万元: the same dimension, but bars would draw printed values on different scales', () => {
    expect(refusals(call('column', ['money', 'small-money', 'money']))[0]).toMatch(
      /different units: 亿元 .* beside 万元/,
    );
    expect(sameScale('兆瓦', 'MW')).toBe(true);
    expect(refusals(call('bar', ['mw', 'mw2', 'mw3']))).toEqual([]);
  });

  it('refuses all firms beside a subset counted differently, and projects (个) beside firms (家)', () => {
    expect(refusals(call('bar', ['all', 'subset', 'a']))[0]).toMatch(
      /^rows: one axis would compare different things: “入驻企业” .* with “产值500万元以上企业”/,
    );
    expect(refusals(call('bar', ['all', 'projects', 'a']))[0]).toMatch(/different units: 家 .* beside 个/);
  });

  it('refuses plans beside what exists', () => {
    expect(refusals(call('bar', ['a', 'b', 'planned']))[0]).toMatch(/one axis would put 已完成 beside 计划/);
  });

  it('refuses rows that declare nothing about what they count', () => {
    const bare = { ...fiction, measure: undefined };
    expect(chartProblems(call('bar', ['p', 'q', 'r']), bare)[0]!.message).toMatch(/do not declare what they count/);
  });

  it('refuses one or two numbers, and a timeline of two dots', () => {
    expect(refusals(call('bar', ['a', 'b']))[0]).toMatch(/kind="bar" needs at least 3 rows; this chart has 2/);
    expect(refusals(call('timeline', ['day', 'a']))[0]).toMatch(/needs at least 3 dated rows; this chart has 1/);
  });

  it('adds up only declared disjoint parts: waffle, stacked and the shares toggle', () => {
    expect(refusals(call('waffle', ['a', 'b']))).toEqual([]);
    expect(refusals(call('stacked', ['all', 'a', 'b']))).toEqual([]);
    expect(refusals(call('waffle', ['p', 'q', 'r']))[0]).toMatch(
      /kind="waffle" adds them up, but the dataset does not declare/,
    );
    expect(refusals(call('waffle', ['p', 'q']))[0]).toMatch(/does not declare p .* disjoint: they may overlap/);
    expect(refusals(call('bar', ['p', 'q', 'r'], { toggle: 'share' }))[0]).toMatch(
      /^toggle: toggle="share" shows them as shares/,
    );
  });

  it('refuses the probe that drew 合计110家: 30家 and 80亿元 in one waffle', () => {
    const out = refusals(call('waffle', ['all', 'money']));
    expect(out[0]).toMatch(/different units: 家 \(all\) beside 亿元 \(money\)/);
  });

  it('draws a part against its whole only when declared part of it', () => {
    expect(refusals(call('progress', ['c', 'all']))).toEqual([]);
    expect(refusals(call('progress', ['subset', 'all']))[0]).toMatch(/subset .* is not declared a part of all/);
  });
});

describe('the gallery teaches the refusals it shows', () => {
  const gallery = readFileSync('content/guide/gallery.mdx', 'utf8');
  const blocks = [...gallery.matchAll(/```mdx\n(<Chart[^\n]*\/>)\n```\n\n> 构建失败 The build fails: `([^`]+)`/g)];

  it('shows at least five refused calls, each with the message the build gives', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    for (const [, tag, shown] of blocks) {
      const [spec] = chartCallsIn(tag!, 'gallery', 'content/guide/gallery.mdx').specs;
      const problems = chartProblems(spec!, getDataset(spec!.dataset));
      expect(problems.map((p) => `${p.attribute}: ${p.message} — ${p.fix}`)).toContain(shown);
    }
  });
});
