import { describe, expect, it } from 'vitest';
import { readableText, readingMinutes, readingUnits, relatedIds, similarity } from '../../src/lib/reading.ts';

describe('readingMinutes', () => {
  it('counts what a reader sees: components and heading markers are not read', () => {
    expect(readableText('## 小标题\n\n正文一句。<Src p="feature-p06" />')).toBe('小标题正文一句。');
  });
  it('counts a Latin word or a number as one unit, a Chinese character as one', () => {
    expect(readingUnits('总投资84.4亿元')).toBe(6);
    expect(readingUnits('5G数字化')).toBe(4);
  });
  it('gives about one minute per 450 characters, never zero', () => {
    expect(readingMinutes('字')).toBe(1);
    expect(readingMinutes('字'.repeat(900))).toBe(2);
    expect(readingMinutes('字'.repeat(2000))).toBe(4);
  });
});

describe('relatedIds', () => {
  const texts = new Map([
    ['logistics', '物流中心 物流项目 区域性物流'],
    ['agri', '农产品物流协会 龙头企业'],
    ['city', '文明城区 十项工程'],
  ]);
  it('puts the story sharing most wording first and never the story itself', () => {
    expect(relatedIds('logistics', texts, 2)).toEqual(['agri', 'city']);
    expect(relatedIds('city', texts, 5)).not.toContain('city');
  });
  it('is symmetric and 1 for identical texts', () => {
    expect(similarity('物流中心', '物流中心')).toBe(1);
    expect(similarity('物流中心', '文明城区')).toBe(0);
  });
  it('throws for an unknown id', () => {
    expect(() => relatedIds('nope', texts)).toThrow(/nope/);
  });
});
