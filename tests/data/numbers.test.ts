// The number rules (src/data/numbers.ts): numerals, units, qualifiers, rates and the scanner every check shares.
import { describe, expect, it } from 'vitest';
import {
  QUALIFIERS,
  fullWidthProblems,
  lostDigits,
  parseChineseNumeral,
  quoteFor,
  scanQuantities,
} from '../../src/data/numbers.ts';

const read = (text: string) =>
  scanQuantities(text).map((q) => ({
    kind: q.kind,
    value: q.date ?? q.value,
    ...(q.to ? { to: q.to.date ?? q.to.value } : {}),
    ...(q.unit ? { unit: q.unit } : {}),
    ...(q.qualifiers.length ? { qualifiers: q.qualifiers } : {}),
    ...(q.change ? { change: q.change } : {}),
    printed: text.slice(q.start, q.stop),
  }));

describe('parseChineseNumeral', () => {
  it.each([
    ['十', 10],
    ['两', 2],
    ['十四', 14],
    ['二十五', 25],
    ['一百零八', 108],
    ['三万', 30000],
    ['一亿二千万', 120_000_000],
  ])('%s is %d', (s, n) => expect(parseChineseNumeral(s)).toBe(n));

  it.each(['一二三', '十四五', '千', '万', '万万'])('%s is not one number', (s) =>
    expect(parseChineseNumeral(s)).toBeUndefined(),
  );
});

describe('fullWidthProblems', () => {
  it('names each number typed with full-width digits, where it is, and the corrected text', () => {
    const text = '总投资８４．４亿元，２０２１年，50%';
    const { problems, corrected } = fullWidthProblems(text);
    expect(problems).toEqual([
      { index: 3, end: 7, found: '８４．４', fix: '84.4' },
      { index: 10, end: 14, found: '２０２１', fix: '2021' },
    ]);
    expect(corrected).toBe('总投资84.4亿元，2021年，50%');
    expect(fullWidthProblems('总投资84.4亿元').problems).toEqual([]);
  });
});

