import { describe, expect, it } from 'vitest';
import { target } from '../../src/charts/target.ts';
import { expectMarksFor, marks } from './expect-chart.ts';
import { targets } from './fixtures.ts';
import { expectSnapshot } from './snapshot.ts';

const options = { id: 'coop-targets', title: '“十四五”合作社发展目标' };

describe('target', () => {
  it('prints every target with its qualifier', () => {
    const out = target(targets, options);
    const found = expectMarksFor(out.svg, targets);
    expect(found.get('coops')!.textContent).toContain('300家左右');
    expect(found.get('share')!.textContent).toContain('40%以上');
    expect(found.get('model-farms')!.getAttribute('data-tip')).toBe('示范农场：10个');
    expect(out.description).toBe(
      '目标图，列出6项目标：农民合作社300家左右、示范社20家、家庭农场100家、示范农场10个、土地股份合作社100家、入社农户占比40%以上。',
    );
  });

  it('compares bars only among targets of one kind of thing, percentages against 100%', () => {
    // Fiction: the fixture's 家 targets declared as one measure (合作社与农场 counted alike), 示范农场 left alone.
    const rows = targets.map((d) => (d.unit === '家' ? { ...d, measure: '经营主体' } : d));
    const found = marks(target(rows, options).svg);
    const w = (k: string) => Number(found.get(k)!.querySelector('rect.goal')!.getAttribute('width'));
    expect(w('farms') / w('coops')).toBeCloseTo(100 / 300, 2);
    expect(w('share') / w('coops')).toBeCloseTo(0.4, 2);
    // 10个 示范农场 is the only target of its kind: no length that compares it with nothing.
    expect(found.get('model-farms')!.querySelector('rect.goal')).toBeNull();
  });

  it('draws no comparing bars between targets that count different things', () => {
    const found = marks(target(targets, options).svg);
    for (const key of ['coops', 'farms', 'model-coops', 'land-coops'])
      expect(found.get(key)!.querySelector('rect.goal')).toBeNull();
    expect(found.get('share')!.querySelector('rect.goal')).not.toBeNull();
  });

  it('shows a current value against its target', () => {
    const rows = [...targets, { key: 'coops-now', label: '农民合作社', value: 210, unit: '家', role: 'current' }];
    const out = target(rows, options);
    const now = marks(out.svg).get('coops-now')!;
    expect(now.textContent).toContain('现有210家');
    expect(out.svg).toContain('虚线框：目标；实心：现有');
    expect(out.description).toContain('农民合作社300家左右（现有210家）');
  });

  it('matches its snapshot', () => {
    expectSnapshot('target-coops', target(targets, options).svg);
  });
});
