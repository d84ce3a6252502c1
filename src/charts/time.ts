/**
 * Dates as the report prints them: a precision (年, 年月, 年月日) and a position within it (初, 上半年, 末, 年底 …).
 * A printed date is a stretch of time, not an instant: 2021年年底 is December 2021, 11月末 the last third of
 * November, 2023年 the whole year. A timeline orders its rows by these stretches; spans count as the report counts.
 */

import { DATE_QUALIFIERS, scanQuantities } from '../data/numbers.ts';

/** A word printed after a date that narrows it: a date qualifier of the number rules (末, 年底, 上半年, 初 …). */
export type DatePosition = string;

export type Precision = 'year' | 'month' | 'day';

export interface PrintedDate {
  /** ISO-like value: "2021", "2021-11", "2021-09-01". */
  value: string;
  precision: Precision;
  position?: DatePosition;
  /** Start (inclusive) and end (exclusive) of the stretch of time, in UTC milliseconds. */
  from: number;
  to: number;
}

const DAY = 86_400_000;

/** Returns the stretch of time a printed date stands for, or undefined when the value is unreadable. */
export function printedDate(value: string, position?: string): PrintedDate | undefined {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : undefined;
  const d = m[3] ? Number(m[3]) : undefined;
  const pos = position && (DATE_QUALIFIERS as readonly string[]).includes(position) ? position : undefined;
  if (d !== undefined && mo !== undefined) {
    const from = Date.UTC(y, mo - 1, d);
    return { value, precision: 'day', position: pos, from, to: from + DAY };
  }
  if (mo !== undefined) {
    const start = Date.UTC(y, mo - 1, 1);
    const next = Date.UTC(y, mo, 1);
    // 初 / 中旬 / 末 are the month's thirds (上旬, 中旬, 下旬).
    const [from, to] =
      pos === '初' || pos === '月初'
        ? [start, start + 10 * DAY]
        : pos === '中旬'
          ? [start + 10 * DAY, start + 20 * DAY]
          : pos === '末' || pos === '底' || pos === '月末' || pos === '月底'
            ? [start + 20 * DAY, next]
            : [start, next];
    return { value, precision: 'month', position: pos, from, to };
  }
  const month = (k: number) => Date.UTC(y, k, 1);
  const [from, to] =
    pos === '上半年'
      ? [month(0), month(6)]
      : pos === '下半年'
        ? [month(6), month(12)]
        : pos === '初' || pos === '年初'
          ? [month(0), month(1)]
          : pos === '末' || pos === '底' || pos === '年底' || pos === '年末'
            ? [month(11), month(12)]
            : [month(0), month(12)];
  return { value, precision: 'year', position: pos, from, to };
}

/** The instant a row is ordered by: the middle of the date's stretch (2021年年底 → mid-December 2021). */
export function placeOf(date: PrintedDate): number {
  return (date.from + date.to) / 2;
}

/**
 * Where a span's end row is ordered: a span starts at the start of its printed start date and ends at the end of its
 * printed end date, so 2021年至2023年 runs from 1 January 2021 to the end of December 2023 (three years, as the
 * report counts it), and 2021年7月至2022年10月 from 1 July 2021 to the end of October 2022.
 */
export function spanPlaceOf(date: PrintedDate, end: 'start' | 'end'): number {
  return end === 'start' ? date.from : date.to;
}

/**
 * Prints a date as the report does: 2021年11月末, 2021年年底, 2021年9月1日, 2023年; without the year (9月1日) when the
 * report does not print it (a dataset row's yearInferred).
 */
export function formatPrinted(date: Pick<PrintedDate, 'value' | 'position'> & { yearInferred?: boolean }): string {
  const [y, mo, d] = date.value.split('-');
  let out = date.yearInferred ? '' : `${y}年`;
  if (mo) out += `${Number(mo)}月`;
  if (mo && d) out += `${Number(d)}日`;
  return out + (date.position ?? '');
}

/**
 * Counts a span the way the report does: whole years inclusive when both ends are years (2021年至2023年 is three
 * years), else whole months between the months (2021年7月至2022年10月 is 15个月), else days.
 */
export function spanLength(start: PrintedDate, end: PrintedDate): { count: number; unit: '年' | '个月' | '天' } {
  if (start.precision === 'year' && end.precision === 'year')
    return { count: Number(end.value) - Number(start.value) + 1, unit: '年' };
  if (start.precision !== 'day' || end.precision !== 'day') {
    const months = (s: string) => {
      const [y = 0, m = 1] = s.split('-').map(Number);
      return y * 12 + m - 1;
    };
    return { count: months(end.value) - months(start.value), unit: '个月' };
  }
  return { count: Math.round((end.from - start.from) / DAY), unit: '天' };
}

/**
 * Finds the first date printed in a text such as a dataset's asOf ("2021年9月初（报道中的“目前”）"); a date after
 * 报道时间 wins, so "目标：2025年末；报道时间2021年9月" gives 2021年9月. Returns it as printed, or undefined.
 */
export function findPrintedDate(text: string): { printed: string; date: PrintedDate } | undefined {
  // The number rules read printed dates (src/data/numbers/scan.ts); a date without its year cannot place a report.
  const dates = scanQuantities(text).filter((q) => q.kind === 'date' && q.date && !q.date.startsWith('-'));
  const q = dates.find((d) => text.slice(0, d.start).endsWith('报道时间')) ?? dates[0];
  const date = q && printedDate(q.date!, q.qualifiers[0]);
  return date && { printed: text.slice(q.start, q.stop), date };
}
