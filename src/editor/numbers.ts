/** Lists every number a report states, as draft dataset rows: value, unit, qualifier and a short exact quote. */
import {
  isQualifier,
  isUnit,
  quoteFor,
  scanQuantities,
  tensesIn,
  wordBoundaries,
  type Qualifier,
  type QuantityKind,
  type Status,
} from '../data/numbers.ts';

export interface FoundNumber {
  /** quantity, rate (a change such as 同比增长57%), date, ordinal; names are listed by notQuantities. */
  kind: Exclude<QuantityKind, 'name'>;
  /** The number in its printed unit; for a date an ISO-like string ("2021-09-01"; "--09-01" when no year is printed). */
  value: number | string;
  /** For a range (5万元至200万元): the upper end, in the same unit; the two become rows with role min and max. */
  upTo?: number | string;
  /** The unit as printed (亿元, 家, %, …), a date unit (年, 年月, 年月日), or "?" when none is printed. */
  unit: string;
  /** True when the unit is not yet in src/data/units.ts (a measure word such as 大 or 篇): pick a unit for the row. */
  unknownUnit?: true;
  /** The qualifier a dataset row would carry: one of QUALIFIERS in src/data/numbers.ts. */
  qualifier?: Qualifier;
  /** Further qualifiers printed with the number (约300余人): a row carries one, the others are for the editor. */
  alsoPrinted?: Qualifier[];
  /** For a rate: the words that make it a change (同比增长). */
  change?: string;
  /** For a date: whether it happened, as the quote's words say (已, 将, 力争 …; src/data/numbers/tense.ts); a row needs it. */
  status?: Status;
  /** A short exact substring of the text around the number, ready to be a dataset row's source quote. */
  quote: string;
  /** Offsets of the entry as printed (qualifiers, numerals and unit) in the text. */
  index: number;
  end: number;
}

/** Numerals that are not quantities (十四五, 二十家子, 5G), for the not-data list. */
export interface NotQuantity {
  text: string;
  why: string;
  index: number;
  end: number;
}

/** Returns every quantity in the text in reading order, with unit, qualifier and quote. */
export function extractNumbers(text: string): FoundNumber[] {
  const all = scanQuantities(text);
  const bounds = wordBoundaries(text);
  const out: FoundNumber[] = [];
  for (const q of all) {
    if (q.kind === 'name') continue;
    const quote = quoteFor(text, q, all, bounds);
    const [qualifier, ...alsoPrinted] = q.qualifiers.filter(isQualifier);
    const date = q.kind === 'date' ? q.date! : undefined;
    const unit = date ? dateUnit(date) : (q.unit ?? '?');
    out.push({
      kind: q.kind,
      value: date ?? q.value,
      ...(q.to ? { upTo: q.to.date ?? q.to.value } : {}),
      unit,
      ...(unit !== '?' && !isUnit(unit) ? { unknownUnit: true as const } : {}),
      ...(qualifier ? { qualifier } : {}),
      ...(alsoPrinted.length ? { alsoPrinted } : {}),
      ...(q.change ? { change: q.change } : {}),
      ...(date && tensesIn(quote)[0] ? { status: tensesIn(quote)[0]!.status } : {}),
      quote,
      index: q.start,
      end: q.stop,
    });
  }
  return out;
}

/** Returns the numerals of the text that are not quantities, with the reason the scanner gives. */
export function notQuantities(text: string): NotQuantity[] {
  return scanQuantities(text)
    .filter((q) => q.kind === 'name')
    .map((q) => ({ text: text.slice(q.start, q.stop), why: q.why!, index: q.start, end: q.stop }));
}

/** The dataset unit of a date as the scanner writes it: "2021-09-01" and "--09-01" 年月日, "2021-07" 年月, "2025" 年. */
function dateUnit(date: string): string {
  if (/-\d\d-\d\d$/.test(date)) return '年月日';
  return /-\d\d$/.test(date) ? '年月' : '年';
}
