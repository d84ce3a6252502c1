/**
 * Placeholder content for a new story of one report: a paragraph of that report that prints a few numbers with
 * units, and dataset rows quoting them. Every row is run through the same provenance check as the build, so the
 * scaffold builds as it is, for any report.
 */
import type { Report } from '../data/report.ts';
import { QUALIFIERS, type Row } from '../data/dataset-schema.ts';
import { checkSource, numbersInQuote } from '../data/provenance.ts';

export interface Placeholder {
  section: string;
  paragraph: string;
  text: string;
  rows: Row[];
}

const ROW_IDS = ['first', 'second', 'third'];

/**
 * Returns up to three rows quoting numbers from one paragraph's text, each passing the source check, all in the
 * paragraph's most frequent unit (a chart never mixes units on one axis).
 */
export function placeholderRows(paragraph: string, text: string): Row[] {
  const all = candidateRows(paragraph, text);
  const count = (unit: string) => all.filter((r) => r.unit === unit).length;
  const unit = all.map((r) => r.unit).sort((a, b) => count(b) - count(a))[0];
  return all
    .filter((r) => r.unit === unit)
    .slice(0, ROW_IDS.length)
    .map((r, i) => ({ ...r, id: ROW_IDS[i]! }));
}

function candidateRows(paragraph: string, text: string): Row[] {
  const paragraphs = new Map([[paragraph, text]]);
  const rows: Row[] = [];
  let from = 0;
  for (const n of numbersInQuote(text)) {
    // Arabic numerals only: a quote such as 两个 reads poorly as an example of a figure.
    if (!n.unit || !/\d/.test(n.printed)) continue;
    // One qualifier at most, so the row says exactly what is printed (约300余人 would need a choice).
    if (n.qualifiers.length > 1) continue;
    const qualifier = n.qualifiers[0];
    if (qualifier && !(QUALIFIERS as readonly string[]).includes(qualifier)) continue;
    const at = text.indexOf(n.printed, from);
    if (at < 0) continue;
    from = at + n.printed.length;
    // A few words before the number make the quote readable (共计18个), stopping at punctuation or another number.
    let start = at;
    while (start > 0 && at - start < 6 && /[\p{Script=Han}]/u.test(text[start - 1]!)) start--;
    const quote = text.slice(start, from);
    const row = {
      id: 'row',
      label: `示例：${quote}`,
      value: n.value,
      unit: n.unit,
      ...(qualifier ? { qualifier } : {}),
      source: { paragraph, quote },
    } as Row;
    if (!checkSource(row, paragraphs)) rows.push(row);
  }
  return rows;
}

/** The fewest rows a bar chart draws (fewer are a key figure or a sentence, not a chart). */
export const CHART_ROWS = 3;

/**
 * Returns the first body paragraph of a report (printed order) that gives enough rows for the example chart, or
 * failing that the paragraph that gives the most rows (the scaffold then has no chart).
 */
export function placeholderFor(report: Report): Placeholder | undefined {
  let best: Placeholder | undefined;
  for (const section of report.sections) {
    for (const block of section.blocks) {
      if (block.role !== 'body') continue;
      const rows = placeholderRows(block.id, block.text);
      const found = { section: section.id, paragraph: block.id, text: block.text, rows };
      if (rows.length >= CHART_ROWS) return found;
      if (rows.length > (best?.rows.length ?? 0)) best = found;
    }
  }
  return best;
}
