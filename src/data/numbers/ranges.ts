/** Ranges: two quantities joined by 至, 到 or a dash are one entry (5万元至200万元, 2021年7月至2022年10月, 1—8月). */
import { AFTER_QUALIFIERS, BEFORE_QUALIFIERS, RANGE_JOINS } from './qualifiers.ts';
import type { Quantity } from './quantity.ts';

/** Merges "A 至 B" into one entry when the two ends measure the same thing (5万元至200万元, 2021年7月至2022年10月). */
export function joinRanges(text: string, found: Quantity[]): Quantity[] {
  const out: Quantity[] = [];
  for (const q of found) {
    const a = out.at(-1);
    if (!a || a.to || !RANGE_JOINS.includes(text.slice(a.stop, q.start))) {
      out.push(q);
      continue;
    }
    const bare = a.kind === 'quantity' && !a.unit && /^\d+$/.test(a.numerals[0]!.printed);
    if (bare && q.kind === 'date' && /^\d{4}$/.test(q.date!) && a.numerals[0]!.printed.length === 4) {
      // 2021—2025年: the first year prints no 年 of its own.
      Object.assign(a, { kind: 'date', value: Number.NaN, date: a.numerals[0]!.printed });
    } else if (bare && q.kind === 'date' && /^--\d\d$/.test(q.date!) && a.value >= 1 && a.value <= 12) {
      // 1—8月
      Object.assign(a, { kind: 'date', value: Number.NaN, date: `--${String(a.value).padStart(2, '0')}` });
    } else if (a.kind === 'quantity' && q.kind === 'quantity' && q.unit && (!a.unit || q.unit.startsWith(a.unit))) {
      // 5至20万元, 5万至200万元: the first end borrows the second's unit.
      a.unit = q.unit;
    }
    const same = a.kind === q.kind && (a.kind === 'quantity' || a.kind === 'date') && a.unit === q.unit;
    const open =
      !a.qualifiers.some((x) => AFTER_QUALIFIERS.includes(x)) &&
      !q.qualifiers.some((x) => BEFORE_QUALIFIERS.includes(x));
    if (!same || !open) {
      out.push(q);
      continue;
    }
    a.to = { value: q.value, ...(q.date ? { date: q.date } : {}) };
    a.numerals.push(...q.numerals);
    a.qualifiers.push(...q.qualifiers);
    a.stop = q.stop;
  }
  return out;
}
