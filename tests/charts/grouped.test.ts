import { describe, expect, it } from 'vitest';
import { grouped } from '../../src/charts/grouped.ts';
import { expectMarksFor, marks, parse } from './expect-chart.ts';
import { groupedFirms } from './fixtures.ts';
import { expectSnapshot } from './snapshot.ts';

const options = { id: 'firms-grouped', title: '科技企业分组' };

describe('grouped', () => {
  it('draws every row under a heading for its group', () => {
    const out = grouped(groupedFirms, options);
    expectMarksFor(out.svg, groupedFirms);
    const headings = Array.from(parse(out.svg).querySelectorAll('.heading text')).map((t) => t.textContent);
    expect(headings).toEqual(['认定企业', '培育企业']);
    expect(marks(out.svg).get('sme-count')!.getAttribute('data-tip')).toBe('认定企业 · 科技型中小企业：66家');
  });

  it('colours bars by group when labels do not repeat, by series when they do', () => {
    const byGroup = marks(grouped(groupedFirms, options).svg);
    expect(byGroup.get('hnte-count')!.getAttribute('class')).toContain('c1');
    expect(byGroup.get('gazelle-count')!.getAttribute('class')).toContain('c2');
    const years = [
      { key: 'a20', label: '2020年', value: 20, unit: '家', group: '甲' },
      { key: 'a21', label: '2021年', value: 31, unit: '家', group: '甲' },
      { key: 'b20', label: '2020年', value: 50, unit: '家', group: '乙' },
      { key: 'b21', label: '2021年', value: 66, unit: '家', group: '乙' },
    ];
    const bySeries = marks(grouped(years, options).svg);
    expect(bySeries.get('a21')!.getAttribute('class')).toContain('c2');
    expect(bySeries.get('b21')!.getAttribute('class')).toContain('c2');
    expect(grouped(years, options).description).toBe('分组条形图，分2组比较4项数值。最大的是乙的2021年（66家）。');
  });

  it('matches its snapshot', () => {
    expectSnapshot('grouped-firms', grouped(groupedFirms, options).svg);
  });
});
