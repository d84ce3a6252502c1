import { describe, expect, it } from 'vitest';
import { UNITS, comparable, isUnit, toBase } from '../../src/data/units.ts';
import { allDatasets } from '../../src/data/datasets.ts';

describe('units', () => {
  it('scale printed values to their base unit', () => {
    expect(toBase(84.4, '亿元')).toEqual({ value: 8_440_000_000, unit: '元' });
    expect(toBase(500, '万元')).toEqual({ value: 5_000_000, unit: '元' });
    expect(toBase(4100, '万美元')).toEqual({ value: 41_000_000, unit: '美元' });
    expect(toBase(150, 'MW')).toEqual(toBase(150, '兆瓦'));
    expect(toBase(7, '万吨')).toEqual({ value: 70_000, unit: '吨' });
    expect(toBase(6, '万')).toEqual({ value: 60_000, unit: '人' });
    expect(() => toBase(2025, '年')).toThrow(/not a unit of amount/);
  });
  it('say which units can share an axis', () => {
    expect(comparable('亿元', '万元')).toBe(true);
    expect(comparable('亿元', '万美元')).toBe(false);
    expect(comparable('家', '个')).toBe(false);
    expect(comparable('MW', '兆瓦')).toBe(true);
  });
  it('know every unit the datasets use, and nothing the datasets do not need', () => {
    const used = new Set(allDatasets().flatMap((d) => d.rows.map((r) => r.unit)));
    for (const unit of used) expect(isUnit(unit), unit).toBe(true);
    expect(Object.keys(UNITS).filter((u) => !used.has(u as never))).toEqual([]);
  });
});
