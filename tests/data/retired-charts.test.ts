// Withdrawn charts (content/retired-charts.json) keep their addresses; an id may never mean two things.
import { describe, expect, it } from 'vitest';
import { loadRetiredCharts, retiredCharts, retiredSvg } from '../../src/data/retired-charts.ts';

describe('withdrawn charts', () => {
  const list = loadRetiredCharts();
  const stories = new Set(list.charts.map((c) => c.story));

  it('lists each withdrawn chart once, with its story and its published title', () => {
    const ids = list.charts.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(list.reason).toMatch(/撤下/);
  });

  it('refuses an id that is a live chart again, naming the file and the field', () => {
    const first = list.charts[0]!;
    expect(() => retiredCharts(new Set([first.id]), stories)).toThrow(
      `content/retired-charts.json: charts[0].id: "${first.id}" is a chart in a story again`,
    );
  });

  it('refuses a story that does not exist', () => {
    expect(() => retiredCharts(new Set(), new Set())).toThrow(/charts\[0\]\.story: .* is not a story/);
  });

  it('leaves a notice SVG that names the chart and escapes its title', () => {
    const svg = retiredSvg({ id: 'x', story: 'y', title: '<b>&标题</b>' });
    expect(svg).toContain('此图（&lt;b&gt;&amp;标题&lt;/b&gt;）已撤下');
    expect(svg).not.toContain('<b>');
  });
});
