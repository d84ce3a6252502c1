/**
 * The report the synthetic archive quotes (contract 1: content/reports/<report-id>/ with received.txt, report.json,
 * corrections.json and meta.json; before that layout, content/source/).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The report the synthetic stories and datasets quote and name. */
export const BENCH_REPORT = 'longcheng-2021-09';

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
