/** Provenance of a stated row: its quote is in its paragraph, and its value, unit and qualifier are in its quote. */
import { isDateRow, type Row } from './dataset-schema.ts';
import { UNIT_NAMES, isDateUnit } from './units.ts';
import { parseChineseNumeral } from '../editor/numbers.ts';

const AMOUNT_UNITS = UNIT_NAMES.filter((u) => !isDateUnit(u)).sort((a, b) => b.length - a.length);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const CHINESE_DIGITS = '零〇一二两三四五六七八九十百千';
const NUMBER_IN_QUOTE = new RegExp(
  `(约|近)?(\\d+(?:\\.\\d+)?|[${CHINESE_DIGITS}]+)(多|余)?(${AMOUNT_UNITS.map(escape).join('|')})?(以上|左右|多)?`,
  'gu',
);

export interface QuotedNumber {
  value: number;
  unit?: string;
  qualifier?: string;
  printed: string;
}

/** Returns every number a quote prints, with the unit and qualifier printed around it. */
export function numbersInQuote(quote: string): QuotedNumber[] {
  const out: QuotedNumber[] = [];
  for (const m of quote.matchAll(NUMBER_IN_QUOTE)) {
    const [printed, prefix, digits, inner, unit, suffix] = m;
    const start = m.index + (prefix?.length ?? 0);
    const before = quote[start - 1] ?? '';
    // 5G, G101: codes, not quantities.
    if (/[A-Za-z.\d]/.test(before)) continue;
    const value = /\d/.test(digits!) ? Number(digits) : parseChineseNumeral(digits!);
    if (value === undefined) continue;
    const qualifier = prefix ?? inner ?? suffix;
    out.push({ value, unit, qualifier, printed: printed! });
  }
  return out;
}

/** Returns how a date row's value is printed: "2021年7月", or "9月1日" when the year is inferred. */
export function printedDate(row: { value: string; yearInferred?: true }): string {
  const [year, month, day] = row.value.split('-');
  return `${row.yearInferred ? '' : `${year}年`}${month ? `${Number(month)}月` : ''}${day ? `${Number(day)}日` : ''}`;
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
    const printed = printedDate(row);
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
    const printedQualifier = after.startsWith('年底') ? '年底' : after.startsWith('末') ? '末' : undefined;
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
  if (!withUnit.some((n) => n.qualifier === row.qualifier)) {
    const printed = withUnit[0]!;
    return {
      field: 'qualifier',
      reason: printed.qualifier
        ? `the quote prints "${printed.printed}"; set "qualifier": "${printed.qualifier}" so readers see the number is not exact`
        : `"${row.qualifier}" is not printed with ${row.value}${row.unit} in the quote "${quote}"; remove it`,
    };
  }
  return undefined;
}
