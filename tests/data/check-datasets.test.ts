import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { readDatasetDir } from '../../src/data/datasets.ts';
import { checkDatasetTexts, parseJson } from '../../src/data/check-datasets.ts';
import { evaluateFormula } from '../../src/data/formulas.ts';
import { numbersInQuote } from '../../src/data/provenance.ts';

const fixtures = 'tests/fixtures/data';
const run = (name: string) => readDatasetDir(`${fixtures}/${name}`);

// One broken fixture per failure an editor can make; each message names the file, the line and column of the
// token that is wrong, what is wrong and the fix.
const cases: Record<string, RegExp[]> = {
  'malformed-json': [/malformed-json\.json:6:1: JSON 格式错误：the file ends before the \{ opened on line 5 is closed/],
  'missing-field': [/missing-field\.json:1:1: 缺少必填字段：the dataset has no "title"/],
  'unknown-unit': [/unknown-unit\.json:17:15: .*"千个" is not a known unit \(row "projects"\) — did you mean "个"\?/],
  'missing-provenance': [
    /missing-provenance\.json:13:5: .*row "projects" has neither source nor derived — add "source"/,
  ],
  'both-provenance': [/both-provenance\.json:22:7: .*row "projects" has both source and derived/],
  'unknown-paragraph': [
    /unknown-paragraph\.json:19:22: 段落 id 不存在："logistics-p99" is not a paragraph of the report — did you mean/,
  ],
  'quote-not-in-paragraph': [
    /quote-not-in-paragraph\.json:20:18: 原句不在段落中：the quote is not in paragraph logistics-p02 — copy it word for word from \/reports\/longcheng-2021-09\/source\/#logistics-p02/,
  ],
  'value-not-in-quote': [
    /value-not-in-quote\.json:16:16: 数值不在原句中：19 does not occur in the quote "物流项目共计18个"; the quote states 18个/,
  ],
  'wrong-unit': [/wrong-unit\.json:17:15: 单位与原句不符："家" is not the unit printed with 18/],
  'missing-qualifier': [
    /missing-qualifier\.json:16:16: 限定词与原句不符：the quote prints "约60公里" — set "qualifier": "约"/,
  ],
  'date-not-in-quote': [
    /date-not-in-quote\.json:16:16: 数值不在原句中：2022-11 \(年月\) is printed "2022年11月", which does not occur in the quote/,
  ],
  'derived-input-missing': [
    /derived-input-missing\.json:32:11: 行 id 不存在："operating" is not a row of dataset derived-input-missing/,
  ],
  'derived-wrong-value': [
    /derived-wrong-value\.json:36:16: 存的值不是算式结果：12 is not what the formula "projects - operating" gives: 11/,
  ],
  'duplicate-row-id': [/duplicate-row-id\.json:24:13: id 重复："projects" is already the id of rows\[0\] \(line 14\)/],
  'id-mismatch': [/id-mismatch\.json:2:9: .*"logistics-projects" is not the file name id-mismatch\.json/],
  'unknown-story': [/unknown-story\.json:8:5: 文章不存在："no-such-story" is not a story .*logistics/],
};

describe('dataset check', () => {
  it('has a fixture for every case and a case for every fixture', () => {
    const dirs = readdirSync(fixtures).filter((d) => d !== 'valid' && d !== 'README.md');
    expect(dirs.sort()).toEqual(Object.keys(cases).sort());
  });

  it('accepts a valid dataset using every kind of row: counts, qualifiers, Chinese numerals, dates, derived', () => {
    const result = run('valid');
    expect(result.errors).toEqual([]);
    expect(result.datasets).toHaveLength(1);
    expect(result.valuesChecked).toBe(12);
  });

  for (const [name, patterns] of Object.entries(cases)) {
    it(`fails on ${name}, naming file, path and reason`, () => {
      const { errors } = run(name);
      expect(errors, errors.join('\n')).toHaveLength(1);
      expect(errors[0]).toContain(`tests/fixtures/data/${name}/`);
      for (const pattern of patterns) expect(errors[0]).toMatch(pattern);
    });
  }

  it('collects every problem instead of stopping at the first', () => {
    const text = JSON.stringify({
      id: 'many',
      report: 'longcheng-2021-09',
      title: '多处错误',
      description: '测试',
      stories: ['nope'],
      asOf: '2021年9月',
      unitNote: '个',
      notes: [],
      rows: [
        {
          id: 'a',
          label: '甲',
          value: 19,
          unit: '个',
          source: { paragraph: 'logistics-p02', quote: '物流项目共计18个' },
        },
        {
          id: 'b',
          label: '乙',
          value: 7,
          unit: '斤',
          source: { paragraph: 'logistics-p02', quote: '已建成并投入运营项目7个' },
        },
        { id: 'c', label: '丙', value: 6, unit: '个' },
      ],
    });
    const { errors } = checkDatasetTexts([{ file: 'content/data/other.json', text }], {
      paragraphs: new Map([['logistics-p02', '物流项目共计18个；已建成并投入运营项目7个']]),
      stories: ['logistics'],
    });
    expect(errors).toHaveLength(5);
    expect(errors.join('\n')).toMatch(/other\.json:1:\d+: .*the id "many" is not the file name other\.json/);
    expect(errors.join('\n')).toMatch(/other\.json:1:\d+: .*"nope" is not a story/);
    expect(errors.join('\n')).toMatch(/other\.json:1:\d+: .*19 does not occur/);
    expect(errors.join('\n')).toMatch(/other\.json:1:\d+: .*"斤" is not a known unit \(row "b"\)/);
    expect(errors.join('\n')).toMatch(/other\.json:1:\d+: .*row "c" has neither source nor derived/);
  });
});

describe('numbersInQuote', () => {
  it('reads units, qualifiers and Chinese numerals as printed', () => {
    const pick = (q: string) =>
      numbersInQuote(q).map(({ value, unit, qualifiers }) => ({ value, unit, qualifier: qualifiers[0] }));
    expect(pick('达4100多万美元')).toEqual([{ value: 4100, unit: '万美元', qualifier: '多' }]);
    expect(pick('比重达到12%以上')).toEqual([{ value: 12, unit: '%', qualifier: '以上' }]);
    expect(pick('全长约60公里')).toEqual([{ value: 60, unit: '公里', qualifier: '约' }]);
    expect(pick('约6万人口')).toEqual([{ value: 6, unit: '万', qualifier: '约' }]);
    expect(pick('辐射3镇1街25个行政村')).toEqual([
      { value: 3, unit: '镇', qualifier: undefined },
      { value: 1, unit: '街', qualifier: undefined },
      { value: 25, unit: '个', qualifier: undefined },
    ]);
    expect(pick('确定了以十项工程')).toEqual([{ value: 10, unit: '项', qualifier: undefined }]);
    expect(pick('北京嘉寓150MW风力发电')).toEqual([{ value: 150, unit: 'MW', qualifier: undefined }]);
    expect(pick('面积230平方公里')).toEqual([{ value: 230, unit: '平方公里', qualifier: undefined }]);
  });

  it('does not read codes such as G101 as quantities', () => {
    expect(numbersInQuote('沿G101线')).toEqual([]);
  });
});

describe('evaluateFormula', () => {
  const values: Record<string, number> = {
    invested: 23.6,
    investment: 84.4,
    'under-construction': 6,
    total: 18,
    operating: 7,
  };
  const lookup = (id: string) => values[id]!;
  it('computes + − × ÷ with precedence and parentheses, ids with hyphens', () => {
    expect(evaluateFormula('invested ÷ investment × 100', lookup)).toBeCloseTo(27.962, 3);
    expect(evaluateFormula('total - operating - under-construction', lookup)).toBe(5);
    expect(evaluateFormula('total − (operating + under-construction)', lookup)).toBe(5);
    expect(evaluateFormula('(total - operating) * 2 / 4', lookup)).toBe(5.5);
  });
  it('refuses a formula it cannot read', () => {
    expect(() => evaluateFormula('total % operating', lookup)).toThrow(/cannot read the formula at "% operating"/);
    expect(() => evaluateFormula('(total - operating', lookup)).toThrow(/not closed/);
    expect(() => evaluateFormula('total operating', lookup)).toThrow(/left over/);
  });
});

describe('parseJson', () => {
  it('gives line and column of a syntax error', () => {
    expect(parseJson('a.json', '{\n  "id": 1,\n  "b" 2\n}').error).toBe(
      'a.json:3:7: JSON 格式错误：a colon is missing after "b" (the file is not valid JSON) — write "b": value',
    );
  });
});