describe('scanQuantities', () => {
  it('reads the units of economic reporting, longest first (2.6万亿元 is not 2.6万)', () => {
    const units = [
      '万亿元',
      '亿千瓦时',
      '万千瓦',
      '兆瓦',
      'MW',
      '亩',
      '万亩',
      '公顷',
      '平方米',
      '万平方米',
      '平方公里',
      '吨',
      '万吨',
      '万头',
      '万只',
      '亿只',
      '亿枝',
      '人次',
      '户',
      '处',
      '个百分点',
    ];
    const text = units.map((u, i) => `指标${i + 1}${u}`).join('，');
    expect(read(text).map((q) => [q.value, q.unit])).toEqual(units.map((u, i) => [i + 1, u]));
    expect(read('GDP达2.6万亿元，发电1.7亿千瓦时')).toMatchObject([
      { value: 2.6, unit: '万亿元' },
      { value: 1.7, unit: '亿千瓦时' },
    ]);
  });

  it('reads full-width digits and ％ as numbers, keeping offsets into the text as printed', () => {
    const [q] = scanQuantities('比重达到１２％以上');
    expect(q).toMatchObject({ value: 12, unit: '%', qualifiers: ['以上'], start: 4, stop: 9 });
  });

  it('keeps every qualifier where it is printed', () => {
    expect(
      read('约60公里，近3万人，超过200家，至少5户，4100多万美元，300余人，1.2万余亩，12%以上，300家左右，不足10个'),
    ).toEqual([
      { kind: 'quantity', value: 60, unit: '公里', qualifiers: ['约'], printed: '约60公里' },
      { kind: 'quantity', value: 3, unit: '万', qualifiers: ['近'], printed: '近3万' },
      { kind: 'quantity', value: 200, unit: '家', qualifiers: ['超过'], printed: '超过200家' },
      { kind: 'quantity', value: 5, unit: '户', qualifiers: ['至少'], printed: '至少5户' },
      { kind: 'quantity', value: 4100, unit: '万美元', qualifiers: ['多'], printed: '4100多万美元' },
      { kind: 'quantity', value: 300, unit: '人', qualifiers: ['余'], printed: '300余人' },
      { kind: 'quantity', value: 1.2, unit: '万亩', qualifiers: ['余'], printed: '1.2万余亩' },
      { kind: 'quantity', value: 12, unit: '%', qualifiers: ['以上'], printed: '12%以上' },
      { kind: 'quantity', value: 300, unit: '家', qualifiers: ['左右'], printed: '300家左右' },
      { kind: 'quantity', value: 10, unit: '个', qualifiers: ['不足'], printed: '不足10个' },
    ]);
    expect(read('预计达到500万元，力争突破300家，预计超过2亿元')).toEqual([
      { kind: 'quantity', value: 500, unit: '万元', qualifiers: ['预计'], printed: '预计达到500万元' },
      { kind: 'quantity', value: 300, unit: '家', qualifiers: ['力争'], printed: '力争突破300家' },
      { kind: 'quantity', value: 2, unit: '亿元', qualifiers: ['预计', '超过'], printed: '预计超过2亿元' },
    ]);
    for (const q of scanQuantities('约300余人，预计超过2亿元')) {
      for (const x of q.qualifiers) expect(QUALIFIERS).toContain(x);
    }
  });

  it('reads a rate of change as its own kind, not a share', () => {
    expect(read('产值同比增长57%，占比57%，同比下降3.2个百分点，增长了1.5倍')).toEqual([
      { kind: 'rate', value: 57, unit: '%', change: '同比增长', printed: '同比增长57%' },
      { kind: 'quantity', value: 57, unit: '%', printed: '57%' },
      { kind: 'rate', value: 3.2, unit: '个百分点', change: '同比下降', printed: '同比下降3.2个百分点' },
      { kind: 'rate', value: 1.5, unit: '倍', change: '增长', printed: '增长了1.5倍' },
    ]);
  });

  it('keeps a full date and a range as one entry', () => {
    expect(
      read('2021年9月1日，自2021年7月至2022年10月，5万元至200万元，2021—2025年，1—8月，9月1日，11月末，2021年年底'),
    ).toEqual([
      { kind: 'date', value: '2021-09-01', printed: '2021年9月1日' },
      { kind: 'date', value: '2021-07', to: '2022-10', printed: '2021年7月至2022年10月' },
      { kind: 'quantity', value: 5, to: 200, unit: '万元', printed: '5万元至200万元' },
      { kind: 'date', value: '2021', to: '2025', printed: '2021—2025年' },
      { kind: 'date', value: '--01', to: '--08', printed: '1—8月' },
      { kind: 'date', value: '--09-01', printed: '9月1日' },
      { kind: 'date', value: '--11', qualifiers: ['末'], printed: '11月末' },
      { kind: 'date', value: '2021', qualifiers: ['年底'], printed: '2021年年底' },
    ]);
  });

  it('reads Chinese numerals that count (五大, 三镇, 两街) and ordinals', () => {
    expect(read('实施五大行动，辐射三镇两街，两个园区，十项工程，第十四批，一批项目，一站式')).toEqual([
      { kind: 'quantity', value: 5, unit: '大', printed: '五大' },
      { kind: 'quantity', value: 3, unit: '镇', printed: '三镇' },
      { kind: 'quantity', value: 2, unit: '街', printed: '两街' },
      { kind: 'quantity', value: 2, unit: '个', printed: '两个' },
      { kind: 'quantity', value: 10, unit: '项', printed: '十项' },
      { kind: 'ordinal', value: 14, unit: '批', printed: '第十四批' },
    ]);
  });

  it('tells names made of numerals from quantities: places, campaigns, enumerations, plans, codes', () => {
    const found = scanQuantities('二十家子镇的三年攻坚，三次产业，一二三产业，“十四五”，5G基站，G101线');
    expect(found.map((q) => q.kind)).toEqual(['name', 'name', 'name', 'name', 'name', 'name', 'name']);
    expect(found.map((q) => q.why?.split(' ')[0])).toEqual([
      '地名',
      '行动名称',
      '产业分类',
      '产业分类',
      '序列或名称',
      '代码或型号',
      '代码或型号',
    ]);
  });
});

describe('quoteFor', () => {
  it('starts and ends at word boundaries and never inside another number', () => {
    const text = '全区新建高标准农田3.5万亩，带动1200户农户增收，粮食产量达到12.6万吨。';
    const all = scanQuantities(text);
    const quotes = all.map((q) => quoteFor(text, q, all));
    expect(quotes).toEqual(['新建高标准农田3.5万亩', '带动1200户', '粮食产量达到12.6万吨']);
    const dense = '3镇1街25个行政村';
    const inDense = scanQuantities(dense);
    expect(inDense.map((q) => quoteFor(dense, q, inDense))).toEqual(['3镇', '3镇1街', '3镇1街25个']);
  });
});

describe('lostDigits', () => {
  it('finds numbers whose digits the layout lost', () => {
    const text = '项目占地.4亩，安排余人就业，带动当地至少户家庭增收，比年一季度增长，存栏生猪万头。';
    expect(lostDigits(text).map((l) => l.printed)).toEqual(['.4', '余人', '至少户', '年', '万头']);
  });
  it('leaves whole numbers and ordinary words alone', () => {
    const text =
      '项目占地0.4亩，其余人员和业余人才，安排300余人就业，比上年一季度增长，存栏生猪1.2万头，近万头，今年一季度。';
    expect(lostDigits(text)).toEqual([]);
  });
});
