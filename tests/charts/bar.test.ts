import { describe, expect, it } from 'vitest';
import { bar } from '../../src/charts/bar.ts';
import { expectMarksFor, marks, parse } from './expect-chart.ts';
import { printed, techFirms } from './fixtures.ts';
import { expectSnapshot } from './snapshot.ts';

const options = { id: 'tech-firms', title: '龙城区科技企业数量', subject: '类科技企业数量' };

describe('bar', () => {
  it('draws one labelled bar per row with its value printed', () => {
    const out = bar(techFirms, options);
    const found = expectMarksFor(out.svg, techFirms);
    expect(found.get('sme')!.getAttribute('data-tip')).toBe('科技型中小企业：66家');
    expect(found.get('sme')!.textContent).toContain('66家');
    expect(found.get('giant')!.textContent).toContain('专精特新“小巨人”企业');
    expect(found.get('sme')!.querySelector('rect.shape')).not.toBeNull();
  });

  it('describes the largest and the smallest', () => {
    expect(bar(techFirms, options).description).toBe(
      '横向条形图，比较6类科技企业数量。最多的是科技型中小企业（66家），最少的是“揭榜挂帅”企业（2家）。',
    );
  });

  it('keeps the data order unless asked to sort', () => {
    expect([...marks(bar(techFirms, options).svg).keys()]).toEqual(techFirms.map((d) => d.key));
    expect([...marks(bar(techFirms, { ...options, sort: 'desc' }).svg).keys()]).toEqual([
      'sme',
      'hnte',
      'eagle',
      'gazelle',
      'giant',
      'jbgs',
    ]);
  });

  it('marks derived rows as 计算值, dashed, with a note', () => {
    const rows = [...techFirms, { key: 'sum', label: '合计', value: 112, unit: '家', derived: true }];
    const out = bar(rows, options);
    const g = marks(out.svg).get('sum')!;
    expect(g.getAttribute('class')).toContain('mark-derived');
    expect(g.getAttribute('data-tip')).toBe('合计：112家（计算值）');
    expect(out.svg).toContain('本站计算值');
  });

  it('prints qualifiers and drops the shared axis when units differ', () => {
    const out = bar(printed, { id: 'p', title: '数字' });
    expect(out.svg).toContain('4100多万美元');
    expect(out.svg).toContain('约60公里');
    expect(parse(out.svg).querySelectorAll('text:not(.label):not(.note)').length).toBe(0);
    expect(out.svg).not.toContain('2,000');
    expect(out.svg).toContain('各项单位不同');
  });

  it('hides axis ticks and gridlines from screen readers', () => {
    const root = parse(bar(techFirms, options).svg);
    const axes = Array.from(root.querySelectorAll('g.axis'));
    expect(axes.length).toBeGreaterThan(0);
    for (const g of axes) expect(g.getAttribute('aria-hidden')).toBe('true');
  });

  it('folds 10,000 rows into 30 bars', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      key: `r${i}`,
      label: `项目${i}`,
      value: (i * 7919) % 1000,
      unit: '个',
    }));
    const out = bar(many, { id: 'many', title: '很多' });
    const found = marks(out.svg);
    expect(found.size).toBe(30);
    expect(found.get('__others')!.getAttribute('data-tip')).toMatch(/^其余9971项合计：\d+个（计算值）$/);
    expect(out.description).toContain('共10000项');
  });

  it('matches its snapshot', () => {
    expectSnapshot('bar-tech-firms', bar(techFirms, options).svg);
  });
});
