import { describe, expect, it } from 'vitest';
import { extractNumbers, parseChineseNumeral } from '../../src/editor/numbers.ts';

const pick = (text: string) =>
  extractNumbers(text).map(({ value, unit, qualifier }) => (qualifier ? { value, unit, qualifier } : { value, unit }));

describe('extractNumbers', () => {
  it('reads amounts with decimals and their printed unit', () => {
    expect(pick('总投资84.4亿元，完成投资23.6亿元')).toEqual([
      { value: 84.4, unit: '亿元' },
      { value: 23.6, unit: '亿元' },
    ]);
  });

  it('prefers the longest unit: 万美元 over 万, 平方公里 over 公里, 个月 over 个', () => {
    expect(pick('年出口创汇1200万美元，面积230平方公里，期限15个月')).toEqual([
      { value: 1200, unit: '万美元' },
      { value: 230, unit: '平方公里' },
      { value: 15, unit: '个月' },
    ]);
  });

  it('keeps the qualifiers 约, 多, 以上 and 左右', () => {
    expect(pick('全长约60公里，达4100多万美元，比重达到12%以上，稳定在300家左右')).toEqual([
      { value: 60, unit: '公里', qualifier: '约' },
      { value: 4100, unit: '万美元', qualifier: '多' },
      { value: 12, unit: '%', qualifier: '以上' },
      { value: 300, unit: '家', qualifier: '左右' },
    ]);
  });

  it('marks the two ends of a range and gives both the range as quote', () => {
    const found = extractNumbers('给予5万元至200万元的奖励扶持');
    expect(found.map((n) => [n.value, n.unit, n.qualifier])).toEqual([
      [5, '万元', '下限'],
      [200, '万元', '上限'],
    ]);
    expect(found[0].quote).toContain('5万元至200万元');
  });

  it('reads Chinese numerals only before a measure word, and ordinals as 第', () => {
    expect(pick('两个特色主题园区，确定了十项工程，第十四批，两高项目，一批项目，十四五规划')).toEqual([
      { value: 2, unit: '个' },
      { value: 10, unit: '项' },
      { value: 14, unit: '批', qualifier: '第' },
    ]);
  });

  it('reads dates as their parts and capacities in MW and 兆瓦', () => {
    expect(pick('9月1日，1200兆瓦，150MW风力发电')).toEqual([
      { value: 9, unit: '月' },
      { value: 1, unit: '日' },
      { value: 1200, unit: '兆瓦' },
      { value: 150, unit: 'MW' },
    ]);
  });

  it('skips codes such as 5G and G101, and marks a number with no known unit "?"', () => {
    expect(pick('浪马5G数字化，沿G101线，中电科53所')).toEqual([{ value: 53, unit: '?' }]);
  });

  it('gives an exact quote that contains the number, and its offset', () => {
    const text = '龙城区建成已运营的物流项目共计18个；已建成并投入运营项目7个';
    for (const n of extractNumbers(text)) {
      expect(text).toContain(n.quote);
      expect(n.quote).toContain(String(n.value));
      expect(text.slice(n.index, n.index + String(n.value).length)).toBe(String(n.value));
    }
  });
});

describe('parseChineseNumeral', () => {
  it.each([
    ['十', 10],
    ['两', 2],
    ['十四', 14],
    ['二十五', 25],
    ['一百零八', 108],
    ['三万', 30000],
  ])('%s is %d', (s, n) => expect(parseChineseNumeral(s)).toBe(n));

  it.each(['一二三', '十四五', '千', '万'])('%s is not one number', (s) =>
    expect(parseChineseNumeral(s)).toBeUndefined(),
  );
});
