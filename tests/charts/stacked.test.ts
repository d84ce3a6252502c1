import { describe, expect, it } from 'vitest';
import { stacked } from '../../src/charts/stacked.ts';
import { expectMarksFor, marks } from './expect-chart.ts';
import { logistics } from './fixtures.ts';
import { expectSnapshot } from './snapshot.ts';

const options = { id: 'logistics-split', title: '物流项目进展', remainderLabel: '尚未开工' };

describe('stacked', () => {
  it('splits the total into its parts with values and shares printed', () => {
    const out = stacked(logistics, options);
    const found = expectMarksFor(out.svg, logistics);
    expect(found.get('running')!.textContent).toContain('7个（38.9%）');
    expect(found.get('running')!.getAttribute('data-tip')).toBe('已建成运营：7个，占38.9%');
    expect(found.get('total')!.textContent).toContain('物流项目共计 18个');
  });

  it('adds the computed remainder as a derived part', () => {
    const out = stacked(logistics, options);
    const rest = marks(out.svg).get('total-rest')!;
    expect(rest.getAttribute('class')).toContain('mark-derived');
    expect(rest.getAttribute('data-tip')).toBe('尚未开工：5个，占27.8%（计算值）');
    expect(out.description).toBe('堆叠条形图，把物流项目共计18个分成3部分。最大的部分是已建成运营（7个），占38.9%。');
  });

  it('numbers segments so the key does not rely on colour', () => {
    const g = marks(stacked(logistics, options).svg).get('started')!;
    expect(Array.from(g.querySelectorAll('text')).map((t) => t.textContent)).toContain('2');
  });

  it('matches its snapshot', () => {
    expectSnapshot('stacked-logistics', stacked(logistics, options).svg);
  });
});
