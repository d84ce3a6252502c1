import { describe, expect, it } from 'vitest';
import {
  formatCompact,
  formatDate,
  formatNumber,
  formatShare,
  formatValue,
  monthsBetween,
} from '../../src/lib/format.ts';

describe('formatValue', () => {
  it('prints values with the report’s units', () => {
    expect(formatValue(84.4, '亿元')).toBe('84.4亿元');
    expect(formatValue(51.79, '亿元')).toBe('51.79亿元');
    expect(formatValue(59.75, '公里')).toBe('59.75公里');
    expect(formatValue(1200, '兆瓦')).toBe('1200兆瓦');
    expect(formatValue(66, '家')).toBe('66家');
    expect(formatValue(15, '个月')).toBe('15个月');
  });
  it('puts each qualifier where the report does', () => {
    expect(formatValue(4100, '万美元', '多')).toBe('4100多万美元');
    expect(formatValue(12, '%', '以上')).toBe('12%以上');
    expect(formatValue(60, '公里', '约')).toBe('约60公里');
    expect(formatValue(300, '家', '左右')).toBe('300家左右');
    expect(formatValue(40, '%', '近')).toBe('近40%');
  });
  it('adds no thousands separators and no float noise', () => {
    expect(formatValue(4100, '万美元')).toBe('4100万美元');
    expect(formatValue(0.1 + 0.2, '亿元')).toBe('0.3亿元');
    expect(formatValue(84.4 - 23.6, '亿元')).toBe('60.8亿元');
    expect(formatValue(12345, '')).toBe('12345');
  });
});

describe('formatCompact', () => {
  it('uses 万 and 亿 for large magnitudes (GB/T 15835)', () => {
    expect(formatCompact(123456789)).toBe('1.23亿');
    expect(formatCompact(12345)).toBe('1.23万');
    expect(formatCompact(8440000000)).toBe('84.4亿');
    expect(formatCompact(1e12)).toBe('10000亿');
    expect(formatCompact(-25000)).toBe('-2.5万');
  });
  it('leaves small numbers plain and rounds sensibly', () => {
    expect(formatCompact(9800)).toBe('9800');
    expect(formatCompact(0)).toBe('0');
    expect(formatCompact(3.14159)).toBe('3.14');
    expect(formatCompact(9999.999)).toBe('1万');
    expect(formatCompact(99_999_999)).toBe('1亿');
  });
  it('agrees with Intl compact notation where that already does the right thing', () => {
    const intl = new Intl.NumberFormat('zh-CN', { notation: 'compact', maximumFractionDigits: 2 });
    for (const n of [12345, 123456789, 56000]) expect(formatCompact(n)).toBe(intl.format(n));
  });
});

describe('formatShare, formatNumber, formatDate', () => {
  it('prints shares with one decimal', () => {
    expect(formatShare(23.6, 84.4)).toBe('28.0%');
    expect(formatShare(7, 18)).toBe('38.9%');
    expect(formatShare(213, 397)).toBe('53.7%');
    expect(formatShare(1, 0)).toBe('—');
  });
  it('prints numbers plainly', () => {
    expect(formatNumber(4100)).toBe('4100');
    expect(formatNumber(2 / 3, 2)).toBe('0.67');
    expect(formatNumber(NaN)).toBe('—');
    expect(formatNumber(-0)).toBe('0');
  });
  it('prints dates in Chinese', () => {
    expect(formatDate('2022-05')).toBe('2022年5月');
    expect(formatDate('2021-09-01')).toBe('2021年9月1日');
    expect(formatDate('2025')).toBe('2025年');
    expect(formatDate('十四五')).toBe('十四五');
  });
  it('counts months between dates', () => {
    expect(monthsBetween('2021-07', '2022-10')).toBe(15);
  });
});
