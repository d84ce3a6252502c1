import { describe, expect, it } from 'vitest';
import { chartCallsIn, parseAttributes } from '../../src/data/chart-specs.ts';

describe('reading <Chart> calls from an article', () => {
  it('reads every attribute, rows as a list and the rest as options', () => {
    const body =
      '段落\n\n<Chart id="a-1" dataset="d" kind="bar" title="标题" takeaway="要点" rows="x, y" toggle="share" />\n';
    const { specs, errors } = chartCallsIn(body, 'story', 'content/stories/story.mdx');
    expect(errors).toEqual([]);
    expect(specs).toEqual([
      {
        id: 'a-1',
        dataset: 'd',
        kind: 'bar',
        title: '标题',
        takeaway: '要点',
        rows: ['x', 'y'],
        story: 'story',
        file: 'content/stories/story.mdx',
        options: { toggle: 'share' },
      },
    ]);
  });

  it('keeps a > inside a quoted value', () => {
    const { specs, errors } = chartCallsIn(
      '<Chart id="g" dataset="d" kind="bar" title="增长>10%" takeaway="a > b" />',
      's',
      'f.mdx',
    );
    expect(errors).toEqual([]);
    expect(specs[0]!.title).toBe('增长>10%');
    expect(specs[0]!.takeaway).toBe('a > b');
  });

  it('names the file and line of a call with a missing attribute', () => {
    const { errors } = chartCallsIn('一\n二\n<Chart id="x" dataset="d" kind="bar" />', 's', 'content/stories/s.mdx');
    expect(errors).toEqual([
      'content/stories/s.mdx:3:1: 缺少属性：<Chart> has no title="…", takeaway="…" — add them: every chart needs id, dataset, kind, title, takeaway',
    ]);
  });

  it('asks for a self-closing tag and for quoted strings', () => {
    const { errors } = chartCallsIn(
      '<Chart id="x" dataset="d" kind="bar" title="t" takeaway="k" width={320}>',
      's',
      'f.mdx',
    );
    expect(errors).toEqual([
      'f.mdx:1:1: 组件标签写法不对：<Chart> is opened but never closed with </Chart> — end it with />, or close it with </Chart>',
      'f.mdx:1:61: 组件标签写法不对：width={320} is an expression; a chart takes only quoted text — write width="…"',
    ]);
  });

  it('refuses an id that is not kebab-case', () => {
    const { errors } = chartCallsIn(
      '<Chart id="Bad Id" dataset="d" kind="bar" title="t" takeaway="k" />',
      's',
      'f.mdx',
    );
    expect(errors).toEqual([
      'f.mdx:1:12: 值的类型或格式不对：the chart id "Bad Id" is not kebab-case — use a-z, 0-9 and single hyphens, e.g. "bad-id"',
    ]);
  });

  it('parses single-quoted values', () => {
    expect(parseAttributes(` a='1' b="2"`).attrs).toEqual({ a: '1', b: '2' });
  });
});

import { formulaInWords } from '../../src/data/chart-data.ts';
import { getDataset } from '../../src/data/datasets.ts';

describe('computed values explained to readers', () => {
  it('write the formula with the rows’ labels and proper operators', () => {
    const logistics = getDataset('logistics-projects');
    const planned = logistics.rows.find((r) => r.id === 'planned')!;
    expect(formulaInWords(logistics, planned)).toBe(
      '“建成已运营、新开工及计划本年度开工的物流项目” − “已建成并投入运营” − “已开工新建、续建”',
    );
    const restructuring = getDataset('restructuring');
    const share = restructuring.rows.find((r) => r.id === 'invested-share')!;
    expect(formulaInWords(restructuring, share)).not.toMatch(/[a-z]/);
  });
});
