import { describe, expect, it } from 'vitest';
import { UNITS, comparable, isDateUnit, isUnit, scanQuantities, toBase } from '../../src/data/numbers.ts';
import { allDatasets } from '../../src/data/datasets.ts';

describe('units', () => {
  it('scale printed values to their base unit', () => {
    expect(toBase(84.4, '亿元')).toEqual({ value: 8_440_000_000, unit: '元' });
    expect(toBase(500, '万元')).toEqual({ value: 5_000_000, unit: '元' });
    expect(toBase(2.6, '万亿元')).toEqual({ value: 2_600_000_000_000, unit: '元' });
    expect(toBase(4100, '万美元')).toEqual({ value: 41_000_000, unit: '美元' });
    expect(toBase(150, 'MW')).toEqual(toBase(150, '兆瓦'));
    expect(toBase(15, '万千瓦')).toEqual(toBase(150, '兆瓦'));
    expect(toBase(1.7, '亿千瓦时')).toEqual({ value: 170_000_000, unit: '千瓦时' });
    expect(toBase(7, '万吨')).toEqual({ value: 70_000, unit: '吨' });
    expect(toBase(2, '公顷')).toEqual({ value: 30, unit: '亩' });
    expect(toBase(1.2, '万平方米')).toEqual({ value: 12_000, unit: '平方米' });
    expect(toBase(3, '亿枝')).toEqual({ value: 300_000_000, unit: '枝' });
    expect(toBase(6, '万')).toEqual({ value: 60_000, unit: '人' });
    expect(() => toBase(2025, '年')).toThrow(/not a unit of amount/);
  });
  it('say which units can share an axis', () => {
    expect(comparable('亿元', '万元')).toBe(true);
    expect(comparable('万亿元', '元')).toBe(true);
    expect(comparable('亿元', '万美元')).toBe(false);
    expect(comparable('家', '个')).toBe(false);
    expect(comparable('MW', '兆瓦')).toBe(true);
    expect(comparable('万头', '头')).toBe(true);
    expect(comparable('亩', '平方米')).toBe(false);
    expect(comparable('%', '个百分点')).toBe(false);
  });
  it('know every unit the datasets use', () => {
    const used = new Set(allDatasets().flatMap((d) => d.rows.map((r) => r.unit)));
    for (const unit of used) expect(isUnit(unit), unit).toBe(true);
  });
  it('are each read by the scanner after a number, so a dataset can quote any of them', () => {
    for (const unit of Object.keys(UNITS).filter((u) => !isDateUnit(u))) {
      const [found] = scanQuantities(`共计12${unit}，`);
      expect(found?.unit, unit).toBe(unit);
    }
  });
});
