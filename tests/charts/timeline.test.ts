import { describe, expect, it } from 'vitest';
import { timeline } from '../../src/charts/timeline.ts';
import { expectMarksFor, marks, parse } from './expect-chart.ts';
import { campaign, schedule } from './fixtures.ts';
import { expectSnapshot } from './snapshot.ts';

const options = { id: 'schedule', title: '项目进度安排', asOf: '2021年9月初' };
const cy = (g: Element) => Number(g.querySelector('circle')!.getAttribute('cy'));

describe('timeline', () => {
  it('prints each date as the report does, with its position', () => {
    const found = expectMarksFor(timeline(schedule, options).svg, schedule);
    expect(found.get('start')!.textContent).toContain('2021年7月');
    expect(found.get('main-works')!.textContent).toContain('2021年11月末');
    expect(found.get('pv')!.textContent).toContain('2021年年底');
    expect(found.get('in-use')!.getAttribute('data-tip')).toBe('2022年5月 膜厂投入使用（计划）');
  });

  it('places 年底 at the end of its year and 末 at the end of its month, after the site visit', () => {
    const found = marks(timeline(schedule, options).svg);
    expect([...found.keys()]).toEqual(['start', 'visit', 'main-works', 'pv', 'in-use', 'end', 'goal']);
    expect(cy(found.get('pv')!)).toBeGreaterThan(cy(found.get('main-works')!));
    expect(cy(found.get('main-works')!)).toBeGreaterThan(cy(found.get('visit')!));
    // A bare year is the whole year: 2021 sits mid-year, before 9月1日; 2021年年底 after 2021年11月末.
    const bare = marks(
      timeline(
        [
          { key: 'visit', label: '采访', value: 0, unit: '', date: '2021-09-01', status: 'done' },
          { key: 'year', label: '全年', value: 0, unit: '', date: '2021', status: 'in-progress' },
          {
            key: 'spring',
            label: '上半年',
            value: 0,
            unit: '',
            date: '2022',
            datePosition: '上半年',
            status: 'planned',
          },
          { key: 'early', label: '年初', value: 0, unit: '', date: '2022', datePosition: '初', status: 'planned' },
        ],
        { id: 'b', title: 'b' },
      ).svg,
    );
    expect([...bare.keys()]).toEqual(['year', 'visit', 'early', 'spring']);
  });

  it('draws what happened filled, what is under way half-filled, plans hollow and targets dashed', () => {
    const found = marks(timeline(schedule, options).svg);
    expect(found.get('visit')!.getAttribute('class')).toContain('status-done');
    expect(found.get('visit')!.getAttribute('class')).not.toContain('planned');
    expect(found.get('start')!.querySelector('circle.ring')).not.toBeNull();
    expect(found.get('start')!.querySelector('path.shape')).not.toBeNull();
    expect(found.get('main-works')!.getAttribute('class')).toContain('planned status-planned');
    expect(found.get('goal')!.getAttribute('class')).toContain('planned status-target');
    const out = timeline(schedule, options);
    const words = parse(out.svg).textContent!;
    for (const key of ['实心：已发生', '半实心：进行中', '空心：计划', '虚线空心：目标']) expect(words).toContain(key);
    expect(out.description).toContain('已完成1项、进行中1项、计划4项、目标1项');
  });

  it('keeps each label in its tense: a printed 将 stays, a bare plan is marked 计划', () => {
    const found = marks(timeline(schedule, options).svg);
    expect(found.get('main-works')!.textContent).toContain('膜厂主体工程将全部结束');
    expect(found.get('main-works')!.textContent).not.toContain('（计划）');
    expect(found.get('pv')!.textContent).toContain('光伏项目竣工投产（计划）');
    // “十四五”目标年 already says 目标: no second tag.
    expect(found.get('goal')!.textContent).not.toContain('（目标）');
    expect(found.get('visit')!.textContent).not.toMatch(/（/);
  });

  it('draws the report’s date as a line between what had happened and what was planned', () => {
    const out = timeline(schedule, options);
    const root = parse(out.svg);
    const line = root.querySelector('line.as-of-line')!;
    const y = Number(line.getAttribute('y1'));
    const found = marks(out.svg);
    expect(y).toBeGreaterThan(cy(found.get('visit')!));
    expect(y).toBeLessThan(cy(found.get('main-works')!));
    expect(root.querySelector('g.as-of')!.textContent).toContain('2021年9月初');
    expect(out.description).toContain('报道时间为2021年9月初');
    expect(parse(timeline(schedule, { id: 'n', title: 'n' }).svg).querySelector('line.as-of-line')).toBeNull();
  });

  it('prints the report’s date once when an event of that date sits just above the line', () => {
    const out = timeline(schedule, { ...options, asOf: '2021年9月1日' });
    const texts = Array.from(parse(out.svg).querySelectorAll('text')).map((t) => t.textContent);
    expect(texts.filter((t) => t === '2021年9月1日')).toHaveLength(1);
    expect(parse(out.svg).querySelector('line.as-of-line')).not.toBeNull();
    expect(out.description).toContain('报道时间为2021年9月1日');
  });

  it('counts 2021年至2023年 as three years, and months between months', () => {
    const out = timeline(campaign, { id: 'c', title: '创建' });
    expect(out.svg).toContain('2021年至2023年，共3年（计算值）');
    expect(out.svg).not.toContain('24个月');
    expect(timeline(schedule, options).svg).toContain('2021年7月至2022年10月，共15个月（计算值）');
  });

  it('draws 2021年至2023年 from the start of 2021 to the end of 2023, around the points inside those years', () => {
    const rows = [
      ...campaign,
      { key: 'june', label: '召开大会', value: 0, unit: '', date: '2021-06', status: 'done' as const },
      { key: 'year', label: '全年推进', value: 0, unit: '', date: '2021', status: 'done' as const },
      {
        key: 'dec',
        label: '年底验收',
        value: 0,
        unit: '',
        date: '2023',
        datePosition: '年底',
        status: 'planned' as const,
      },
    ];
    const out = timeline(rows, { id: 'c', title: '创建', asOf: '2021年9月初' });
    const found = marks(out.svg);
    // The span's start (January 2021) comes before June 2021 and before mid-2021; its end (December 2023) after 年底.
    expect([...found.keys()]).toEqual(['start', 'june', 'year', 'dec', 'end']);
    const bars = Array.from(parse(out.svg).querySelectorAll('g.span rect'));
    const top = Math.min(...bars.map((b) => Number(b.getAttribute('y'))));
    const bottom = Math.max(...bars.map((b) => Number(b.getAttribute('y')) + Number(b.getAttribute('height'))));
    expect(top).toBeCloseTo(cy(found.get('start')!));
    expect(bottom).toBeCloseTo(cy(found.get('end')!));
    for (const key of ['june', 'year', 'dec']) {
      expect(cy(found.get(key)!)).toBeGreaterThan(top);
      expect(cy(found.get(key)!)).toBeLessThan(bottom);
    }
    // The labels still print the dates as the report does.
    expect(found.get('start')!.textContent).toContain('2021年');
    expect(found.get('end')!.textContent).toContain('2023年');
    expect(out.svg).toContain('2021年至2023年，共3年（计算值）');
  });

  it('draws the part of a span after the report’s date as an outline', () => {
    const span = parse(timeline(schedule, options).svg).querySelector('g.span')!;
    const [done, planned] = [span.querySelector('rect.shape')!, span.querySelector('rect.ring')!];
    expect(Number(done.getAttribute('y')) + Number(done.getAttribute('height'))).toBeCloseTo(
      Number(planned.getAttribute('y')),
    );
  });

  it('spaces rows evenly in time order, whatever the time between them, and says so under the chart', () => {
    // The fixture's gaps run from weeks (2021年11月末 → 年底) to years (2022年10月 → 2025年): the steps stay equal.
    for (const width of [320, 390, 800]) {
      const out = timeline(schedule, { ...options, width });
      const ys = [...marks(out.svg).values()].map(cy);
      const steps = ys.slice(1).map((y, i) => y - ys[i]!);
      // The report's date takes one step of its own, between 9月1日 and 11月末.
      const asOfStep = steps.indexOf(Math.max(...steps));
      expect(asOfStep).toBe(1);
      expect(steps[asOfStep]).toBeCloseTo(2 * steps[0]!);
      for (const step of steps.filter((_, i) => i !== asOfStep)) expect(step).toBeCloseTo(steps[0]!);
      expect(parse(out.svg).textContent).toContain('纵向间距只表示先后顺序，不按时间比例');
      expect(out.description).toContain('间距不表示时长');
    }
    // Without a report's date, a span's rows and a point a year away stand one step apart too.
    const rows = [
      ...campaign,
      { key: 'june', label: '召开大会', value: 0, unit: '', date: '2021-06', status: 'done' as const },
      { key: 'july', label: '验收', value: 0, unit: '', date: '2021-07', status: 'done' as const },
      { key: 'goal', label: '目标年', value: 0, unit: '', date: '2025', status: 'target' as const },
    ];
    const out = timeline(rows, { id: 'c', title: '创建' });
    const ys = [...marks(out.svg).values()].map(cy);
    expect(ys).toHaveLength(5);
    for (let i = 2; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeCloseTo(ys[1]! - ys[0]!);
    expect(parse(out.svg).textContent).toContain('纵向间距只表示先后顺序，不按时间比例');
  });

  it('matches its snapshot', () => {
    expectSnapshot('timeline-schedule', timeline(schedule, options).svg);
  });
});
