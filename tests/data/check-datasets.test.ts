import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { readDatasetDir } from '../../src/data/datasets.ts';
import { checkDatasetTexts, parseJson } from '../../src/data/check-datasets.ts';
import { evaluateFormula } from '../../src/data/formulas.ts';
import { numbersInQuote } from '../../src/data/provenance.ts';

const fixtures = 'tests/fixtures/data';
const run = (name: string) => readDatasetDir(`${fixtures}/${name}`);

// One broken fixture per failure an editor can make; each message must name the file, the JSON path and the reason.
const cases: Record<string, RegExp[]> = {
  'malformed-json': [/malformed-json\.json:6:1: malformed JSON/, /line 6, column 1/],
  'missing-field': [/missing-field\.json: title: is missing/],
  'unknown-unit': [
    /unknown-unit\.json: rows\[0\]\.unit: \(row "projects"\) "千个" is not a known unit; use one of .*亿元.*src\/data\/units\.ts/,
  ],
  'missing-provenance': [
    /missing-provenance\.json: rows\[0\]\.source: \(row "projects"\) is missing: every row needs a source \{ paragraph, quote \} or.*derived/,
  ],
  'both-provenance': [/both-provenance\.json: rows\[0\]\.derived: .*either source .* or derived .*not both/],
  'unknown-paragraph': [
    /unknown-paragraph\.json: rows\[0\]\.source\.paragraph: \(row "projects"\) "logistics-p99" is not a paragraph id/,
  ],
  'quote-not-in-paragraph': [
    /quote-not-in-paragraph\.json: rows\[0\]\.source\.quote: \(row "projects"\) "物流项目共计19个" does not occur in paragraph logistics-p02 — copy the sentence exactly from its report's source page \(#logistics-p02\)/,
  ],
  'value-not-in-quote': [
    /value-not-in-quote\.json: rows\[0\]\.value: \(row "projects"\) 19 does not occur in the quote "物流项目共计18个"; the quote states 18个/,
  ],
  'wrong-unit': [/wrong-unit\.json: rows\[0\]\.unit: \(row "projects"\) "家" is not the unit printed with 18/],
  'missing-qualifier': [
    /missing-qualifier\.json: rows\[0\]\.qualifier: \(row "length"\) the quote prints "约60公里"; set "qualifier": "约"/,
  ],
  'date-not-in-quote': [
    /date-not-in-quote\.json: rows\[0\]\.value: \(row "end"\) 2022-11 \(年月\) is printed "2022年11月", which does not occur in the quote/,
  ],
  'derived-input-missing': [
    /derived-input-missing\.json: rows\[1\]\.derived\.inputs\[1\]: \(row "rest"\) "operating" is not a row of dataset derived-input-missing/,
  ],
  'derived-wrong-value': [
    /derived-wrong-value\.json: rows\[2\]\.value: \(row "rest"\) 12 is not what the formula "projects - operating" gives: 11/,
  ],
  'duplicate-row-id': [/duplicate-row-id\.json: rows\[1\]\.id: "projects" is already the id of rows\[0\]/],
  'id-mismatch': [/id-mismatch\.json: id: "logistics-projects" does not match the file name id-mismatch\.json/],
  'unknown-story': [/unknown-story\.json: stories\[1\]: "no-such-story" is not a story; stories are .*logistics/],
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
    expect(errors.join('\n')).toMatch(/id: "many" does not match the file name other\.json/);
    expect(errors.join('\n')).toMatch(/stories\[0\]: "nope" is not a story/);
    expect(errors.join('\n')).toMatch(/rows\[0\]\.value: \(row "a"\) 19 does not occur/);
    expect(errors.join('\n')).toMatch(/rows\[1\]\.unit: \(row "b"\) "斤" is not a known unit/);
    expect(errors.join('\n')).toMatch(/rows\[2\]\.source: \(row "c"\) is missing/);
  });

  it("refuses a quote from another report than the dataset's, and an unknown report, naming file and field", () => {
    // Fiction: two reports' paragraphs side by side.
    const paragraphs = new Map([
      ['logistics-p02', '物流项目共计18个'],
      ['xugou-2031-05-harbour-p02', '港区共有泊位8个'],
    ]);
    const reports = {
      of: (p: string) => (p.startsWith('xugou-2031-05-') ? 'xugou-2031-05' : 'longcheng-2021-09'),
      ids: ['xugou-2031-05', 'longcheng-2021-09'],
    };
    const dataset = (report: string) =>
      JSON.stringify({
        id: 'mixed',
        report,
        title: '混合',
        description: '虚构的测试数据集。',
        stories: ['logistics'],
        asOf: '虚构',
        unitNote: '个',
        notes: [],
        rows: [
          {
            id: 'a',
            label: '甲',
            value: 18,
            unit: '个',
            source: { paragraph: 'logistics-p02', quote: '物流项目共计18个' },
          },
          {
            id: 'b',
            label: '乙',
            value: 8,
            unit: '个',
            source: { paragraph: 'xugou-2031-05-harbour-p02', quote: '港区共有泊位8个' },
          },
        ],
      });
    const ctx = { paragraphs, stories: ['logistics'], reports };
    const { errors } = checkDatasetTexts(
      [{ file: 'content/data/mixed.json', text: dataset('longcheng-2021-09') }],
      ctx,
    );
    expect(errors).toEqual([
      'content/data/mixed.json: rows[1].source.paragraph: (row "b") "xugou-2031-05-harbour-p02" is a paragraph of report "xugou-2031-05", not of this dataset\'s report "longcheng-2021-09"; quote longcheng-2021-09 or move the row to a dataset of xugou-2031-05',
    ]);
    const unknown = checkDatasetTexts([{ file: 'content/data/mixed.json', text: dataset('nowhere') }], ctx).errors;
    expect(unknown[0]).toBe(
      'content/data/mixed.json: report: "nowhere" is not a report; reports are xugou-2031-05, longcheng-2021-09 (folders in content/reports/)',
    );
  });

  it('the script prints ✓ with counts, or the errors and exits 1', () => {
    const ok = spawnSync(process.execPath, ['scripts/check-data.ts', `${fixtures}/valid`], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^✓ 1 datasets, 12 values checked$/m);
    const bad = spawnSync(process.execPath, ['scripts/check-data.ts', `${fixtures}/value-not-in-quote`], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/value-not-in-quote\.json: rows\[0\]\.value: .*19 does not occur/);
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
    expect(parseJson('a.json', '{\n  "id": 1,\n  "b" 2\n}').error).toMatch(
      /^a\.json:3:7: malformed JSON: .*line 3, column 7/,
    );
  });
});
