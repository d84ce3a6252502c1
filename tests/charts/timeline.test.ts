import { describe, expect, it } from 'vitest';
import { timeline } from '../../src/charts/timeline.ts';
import { expectMarksFor, marks } from './expect-chart.ts';
import { schedule } from './fixtures.ts';
import { expectSnapshot } from './snapshot.ts';

const options = { id: 'schedule', title: '项目进度安排' };

describe('timeline', () => {
  it('puts each dated row on the line with its Chinese date', () => {
    const out = timeline(schedule, options);
    const found = expectMarksFor(out.svg, schedule);
    expect(found.get('start')!.textContent).toContain('2021年7月');
    expect(found.get('in-use')!.getAttribute('data-tip')).toBe('2022年5月 膜厂投入使用');
    expect(found.get('main-works')!.textContent).toContain('11月末');
  });

  it('orders events by date and keeps them apart', () => {
    const shuffled = [...schedule].reverse();
    const found = marks(timeline(shuffled, options).svg);
    expect([...found.keys()]).toEqual(['start', 'main-works', 'in-use', 'end', 'goal']);
    const ys = [...found.values()].map((g) => Number(g.querySelector('circle')!.getAttribute('cy')));
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(28);
  });

  it('computes the span of start and end and says it is computed', () => {
    const out = timeline(schedule, options);
    expect(out.svg).toContain('历时15个月（计算值）');
    expect(out.description).toContain('2021年7月至2022年10月，历时15个月');
  });

  it('draws targets as open circles, explained in a note', () => {
    const out = timeline(schedule, options);
    expect(marks(out.svg).get('goal')!.getAttribute('class')).toContain('planned');
    expect(out.svg).toContain('空心圆：计划或目标');
  });

  it('matches its snapshot', () => {
    expectSnapshot('timeline-schedule', timeline(schedule, options).svg);
  });
});
