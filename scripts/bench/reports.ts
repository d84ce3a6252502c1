/**
 * The synthetic archive's reports (contract 1: content/reports/<report-id>/ with received.txt, report.json,
 * corrections.json and meta.json). Each synthetic report is a copy of the site's first report whose paragraph ids
 * are prefixed with the copy's id, as a new report's ids are, so every quote of the synthetic datasets is found,
 * word for word, in the report its dataset names. The copies are fiction and their meta.json says so.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportRef } from './synthetic.ts';

/** The report the synthetic reports copy. */
export const BENCH_REPORT = 'longcheng-2021-09';

/** Whether the project keeps its reports under content/reports/ (else the one report of content/source/). */
export function hasReportFolders(root: string): boolean {
  return existsSync(join(root, 'content/reports', BENCH_REPORT, 'report.json'));
}

/** Where the cleaned text of the copied report is. */
export function benchReportJson(root: string): string {
  return hasReportFolders(root)
    ? join(root, 'content/reports', BENCH_REPORT, 'report.json')
    : join(root, 'content/source/report.json');
}

/** Returns a value with every string that is a key of `ids` replaced by its mapped id (deep). */
function renameIds(value: unknown, ids: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return ids.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => renameIds(v, ids));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renameIds(v, ids)]));
  return value;
}

/** Writes content/reports/<id>/ as a copy of BENCH_REPORT with prefixed paragraph ids; returns how to refer to it. */
export function writeSyntheticReport(root: string, id: string, n: number): ReportRef {
  const from = join(root, 'content/reports', BENCH_REPORT);
  const to = join(root, 'content/reports', id);
  const read = (name: string) => JSON.parse(readFileSync(join(from, name), 'utf8'));
  const report = read('report.json') as { sections: { blocks: { id: string }[] }[] };
  const ids = new Map(report.sections.flatMap((s) => s.blocks.map((b) => [b.id, `${id}-${b.id}`] as const)));
  const paragraph = (p: string) => ids.get(p) ?? p;
  mkdirSync(to, { recursive: true });
  writeFileSync(join(to, 'received.txt'), readFileSync(join(from, 'received.txt')));
  for (const name of ['report.json', 'corrections.json'])
    writeFileSync(join(to, name), `${JSON.stringify(renameIds(read(name), ids), null, 2)}\n`);
  const meta = read('meta.json');
  writeFileSync(
    join(to, 'meta.json'),
    `${JSON.stringify(
      {
        ...meta,
        $comment: `Synthetic report ${n} of the build benchmark (npm run bench): a copy of ${BENCH_REPORT} with its paragraph ids prefixed. Fiction, never published.`,
        title: `${meta.title}（基准测试合成副本${n}）`,
      },
      null,
      2,
    )}\n`,
  );
  return { id, paragraph };
}
