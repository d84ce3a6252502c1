import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allReports,
  checkReports,
  correctionsFor,
  findBlock,
  getReport,
  readReportFolders,
  reportOf,
  type ReportFiles,
} from '../../src/data/report.ts';
import { useTwoReportsRoot } from '../helpers/reports-root.ts';

/** The real first report's files, read as the loader reads them. */
const longcheng = readReportFolders('.').find((f) => f.id === 'longcheng-2021-09')!;

/** A tiny fictional report (marked as fiction) whose block ids can be chosen. */
function fiction(id: string, key: string, blockId: string, meta: Record<string, unknown> = {}): ReportFiles {
  return {
    id,
    texts: {
      'meta.json': JSON.stringify({
        key,
        title: '虚构测试版面',
        place: '虚构区',
        period: '2031年5月',
        publication: null,
        date: null,
        credits: ['本版稿件由本报记者甄文采写'],
        byline: '本报记者 甄文',
        ...meta,
      }),
      'report.json': JSON.stringify({
        sections: [
          { id: 'brief', kind: 'brief', blocks: [{ id: blockId, role: 'body', text: '虚构区新修绿道12公里。' }] },
        ],
      }),
      'corrections.json': JSON.stringify({ repairs: [], noted: [] }),
      'received.txt': '虚构区新修绿道12公里。\n',
    },
  };
}

describe('report loading', () => {
  it('loads the first report with its metadata as printed: no newspaper name or date', () => {
    const report = getReport('longcheng-2021-09')!;
    expect(report.meta).toMatchObject({ place: '朝阳市龙城区', period: '2021年9月', publication: null, date: null });
    expect(report.meta.credits).toEqual(['本版稿件由本报记者张旭采写']);
    expect(findBlock('feature-p07')?.report).toBe('longcheng-2021-09');
    expect(reportOf('feature-p07')).toBe('longcheng-2021-09');
    expect(reportOf('no-such-p01')).toBeUndefined();
  });

  it('orders reports newest first by their key', () => {
    const { reports, problems } = checkReports([
      longcheng,
      fiction('xugou-2031-05', '2031-05', 'xugou-2031-05-brief-p01'),
      fiction('xugou-2030-01', '2030-01', 'xugou-2030-01-brief-p01'),
    ]);
    expect(problems).toEqual([]);
    expect(reports.map((r) => r.id)).toEqual(['xugou-2031-05', 'xugou-2030-01', 'longcheng-2021-09']);
  });

  it('refuses a paragraph id used by two reports, naming both files and the field', () => {
    const dup = fiction('xugou-2031-05', '2031-05', 'feature-p07');
    const { problems } = checkReports([longcheng, dup]);
    const text = dup.texts['report.json']!;
    const before = text.slice(0, text.indexOf('"feature-p07"')).split('\n');
    const idAt = { line: before.length, column: before.at(-1)!.length + 1 };
    expect(problems).toEqual([
      {
        kind: 'duplicate-id',
        file: 'content/reports/xugou-2031-05/report.json',
        ...idAt,
        length: '"feature-p07"'.length,
        message: 'block id "feature-p07" is already used in content/reports/longcheng-2021-09/report.json',
        fix: 'paragraph ids are unique across all reports; prefix this report\'s ids with its id ("xugou-2031-05-…")',
      },
    ]);
  });

  it('refuses metadata that is not as required, naming the file and field', () => {
    const bad = fiction('xugou-2031-05', '2031年5月', 'xugou-2031-05-brief-p01', { credits: [] });
    const { problems, reports } = checkReports([bad]);
    expect(reports).toEqual([]);
    // The content check's own messages, at the field's place in the file.
    const meta = bad.texts['meta.json']!;
    const lineOf = (field: string) => meta.slice(0, meta.indexOf(`"${field}"`)).split('\n').length;
    expect(problems.map((p) => [p.file, p.line, p.message.slice(0, p.message.indexOf(':'))])).toEqual([
      ['content/reports/xugou-2031-05/meta.json', lineOf('key'), 'key'],
      ['content/reports/xugou-2031-05/meta.json', lineOf('credits'), 'credits'],
    ]);
  });

  it('refuses a folder without its received text, and malformed JSON, naming the file', () => {
    const missing = fiction('xugou-2031-05', '2031-05', 'xugou-2031-05-brief-p01');
    delete missing.texts['received.txt'];
    missing.texts['corrections.json'] = '{ "repairs": [ }';
    const files = checkReports([missing]).problems.map((p) => `${p.file}: ${p.kind}`);
    expect(files.sort()).toEqual([
      'content/reports/xugou-2031-05/corrections.json: json-syntax',
      'content/reports/xugou-2031-05/received.txt: report-folder',
    ]);
  });

  it("reads a report's key figures with it, and refuses a malformed key-figures.json at its place", () => {
    const chosen = fiction('xugou-2031-05', '2031-05', 'xugou-2031-05-brief-p01');
    const pick = { story: 'harbour', dataset: 'harbour-lanes', row: 'built', card: true };
    chosen.texts['key-figures.json'] = JSON.stringify({ figures: [pick] });
    expect(checkReports([chosen]).reports[0]!.keyFigures).toEqual([pick]);
    expect(
      checkReports([fiction('xugou-2031-05', '2031-05', 'xugou-2031-05-brief-p01')]).reports[0]!.keyFigures,
    ).toEqual([]);

    chosen.texts['key-figures.json'] =
      '{\n  "figures": [{ "story": "harbour", "datset": "harbour-lanes", "row": "built" }]\n}';
    const { reports, problems } = checkReports([chosen]);
    expect(reports).toEqual([]);
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message} — ${p.fix}`)).toEqual([
      `content/reports/xugou-2031-05/key-figures.json:2:${chosen.texts['key-figures.json'].split('\n')[1]!.indexOf('"datset"') + 1}: "datset" is not a field of figures[0] — did you mean "dataset"? Rename it`,
    ]);
  });
});

describe('the report loader in the dev server', () => {
  const root = useTwoReportsRoot('reports-dev-');

  it('reads a report again once one of its files changed, as the datasets are', () => {
    expect(import.meta.env.DEV).toBe(true);
    const file = join(root(), 'content/reports/xugou-2031-05/meta.json');
    const before = getReport('xugou-2031-05')!.meta.title;
    const meta = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...meta, title: `${before}（虚构改题）` }));
    expect(getReport('xugou-2031-05')!.meta.title).toBe(`${before}（虚构改题）`);
  });
});

describe('several reports in one project', () => {
  useTwoReportsRoot('reports-');

  it('finds any block site-wide and says which report it belongs to', () => {
    expect(allReports().map((r) => r.id)).toEqual(['xugou-2031-05', 'longcheng-2021-09']);
    expect(findBlock('xugou-2031-05-harbour-p02')).toMatchObject({
      report: 'xugou-2031-05',
      section: { id: 'harbour' },
    });
    expect(findBlock('feature-p07')?.report).toBe('longcheng-2021-09');
  });

  it("gives a story's corrections from its own report only", () => {
    const xugou = correctionsFor(['xugou-2031-05-harbour-p02']);
    expect(xugou.repairs.map((r) => r.why)).toEqual(['虚构测试稿：半角逗号恢复为全角。']);
    const longcheng = correctionsFor(['feature-p08']);
    expect(longcheng.repairs.some((r) => r.why.includes('虚构'))).toBe(false);
    expect(longcheng.repairs.map((r) => r.paragraph)).toContain('feature-p08');
  });
});
