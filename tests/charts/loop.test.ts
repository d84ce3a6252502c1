import { describe, expect, it } from 'vitest';
import { loop } from '../../src/charts/loop.ts';
import { expectMarksFor, marks, parse } from './expect-chart.ts';
import { ruralLoop } from './fixtures.ts';
import { expectSnapshot } from './snapshot.ts';

const options = { id: 'rural-loop', title: '乡村振兴示范带“一水、双轴、四区、多点”示意图' };

describe('loop', () => {
  it('labels every town, axis, road, the river and each node', () => {
    const out = loop(ruralLoop, options);
    const found = expectMarksFor(out.svg, ruralLoop);
    for (const d of ruralLoop) expect(found.get(d.key)!.textContent).toContain(d.label);
    expect(found.get('xiban')!.getAttribute('data-tip')).toBe('西半线：轴线');
    expect(found.get('exit')!.textContent).toContain('起点');
    expect(found.get('daling')!.textContent).toContain('水系：大凌河');
    expect(found.get('hailong')!.querySelector('rect.area-box')).not.toBeNull();
  });

  it('says it is a schematic and carries no map furniture', () => {
    const out = loop(ruralLoop, options);
    expect(out.description).toMatch(/^示意图（非地图）/);
    expect(out.svg).toContain('不按比例，非地图');
    const words = parse(out.svg).textContent!;
    for (const furniture of ['指北', '北', '比例尺', '千米', '经度', '纬度', '°'])
      expect(words).not.toContain(furniture);
    expect(out.svg).not.toMatch(/>N</);
  });

  it('describes the route in order', () => {
    expect(loop(ruralLoop, options).description).toBe(
      '示意图（非地图）：乡村振兴示范带“一水、双轴、四区、多点”示意图。环线以西大营子镇高速公路出入口为起点，沿西半线、G101国道2条轴线，经朱二线、世纪大街，串联西大营子镇、海龙街道、大平房镇、联合镇4个片区，途经老窝铺新龙门客栈、西湾葡萄种植采摘园、西沟爱情村、御赐饮马池、红色凌河湾等5个节点；水系：大凌河。',
    );
  });

  it('describes any diagram by its own parts, not by this report’s 两条轴线 or 一水', () => {
    // Fiction: a made-up schematic with three axes and no river.
    const other = [
      { key: 'a', label: '甲路', value: 0, unit: '', group: 'axis' },
      { key: 'b', label: '乙路', value: 0, unit: '', group: 'axis' },
      { key: 'c', label: '丙路', value: 0, unit: '', group: 'axis' },
      { key: 'n', label: '某节点', value: 0, unit: '', group: 'node' },
    ];
    const out = loop(other, { id: 'other', title: '虚构示意图' });
    expect(out.description).toContain('甲路、乙路、丙路3条轴线');
    expect(out.description).not.toMatch(/两条轴线|一水|双轴|四区|多点|乡村振兴/);
    expect(out.description).toContain('虚构示意图');
  });

  it('draws the axes thicker than the other roads', () => {
    const found = marks(loop(ruralLoop, options).svg);
    expect(found.get('g101')!.querySelector('path.axis-road')).not.toBeNull();
    expect(found.get('zhuer')!.querySelector('path.axis-road')).toBeNull();
  });

  it('matches its snapshot', () => {
    expectSnapshot('loop-rural', loop(ruralLoop, options).svg);
  });
});
