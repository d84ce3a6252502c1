// Every number the report prints is held by a dataset row that quotes it, or listed with a reason in
// content/data/not-data.json. Removing a row must make this fail: the second test proves it does.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { coverageGaps, scanNumbers } from '../../src/data/coverage.ts';
import { allDatasets, readNotData, reportParagraphs } from '../../src/data/datasets.ts';
import type { Dataset } from '../../src/data/dataset-schema.ts';

const paragraphs = reportParagraphs();
const datasets = allDatasets();
const notData = readNotData(
  'content/data/not-data.json',
  readFileSync('content/data/not-data.json', 'utf8'),
  paragraphs,
  datasets,
);

describe('coverage of the report', () => {
  it('the not-data list is valid: each entry is in its paragraph, holds a number, and its heldAs rows hold that number', () => {
    expect(notData.errors, notData.errors.join('\n')).toEqual([]);
    for (const e of notData.entries) expect(e.reason.length, e.text).toBeGreaterThan(8);
  });

  it('every number in the report is held by a dataset or listed as not data', () => {
    const gaps = coverageGaps(datasets, paragraphs, notData.entries);
    expect(gaps, `\n${gaps.join('\n')}`).toEqual([]);
  });

  it('fails, naming the paragraph and the number, when a row is taken out of a dataset', () => {
    // The report-wide schedule repeats dated rows, so a date is missing only when both are taken out.
    const repeats: Record<string, string> = { 'rural-demo/start': 'schedule/rural-demo-start' };
    const without = (dataset: string, row: string): Dataset[] => {
      const [otherSet, otherRow] = (repeats[`${dataset}/${row}`] ?? '/').split('/');
      return datasets.map((d) =>
        d.id === dataset || d.id === otherSet
          ? { ...d, rows: d.rows.filter((r) => r.id !== (d.id === dataset ? row : otherRow)) }
          : d,
      );
    };
    expect(coverageGaps(without('key-projects', 'huayuan-capacity'), paragraphs, notData.entries)).toEqual([
      expect.stringMatching(/^feature-p08: 1200 in “.*华源电力1200兆瓦.*” is neither/),
    ]);
    expect(coverageGaps(without('rural-demo', 'start'), paragraphs, notData.entries)).toEqual([
      expect.stringMatching(/^rural-demo-p02: 2021 /),
      expect.stringMatching(/^rural-demo-p02: 7 /),
    ]);
    // A repeat in a headline is excused only while the row it points at holds the number.
    const gaps = coverageGaps(without('civilised-city', 'projects'), paragraphs, notData.entries);
    expect(gaps.filter((g) => g.includes(' 十 '))).toHaveLength(4);
  });

  it('fails when a not-data entry is taken out', () => {
    const entries = notData.entries.filter((e) => e.text !== '“十四五”期末');
    expect(coverageGaps(datasets, paragraphs, entries)).toEqual([expect.stringMatching(/^five-actions-p06: 十四五 /)]);
  });

  it('every row quoting the report has its value found by the scanner', () => {
    for (const d of datasets) {
      for (const row of d.rows) {
        if (!row.source || typeof row.value !== 'number') continue;
        const found = scanNumbers(row.source.paragraph, row.source.quote).map((n) => n.value);
        expect(found, `${d.id}/${row.id}`).toContain(row.value);
      }
    }
  });
});

describe('scanNumbers', () => {
  const printed = (text: string) => scanNumbers('x', text).map((n) => n.printed);
  it('finds Arabic numbers with decimals and percentages', () => {
    expect(printed('总投资84.4亿元，增长57%')).toEqual(['84.4', '57']);
  });
  it('finds Chinese numerals that count, and names made of numerals', () => {
    expect(printed('两个特色主题园区')).toEqual(['两']);
    expect(printed('实施十项工程')).toEqual(['十']);
    expect(printed('“十四五”期末')).toEqual(['十四五']);
    expect(printed('以一二三产业融合发展')).toEqual(['一二三']);
    expect(printed('实施五大行动')).toEqual(['五']);
  });
  it('skips the article 一 and numerals inside words', () => {
    expect(printed('一批拥有核心竞争力的项目，一站式服务')).toEqual([]);
  });
});
