import { describe, expect, it } from 'vitest';
import { chartKinds, isChartKind, renderKind, type ChartKind } from '../../src/charts/index.ts';
import { expectAccessibleRoot, expectCleanMarkup, marks, parse } from './expect-chart.ts';
import { hostile, investment, ruralLoop, schedule, targets, techFirms } from './fixtures.ts';
import type { ChartDatum } from '../../src/charts/types.ts';

const sample: Record<string, ChartDatum[]> = {
  bar: techFirms,
  column: techFirms,
  grouped: techFirms.map((d, i) => ({ ...d, group: i < 3 ? '甲' : '乙' })),
  stacked: techFirms,
  progress: investment,
  waffle: techFirms,
  timeline: schedule,
  target: targets,
  loop: ruralLoop,
};

describe('chart registry', () => {
  it('has the nine kinds and recognises only them', () => {
    expect(Object.keys(chartKinds).sort()).toEqual([
      'bar',
      'column',
      'grouped',
      'loop',
      'progress',
      'stacked',
      'target',
      'timeline',
      'waffle',
    ]);
    expect(isChartKind('bar')).toBe(true);
    expect(isChartKind('pie')).toBe(false);
    expect(isChartKind('toString')).toBe(false);
  });
});

describe.each(Object.keys(chartKinds))('%s', (kind) => {
  const render = (data: readonly ChartDatum[], options: object) => renderKind(kind as ChartKind, data, options);

  it('is accessible and clean', () => {
    const out = render(sample[kind]!, { id: `t-${kind}`, title: '测试图' });
    expectAccessibleRoot(out, `t-${kind}`, kind, '测试图');
    expectCleanMarkup(out.svg);
  });

  it('says 暂无数据 for no rows instead of failing', () => {
    const out = render([], { id: 'empty', title: '空图' });
    expectAccessibleRoot(out, 'empty', kind, '空图');
    expect(out.svg).toContain('暂无数据');
    expect(out.description).toContain('暂无数据');
  });

  it('escapes labels, keys and titles', () => {
    const rows = hostile.map((d) => ({
      ...d,
      group: kind === 'loop' ? 'node' : undefined,
      date: kind === 'timeline' ? '2021-09' : undefined,
    }));
    const out = render(rows, { id: 'h', title: 'A & <b>' });
    expect(out.svg).not.toContain('<script>');
    expect(out.svg).not.toContain('<b>');
    expect(out.svg).toContain('&lt;script&gt;');
    expect(out.svg).toContain('A &amp; &lt;b&gt;');
    expect(marks(out.svg).has('x"><script>')).toBe(true);
  });

  it('prints labels holding $&, $$ and $1 exactly as written', () => {
    const base = sample[kind]!;
    const rows = base.map((d, i) => (i === 0 ? { ...d, label: '甲$&乙$$丙$1丁' } : d));
    const out = render(rows, { id: 'dollar', title: '美元$&符号' });
    const text = parse(out.svg).textContent!;
    expect(text).toContain('甲$&乙$$丙$1丁');
    expect(text).toContain('美元$&符号');
    expect(out.svg).not.toContain('<!--marks-->');
  });

  it('is deterministic and accepts options as MDX strings', () => {
    const a = render(sample[kind]!, { id: 'd', title: '同一张图', width: '320' });
    const b = render(sample[kind]!, { id: 'd', title: '同一张图', width: 320 });
    expect(a.svg).toBe(b.svg);
    expect(a.svg).toContain('viewBox="0 0 320 ');
  });

  it('keeps text at 12 units or larger and the chart small', () => {
    const out = render(sample[kind]!, { id: 's', title: '大小' });
    for (const m of out.svg.matchAll(/font-size="(\d+(?:\.\d+)?)"/g)) expect(Number(m[1])).toBeGreaterThanOrEqual(12);
    expect(out.svg.length).toBeLessThan(8000);
  });
});
