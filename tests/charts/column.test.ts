import { describe, expect, it } from 'vitest';
import { column } from '../../src/charts/column.ts';
import { expectMarksFor, marks } from './expect-chart.ts';
import { logistics, techFirms } from './fixtures.ts';
import { expectSnapshot } from './snapshot.ts';

describe('column', () => {
  it('draws a column per row with value above and label below', () => {
    const out = column(logistics, { id: 'logistics', title: '物流项目' });
    const found = expectMarksFor(out.svg, logistics);
    expect(found.get('running')!.textContent).toContain('7个');
    expect(found.get('running')!.textContent).toContain('已建成运营');
    expect(out.description).toBe('柱形图，比较3项数值。最多的是物流项目共计（18个），最少的是已开工（6个）。');
  });

  it('wraps long labels rather than letting them overlap', () => {
    const out = column(techFirms, { id: 't', title: '科技企业' });
    expect(marks(out.svg).get('sme')!.querySelectorAll('tspan').length).toBeGreaterThan(1);
  });

  it('folds columns beyond maxBars into a derived one', () => {
    const out = column(techFirms, { id: 't', title: '科技企业', maxBars: '4' });
    expect(marks(out.svg).size).toBe(4);
    expect(marks(out.svg).get('__others')!.getAttribute('class')).toContain('mark-derived');
  });

  it('matches its snapshot', () => {
    expectSnapshot('column-logistics', column(logistics, { id: 'logistics', title: '物流项目' }).svg);
  });
});
