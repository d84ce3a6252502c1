import { describe, expect, it } from 'vitest';
import { extractNumbers, notQuantities } from '../../src/editor/numbers.ts';

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

  it('keeps a range as one entry, both ends in its quote', () => {
    const found = extractNumbers('给予5万元至200万元的奖励扶持');
    expect(found.map((n) => [n.value, n.upTo, n.unit])).toEqual([[5, 200, '万元']]);
    expect(found[0]!.quote).toContain('5万元至200万元');
  });

  it('reads Chinese numerals only before a measure word, and ordinals as 第', () => {
    expect(pick('两个特色主题园区，确定了十项工程，第十四批，两高项目，一批项目，十四五规划')).toEqual([
      { value: 2, unit: '个' },
      { value: 10, unit: '项' },
      { value: 14, unit: '批' },
    ]);
  });

  it('reads a full date as one entry in the dataset format, and capacities in MW and 兆瓦', () => {
    expect(pick('9月1日，2021年7月，1200兆瓦，150MW风力发电')).toEqual([
      { value: '--09-01', unit: '年月日' },
      { value: '2021-07', unit: '年月' },
      { value: 1200, unit: '兆瓦' },
      { value: 150, unit: 'MW' },
    ]);
  });

  it('lists codes such as 5G and G101 as not quantities, and marks a measure word that is not a unit', () => {
    expect(pick('浪马5G数字化，沿G101线，中电科53所，五大行动')).toEqual([
      { value: 53, unit: '所' },
      { value: 5, unit: '大' },
    ]);
    expect(extractNumbers('五大行动')[0]!.unknownUnit).toBe(true);
    expect(notQuantities('浪马5G数字化，沿G101线').map((n) => n.text)).toEqual(['5G', 'G101']);
  });

  it('gives an exact quote that contains the number, and its offset', () => {
    const text = '龙城区建成已运营的物流项目共计18个；已建成并投入运营项目7个';
    for (const n of extractNumbers(text)) {
      expect(text).toContain(n.quote);
      expect(n.quote).toContain(String(n.value));
      expect(text.slice(n.index, n.end)).toBe(`${n.value}个`);
    }
  });
});
