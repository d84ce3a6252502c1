/** Turns dataset rows into what charts, tables and links need: chart data, display strings, anchors, sources. */
import { isDateRow, type Dataset, type Row } from './dataset-schema.ts';
import type { ChartDatum } from '../charts/types.ts';
import { formatDate, formatValue } from '../lib/format.ts';
import { isAmountQualifier } from './numbers.ts';

/** Returns the rows to draw, in the order asked for (all rows when no ids are given). */
export function selectRows(dataset: Dataset, rowIds?: readonly string[]): Row[] {
  if (!rowIds) return dataset.rows;
  return rowIds.map((id) => {
    const row = dataset.rows.find((r) => r.id === id);
    if (!row) throw new Error(`dataset "${dataset.id}" has no row "${id}"`);
    return row;
  });
}

/** Converts dataset rows to chart data; dates go to `date`, computed rows are flagged `derived`. */
export function toChartData(dataset: Dataset, rowIds?: readonly string[]): ChartDatum[] {
  return selectRows(dataset, rowIds).map((row) => {
    const base = {
      key: row.id,
      label: row.label,
      unit: row.unit,
      group: row.group,
      role: row.role,
      status: row.status,
      measure: row.measure ?? dataset.measure,
    };
    // The printed position (末, 年底 …) travels with the date, so the time axis can place it where the report does.
    if (isDateRow(row)) return { ...base, value: 0, date: row.value, datePosition: row.qualifier };
    const qualifier = row.qualifier && isAmountQualifier(row.qualifier) ? row.qualifier : undefined;
    return { ...base, value: row.value, qualifier, derived: Boolean(row.derived) };
  });
}

/** Formats a row's value the way the report prints it: 84.4亿元, 4100多万美元, 2021年11月末, 2021年年底. */
export function displayValue(row: Row): string {
  if (isDateRow(row)) return `${formatDate(row.value)}${row.qualifier ?? ''}`;
  return formatValue(row.value, row.unit, row.qualifier);
}

/** Returns the id of a row's anchor on the /data/ page. */
export function rowAnchor(datasetId: string, rowId: string): string {
  return `${datasetId}--${rowId}`;
}

/** Returns the report paragraphs the rows come from (for computed rows, the paragraphs of their inputs). */
export function rowSourceParagraphs(dataset: Dataset, rows: readonly Row[]): string[] {
  const found = new Set<string>();
  const visit = (row: Row | undefined, depth: number) => {
    if (!row || depth > 5) return;
    if (row.source) found.add(row.source.paragraph);
    else
      for (const input of row.derived?.inputs ?? [])
        if (!input.includes('/'))
          visit(
            dataset.rows.find((r) => r.id === input),
            depth + 1,
          );
  };
  for (const row of rows) visit(row, 0);
  return [...found];
}

/** Writes a computed row's formula for readers: row ids become their labels, operators become × ÷ −. */
export function formulaInWords(dataset: Dataset, row: Row): string {
  const formula = row.derived?.formula;
  if (!formula) return '';
  const labels = new Map(dataset.rows.map((r) => [r.id, `“${r.label}”`]));
  // Longest ids first, so "investment" never replaces the start of "investment-total".
  const ids = [...(row.derived?.inputs ?? [])].sort((a, b) => b.length - a.length);
  let text = ` ${formula} `;
  for (const id of ids) {
    const label = labels.get(id) ?? `“${id}”`;
    text = text.replace(new RegExp(`(?<![\\w/-])${id.replace(/[-/]/g, '\\$&')}(?![\\w-])`, 'g'), label);
  }
  return text
    .replace(/\s\*\s|×/g, ' × ')
    .replace(/\s\/\s|÷/g, ' ÷ ')
    .replace(/\s-\s|−/g, ' − ')
    .replace(/\s+/g, ' ')
    .trim();
}
