/** Coverage: every number printed in the report is held by a dataset row or listed in not-data.json with a reason. */
import { z } from 'astro/zod';
import { ROW_REF } from './ids.ts';
import { isDateRow, type Dataset, type Row } from './dataset-schema.ts';
import { hasNumeral, scanQuantities } from './numbers.ts';

export interface NotData {
  paragraph: string;
  /** Exact words of the paragraph that contain the number(s) that are not data. */
  text: string;
  reason: string;
  /** For a number the report repeats: the rows ("dataset/rowId") that already hold it; only their values are excused. */
  heldAs?: string[];
}

export const notDataSchema = z.strictObject({
  $comment: z.string().optional(),
  entries: z.array(
    z.strictObject({
      paragraph: z.string(),
      text: z.string().min(1),
      reason: z.string().min(4),
      heldAs: z.array(z.string().regex(ROW_REF, 'must be "dataset/rowId"')).min(1).optional(),
    }),
  ),
});

export interface ReportNumber {
  paragraph: string;
  /** The digits or Chinese numeral as printed. */
  printed: string;
  /** The numeric value, or NaN for a run such as 十四五 or 一二三 that is not one number. */
  value: number;
  index: number;
  end: number;
}

/**
 * Returns every numeral printed in a text, as the scanner of src/data/numbers.ts reads it: each numeral of a
 * quantity, a date or a range, and the numerals of names (十四五, 5G) that not-data.json must explain.
 */
export function scanNumbers(paragraph: string, text: string): ReportNumber[] {
  return scanQuantities(text).flatMap((q) =>
    q.numerals.map((n) => ({ paragraph, printed: n.printed, value: n.value, index: n.index, end: n.end })),
  );
}

function occurrences(text: string, part: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) at.push(i);
  return at;
}

/** Returns true if a row held in a quote accounts for this printed number. */
function explains(row: Row, n: ReportNumber): boolean {
  if (isDateRow(row)) return row.value.split('-').map(Number).includes(n.value);
  return row.value === n.value;
}

function heldRow(datasets: readonly Dataset[], ref: string): Row | undefined {
  const [dataset, row] = ref.split('/');
  return datasets.find((d) => d.id === dataset)?.rows.find((r) => r.id === row);
}

/** Returns the problems with the not-data list: text not in its paragraph, no number in it, or a wrong heldAs. */
export function checkNotData(
  file: string,
  entries: readonly NotData[],
  paragraphs: ReadonlyMap<string, string>,
  datasets: readonly Dataset[],
): string[] {
  const errors: string[] = [];
  entries.forEach((e, i) => {
    const text = paragraphs.get(e.paragraph);
    const numbers = scanNumbers(e.paragraph, e.text);
    if (text === undefined)
      errors.push(
        `${file}: entries[${i}].paragraph: "${e.paragraph}" is not a paragraph id of any report in content/reports/`,
      );
    else if (!text.includes(e.text))
      errors.push(
        `${file}: entries[${i}].text: "${e.text}" does not occur in paragraph ${e.paragraph} — copy it exactly from its report's source page (#${e.paragraph})`,
      );
    else if (!numbers.length && !hasNumeral(e.text))
      errors.push(`${file}: entries[${i}].text: "${e.text}" holds no number`);
    (e.heldAs ?? []).forEach((ref, k) => {
      const row = heldRow(datasets, ref);
      if (!row) errors.push(`${file}: entries[${i}].heldAs[${k}]: "${ref}" is not a row of any dataset`);
      else if (!numbers.some((n) => explains(row, n)))
        errors.push(
          `${file}: entries[${i}].heldAs[${k}]: row "${ref}" holds ${row.value}, which "${e.text}" does not print`,
        );
    });
  });
  return errors;
}

/** Returns every number in the report that no source row quotes and the not-data list does not explain. */
export function coverageGaps(
  datasets: readonly Dataset[],
  paragraphs: ReadonlyMap<string, string>,
  notData: readonly NotData[],
): string[] {
  return uncoveredNumbers(datasets, paragraphs, notData).map(({ number: n, context }) => {
    return `${n.paragraph}: ${n.printed} in “…${context}…” is neither the value of a row quoting it nor listed in content/data/not-data.json`;
  });
}

/** The numbers coverageGaps reports, each with its place in its paragraph and a little text around it. */
export function uncoveredNumbers(
  datasets: readonly Dataset[],
  paragraphs: ReadonlyMap<string, string>,
  notData: readonly NotData[],
): { number: ReportNumber; context: string }[] {
  const gaps: { number: ReportNumber; context: string }[] = [];
  // Rows and entries by paragraph, gathered once: looking them up per paragraph in every dataset grew with the
  // square of the archive (about a third of the content check's CPU time at 1,000 stories).
  const byParagraph = <T>(items: readonly T[], paragraph: (item: T) => string | undefined) => {
    const map = new Map<string, T[]>();
    for (const item of items) {
      const p = paragraph(item);
      if (p !== undefined) (map.get(p) ?? map.set(p, []).get(p)!).push(item);
    }
    return map;
  };
  const rowsOf = byParagraph(
    datasets.flatMap((d) => d.rows),
    (r) => r.source?.paragraph,
  );
  const notDataOf = byParagraph(notData, (e) => e.paragraph);
  for (const [paragraph, text] of paragraphs) {
    const rows = rowsOf.get(paragraph) ?? [];
    const excused = notDataOf.get(paragraph) ?? [];
    for (const n of scanNumbers(paragraph, text)) {
      const inSpan = (part: string) => occurrences(text, part).some((at) => at <= n.index && n.end <= at + part.length);
      const held = rows.some((r) => explains(r, n) && inSpan(r.source!.quote));
      const repeat = (e: NotData) =>
        !e.heldAs ||
        e.heldAs.some((ref) => {
          const r = heldRow(datasets, ref);
          return r && explains(r, n);
        });
      if (held || excused.some((e) => inSpan(e.text) && repeat(e))) continue;
      gaps.push({ number: n, context: text.slice(Math.max(0, n.index - 8), n.end + 8).replace(/\n/g, ' ') });
    }
  }
  return gaps;
}
