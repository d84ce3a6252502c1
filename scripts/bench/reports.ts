/**
 * The reports of the synthetic archive (contract 1: content/reports/<report-id>/ with received.txt, report.json,
 * corrections.json and meta.json). The rows the synthetic datasets hold are quoted from the site's first report
 * (BENCH_REPORT); each synthetic report is a short text made of exactly those quotes, so every number it prints is
 * the value of a row quoting it and the coverage check passes without not-data entries. The reports are generated
 * fiction for the build benchmark and say so in their own text and metadata.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The real report whose words the synthetic rows quote. */
export const BENCH_REPORT = 'longcheng-2021-09';

/** Stories per synthetic report: the archive's layout is many reports of about ten stories each. */
export const STORIES_PER_REPORT = 10;

/** Whether the project keeps its reports under content/reports/ (else the one report of content/source/). */
export function hasReportFolders(root: string): boolean {
  return existsSync(join(root, 'content/reports', BENCH_REPORT, 'report.json'));
}

/** Where the cleaned text of that report is. */
export function benchReportJson(root: string): string {
  return hasReportFolders(root)
    ? join(root, 'content/reports', BENCH_REPORT, 'report.json')
    : join(root, 'content/source/report.json');
}

/** The id of synthetic report k (1-based): also its one section's id and its paragraphs' prefix. */
export function syntheticReportId(k: number): string {
  return `bench-r${k}`;
}

/** The synthetic report that synthetic story i (1-based) belongs to. */
export function reportOfStory(i: number): number {
  return Math.ceil(i / STORIES_PER_REPORT);
}

/** Marks every synthetic paragraph as fiction; holds no numeral, so it adds nothing to cover. */
const FICTION = '（基准测试合成文本，虚构）';

/**
 * The files of synthetic report k: a headline and one body paragraph per group of quotes, in order (paragraph
 * ids `<report>-p02`, `-p03` …). received.txt is the same text (nothing to repair), corrections.json is empty.
 */
export function syntheticReport(k: number, groups: string[][]): Record<string, string> {
  const id = syntheticReportId(k);
  const blocks = [
    { id: `${id}-p01`, role: 'headline', text: '龙城区培育科技型企业 推进物流项目（基准测试合成报道）' },
    ...groups.map((quotes, j) => ({
      id: `${id}-p${String(j + 2).padStart(2, '0')}`,
      role: 'body',
      text: `${FICTION}${quotes.join('；')}。`,
    })),
  ];
  const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  return {
    'report.json': json({
      $comment: `Generated fiction for the build benchmark (scripts/bench/reports.ts): quotes of ${BENCH_REPORT} strung together.`,
      sections: [{ id, kind: 'brief', blocks }],
    }),
    'received.txt': `${blocks.map((b) => b.text).join('\n\n')}\n`,
    'corrections.json': json({
      $comment: 'Generated fiction for the build benchmark: the received text needed no repair.',
      repairs: [],
      noted: [],
    }),
    'meta.json': json({
      $comment: 'Generated fiction for the build benchmark: no newspaper printed this.',
      key: '2020-01',
      title: `基准测试合成报道（虚构）第${k}篇`,
      place: '朝阳市龙城区',
      period: '2021年9月',
      publication: null,
      date: null,
      credits: ['基准测试合成文本，虚构，不是报道'],
      byline: '基准测试合成',
      photoCredits: [],
    }),
  };
}
