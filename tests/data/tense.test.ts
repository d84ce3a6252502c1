import { describe, expect, it } from 'vitest';
import { statusMismatch, tensesIn } from '../../src/data/numbers.ts';
import { datasetSchema } from '../../src/data/dataset-schema.ts';

// Fiction: a made-up dataset around the report's kind of sentences.
const dataset = (rows: object[], asOf = '2021年9月初（报道中的“目前”）') => ({
  id: 'fiction',
  report: 'fiction-2020-01',
  title: '虚构',
  description: '虚构的测试数据。',
  stories: ['fiction'],
  asOf,
  unitNote: '日期。',
  notes: [],
  rows,
});
const dated = (over: object) => ({
  id: 'due',
  label: '某工程竣工',
  value: '2021',
  unit: '年',
  qualifier: '年底',
  status: 'planned',
  source: { paragraph: 'fiction-p01', quote: '某工程计划2021年年底竣工' },
  ...over,
});
const messages = (json: unknown) => {
  const r = datasetSchema.safeParse(json);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('tense of a quote', () => {
  it('reads done, planned and target words', () => {
    expect(tensesIn('现已完成213项').map((t) => t.status)).toEqual(['done']);
    expect(tensesIn('主体工程将于11月末全部结束').map((t) => t.status)).toEqual(['planned']);
    expect(tensesIn('力争到2025年达到12%以上').map((t) => t.status)).toEqual(['target']);
  });

  it('refuses a status the quote contradicts, and accepts one a bare date leaves open', () => {
    expect(statusMismatch('done', '主体工程将于11月末全部结束')).toMatch(/“将于” \(planned\)/);
    expect(statusMismatch('planned', '主体工程将于11月末全部结束')).toBeUndefined();
    expect(statusMismatch('planned', '2022年5月正式投入使用')).toBeUndefined();
  });
});

describe('dated rows in a dataset', () => {
  it('accept a plan dated after the report', () => {
    expect(messages(dataset([dated({})]))).toEqual([]);
  });

  it('need a status', () => {
    expect(messages(dataset([dated({ status: undefined })]))).toEqual([
      expect.stringMatching(/^rows\.0\.status: is missing: a dated row says whether it happened/),
    ]);
  });

  it('refuse a status the quote contradicts', () => {
    expect(messages(dataset([dated({ status: 'done' })]))[0]).toMatch(/^rows\.0\.status: status "done".*“计划”/);
  });

  it('refuse something done after the report’s date, or planned before it', () => {
    const late = dated({ status: 'done', source: { paragraph: 'fiction-p01', quote: '2021年年底竣工' } });
    expect(messages(dataset([late]))).toEqual([
      expect.stringContaining('is after the report\'s date 2021年9月初 (asOf); use "planned" or "target"'),
    ]);
    const early = dated({
      value: '2021-06',
      unit: '年月',
      qualifier: undefined,
      source: { paragraph: 'fiction-p01', quote: '2021年6月开工' },
    });
    expect(messages(dataset([early]))).toEqual([
      expect.stringContaining('is before the report\'s date 2021年9月初 (asOf); use "done" or "in-progress"'),
    ]);
  });

  it('accept the date positions the report prints', () => {
    for (const qualifier of ['年底', '年末', '上半年', '下半年', '初', '末'])
      expect(messages(dataset([dated({ qualifier, value: '2022', status: 'planned' })]))).toEqual([]);
  });
});
