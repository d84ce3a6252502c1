/** Provenance of a stated row: its quote is in its paragraph, and its value, unit and qualifier are in its quote. */
import { isDateRow, type Row } from './dataset-schema.ts';
import { DATE_QUALIFIERS, scanQuantities, type Qualifier } from './numbers.ts';
import { formatPrinted } from '../charts/time.ts';

export interface QuotedNumber {
  value: number;
  unit?: string;
  /** Every qualifier printed with the number (约300余人 → 约, 余); a row may carry any one of them. */
  qualifiers: Qualifier[];
  printed: string;
}

/** Returns every amount, count, rate or ordinal a quote prints (both ends of a range), as the scanner reads them. */
export function numbersInQuote(quote: string): QuotedNumber[] {
  return scanQuantities(quote).flatMap((q) => {
    if (q.kind === 'name' || q.kind === 'date') return [];
    const printed = quote.slice(q.start, q.stop);
    const ends = q.to ? [q.value, q.to.value] : [q.value];
    return ends.map((value) => ({ value, unit: q.unit, qualifiers: q.qualifiers, printed }));
  });
}

export function checkSource(
  row: Row,
  paragraphs: ReadonlyMap<string, string>,
): { field: string; reason: string } | undefined {
  const { paragraph, quote } = row.source!;
  const text = paragraphs.get(paragraph);
  if (text === undefined) {
    return {
      field: 'source.paragraph',
      reason: `"${paragraph}" is not a paragraph id of any report in content/reports/; look the paragraph up on its report's source page (/reports/) and copy its id`,
    };
  }
  if (!text.includes(quote)) {
    const halfWidth = /[,;:()]/.test(quote) ? ' (the report uses full-width punctuation ，；：（）)' : '';
    return {
      field: 'source.quote',
      reason: `"${quote}" does not occur in paragraph ${paragraph}${halfWidth} — copy the sentence exactly from its report's source page (#${paragraph})`,
    };
  }
  if (isDateRow(row)) {
    const printed = formatPrinted({ value: row.value, yearInferred: row.yearInferred });
    const at = quote.indexOf(printed);
    if (at < 0 || (!row.yearInferred && /\d/.test(quote[at - 1] ?? ''))) {
      const hint = row.yearInferred
        ? ''
        : ` (if the quote does not print the year, set "yearInferred": true and say why in note)`;
      return {
        field: 'value',
        reason: `${row.value} (${row.unit}) is printed "${printed}", which does not occur in the quote "${quote}"${hint}`,
      };
    }
    if (row.yearInferred && /\d{4}年/.test(quote.slice(0, at + 1))) {
      return {
        field: 'yearInferred',
        reason: `the quote "${quote}" prints the year; remove "yearInferred" and use the printed year`,
      };
    }
    const after = quote.slice(at + printed.length);
    const printedQualifier = DATE_QUALIFIERS.find((q) => after.startsWith(q));
    if (printedQualifier !== row.qualifier) {
      return {
        field: 'qualifier',
        reason: printedQualifier
          ? `the quote prints "${printed}${printedQualifier}"; set "qualifier": "${printedQualifier}"`
          : `"${row.qualifier}" is not printed after "${printed}" in the quote "${quote}"`,
      };
    }
    return undefined;
  }
  const numbers = numbersInQuote(quote);
  const sameValue = numbers.filter((n) => n.value === row.value);
  if (!sameValue.length) {
    const stated = numbers.length
      ? `; the quote states ${numbers.map((n) => `${n.value}${n.unit ?? ''}`).join(', ')}`
      : '';
    return { field: 'value', reason: `${row.value} does not occur in the quote "${quote}"${stated}` };
  }
  const withUnit = sameValue.filter((n) => n.unit === row.unit);
  if (!withUnit.length) {
    return {
      field: 'unit',
      reason: `"${row.unit}" is not the unit printed with ${row.value} in the quote "${quote}" (printed: ${sameValue.map((n) => n.printed).join(', ')})`,
    };
  }
  const printsQualifier = (n: QuotedNumber) =>
    row.qualifier ? n.qualifiers.includes(row.qualifier) : n.qualifiers.length === 0;
  if (!withUnit.some(printsQualifier)) {
    const printed = withUnit[0]!;
    const choice = printed.qualifiers.map((q) => `"${q}"`).join(' or ');
    return {
      field: 'qualifier',
      reason: printed.qualifiers.length
        ? `the quote prints "${printed.printed}"; set "qualifier": ${choice} so readers see the number is not exact`
        : `"${row.qualifier}" is not printed with ${row.value}${row.unit} in the quote "${quote}"; remove it`,
    };
  }
  return undefined;
}
