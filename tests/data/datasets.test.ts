import { describe, expect, it } from 'vitest';
import { allDatasets, findRow, getDataset, readDatasetDir } from '../../src/data/datasets.ts';
import { toCsv, toJson } from '../../src/data/downloads.ts';
import { isDateRow } from '../../src/data/dataset-schema.ts';
import { datasetTemplate } from '../../src/editor/templates.ts';
import { datasetSchema } from '../../src/data/dataset-schema.ts';
import { getReport } from '../../src/data/report.ts';
import { placeholderFor } from '../../src/editor/placeholders.ts';

describe('the real datasets', () => {
  it('all pass the check (schema, quotes, values, derived formulas, stories)', () => {
    const result = readDatasetDir('content/data');
    expect(result.errors, result.errors.join('\n')).toEqual([]);
    expect(result.datasets.length).toBeGreaterThanOrEqual(10);
    expect(result.valuesChecked).toBe(result.datasets.reduce((n, d) => n + d.rows.length, 0));
  });

  // The lists below are the first report's; another report's datasets must not change them.
  const first = () => allDatasets().filter((d) => d.report === 'longcheng-2021-09');

  it('are listed in report order, each with rows, and every story has at least one dataset', () => {
    const ids = first().map((d) => d.id);
    expect(ids[0]).toBe('key-projects');
    expect(ids).toContain('logistics-projects');
    for (const d of allDatasets()) expect(d.rows.length, d.id).toBeGreaterThan(0);
    const stories = new Set(first().flatMap((d) => d.stories));
    expect([...stories].sort()).toEqual([
      'agri-leaders',
      'civilised-city',
      'feature',
      'five-actions',
      'logistics',
      'one-plus-five',
      'rural-demo',
    ]);
  });

  it('mark computed values as derived and note the ambiguities the issue names', () => {
    const planned = findRow('logistics-projects', 'planned');
    expect(planned).toMatchObject({ value: 5, derived: { inputs: ['total', 'operating', 'under-construction'] } });
    expect(getDataset('one-plus-five').notes.join('')).toMatch(/397.*451|451.*397/);
    expect(getDataset('rural-demo').notes.join('')).toMatch(/约60公里.*59\.75公里/);
    expect(getDataset('five-actions').notes.join('')).toMatch(/59\.75公里.*约60公里/);
  });

  it('hold the schedule as dates a timeline can read', () => {
    const start = findRow('rural-demo', 'start');
    const end = findRow('rural-demo', 'end');
    expect([start.value, start.role, end.value, end.role]).toEqual(['2021-07', 'start', '2022-10', 'end']);
    // The report-wide schedule repeats the dates of the other datasets for one timeline.
    const dates = first()
      .filter((d) => d.id !== 'schedule')
      .flatMap((d) => d.rows.filter(isDateRow));
    expect(dates.map((r) => r.value).sort()).toEqual(
      [
        '2020',
        '2021',
        '2021',
        '2021-06',
        '2021-07',
        '2021-08-31',
        '2021-09-01',
        '2021-09-01',
        '2021-11',
        '2022-05',
        '2022-10',
        '2023',
        '2025',
      ].sort(),
    );
  });

  it('accept the dataset new:story scaffolds', () => {
    const report = getReport('longcheng-2021-09')!;
    const placeholder = placeholderFor(report)!;
    const result = datasetSchema.safeParse(
      datasetTemplate({ slug: 'port-logistics', title: '港口物流', order: 9, report, placeholder }),
    );
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });
});

describe('getDataset and findRow', () => {
  it('return the dataset and the row', () => {
    expect(getDataset('restructuring').title).toBe('结构调整“三篇大文章”');
    expect(findRow('restructuring', 'investment')).toMatchObject({
      value: 84.4,
      unit: '亿元',
      source: { paragraph: 'feature-p08', quote: '总投资84.4亿元' },
    });
  });
  it('return, for every id, the very dataset of the full list', () => {
    for (const d of allDatasets()) expect(getDataset(d.id)).toBe(d);
  });
  it('name close ids when a dataset or row is unknown', () => {
    expect(() => getDataset('logistics')).toThrow(/unknown dataset "logistics"; did you mean "logistics-projects"/);
    expect(() => getDataset('zzz')).toThrow(/unknown dataset "zzz"\. Known: .*restructuring/);
    expect(() => findRow('restructuring', 'investmnt')).toThrow(
      /unknown row "investmnt" in dataset "restructuring"; did you mean "investment"/,
    );
  });
});

describe('toCsv', () => {
  const csv = toCsv(getDataset('restructuring'));
  const lines = csv.slice(1).trimEnd().split('\r\n');
  it('starts with a BOM and a header that carries the units, one line per row', () => {
    expect(csv.startsWith('\uFEFF行ID,')).toBe(true);
    expect(lines[0]).toContain('数值,单位,折算数值（基本单位）,基本单位');
    expect(lines[0]).toContain('来源段落,引文,计算方法');
    expect(lines).toHaveLength(1 + getDataset('restructuring').rows.length);
  });
  it('writes the value, its scale to 元, the quote and the formula', () => {
    expect(lines.find((l) => l.startsWith('investment,'))).toBe(
      'investment,投资,总投资,,84.4,亿元,8440000000,元,total,feature-p08,总投资84.4亿元,,,',
    );
    expect(lines.find((l) => l.startsWith('invested-share,'))).toContain(
      'invested ÷ investment × 100（本站计算）,invested investment,',
    );
  });
  it('quotes cells with commas or quotes and defuses spreadsheet formulas', () => {
    const dataset = {
      ...getDataset('restructuring'),
      rows: [
        {
          id: 'x',
          label: '=HYPERLINK("a,b")',
          value: 1,
          unit: '个' as const,
          source: { paragraph: 'feature-p08', quote: '项目33个' },
        },
      ],
    };
    expect(toCsv(dataset).split('\r\n')[1]).toBe(`x,,"'=HYPERLINK(""a,b"")",,1,个,1,个,,feature-p08,项目33个,,,`);
  });
});

describe('toJson', () => {
  it('is pretty, parses back, keeps a stable key order and gives the scale of each unit', () => {
    const json = toJson(getDataset('rural-demo'));
    expect(json).toBe(toJson(getDataset('rural-demo')));
    const data = JSON.parse(json);
    expect(Object.keys(data)).toEqual([
      'id',
      'title',
      'description',
      'stories',
      'asOf',
      'unitNote',
      'notes',
      'source',
      'units',
      'rows',
    ]);
    expect(data.units['亿元']).toEqual({ dimension: 'money-cny', label: '亿元人民币', base: '元', factor: 1e8 });
    expect(data.units['年月']).toEqual({ dimension: 'date', label: '年月' });
    expect(Object.keys(data.rows.find((r: { id: string }) => r.id === 'length'))).toEqual([
      'id',
      'label',
      'group',
      'value',
      'qualifier',
      'unit',
      'source',
    ]);
    expect(data.source.paragraphs).toEqual(['rural-demo-p02', 'rural-demo-p03']);
    expect(json).toContain('\n  "id": "rural-demo",\n');
  });
});
