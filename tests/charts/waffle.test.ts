import { describe, expect, it } from 'vitest';
import { waffle } from '../../src/charts/waffle.ts';
import { expectMarksFor, marks } from './expect-chart.ts';
import { techFirms } from './fixtures.ts';
import { expectSnapshot } from './snapshot.ts';

const options = { id: 'firms-waffle', title: '科技企业：一格一家' };
const squares = (g: Element) => (g.querySelector('path.shape')?.getAttribute('d')?.match(/M/g) ?? []).length;

describe('waffle', () => {
  it('draws one square per firm in a labelled block per kind', () => {
    const out = waffle(techFirms, options);
    const found = expectMarksFor(out.svg, techFirms);
    expect(squares(found.get('sme')!)).toBe(66);
    expect(squares(found.get('jbgs')!)).toBe(2);
    expect(found.get('hnte')!.textContent).toContain('高新技术企业');
    expect(found.get('hnte')!.textContent).toContain('31家');
    expect(out.svg).toContain('每格代表1家');
    expect(out.description).toBe('单位图，每格代表1家，共6类、合计112家。最多的是科技型中小企业（66家），约占59%。');
  });

  it('gives each block its own colour class', () => {
    const classes = [...marks(waffle(techFirms, options).svg).values()].map((g) => g.getAttribute('class'));
    expect(classes.slice(0, 3)).toEqual(['mark c1', 'mark c2', 'mark c3']);
  });

  it('lets one square stand for several units when counts are large', () => {
    const out = waffle([{ key: 'people', label: '从业人员', value: 12000, unit: '人' }], { id: 'w', title: '人' });
    expect(out.svg).toContain('每格代表50人');
    expect(squares(marks(out.svg).get('people')!)).toBe(240);
  });

  it('matches its snapshot', () => {
    expectSnapshot('waffle-firms', waffle(techFirms, options).svg);
  });
});
