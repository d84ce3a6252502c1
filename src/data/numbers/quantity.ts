/** What the scanner finds: one quantity as printed, with its numerals, unit, qualifiers and kind. */
import type { Qualifier } from './qualifiers.ts';

/**
 * quantity: an amount or a count (84.4亿元, 两个); rate: a change (同比增长57%, 提高2个百分点); date: one point in
 * time, year to day kept together (2021年9月1日); ordinal: 第十四批; name: numerals that are not a quantity (十四五,
 * 一二三产业, 二十家子, 三年攻坚, 三次产业, 5G).
 */
export type QuantityKind = 'quantity' | 'rate' | 'date' | 'ordinal' | 'name';

/** One numeral as printed, with its offsets in the text. */
export interface Numeral {
  printed: string;
  /** NaN for a run that is not one number (十四五). */
  value: number;
  index: number;
  end: number;
}

export interface Quantity {
  kind: QuantityKind;
  /** The value (the lower end of a range); NaN for dates and names. */
  value: number;
  /** Normalised unit or measure word (% for ％); undefined when none is printed. */
  unit?: string;
  /** Printed around the number, in reading order (约300余人 → 约, 余). */
  qualifiers: Qualifier[];
  /** For a rate: the words that make it a change (同比增长). */
  change?: string;
  /** For a date: "2021-09-01", "2021-07", "2025"; without a printed year "--09-01", "--11". */
  date?: string;
  /** For a range (5万元至200万元, 2021年7月至2022年10月): the upper end; this entry is the lower end. */
  to?: { value: number; date?: string };
  /** For a name: why it is not a quantity. */
  why?: string;
  /** Every numeral of the entry (a date's year, month and day; a range's two ends). */
  numerals: Numeral[];
  /** Where a qualifier printed earlier in the clause begins (力争…10个以上): a quote must reach back to it. */
  reach?: number;
  /** Offsets of the whole phrase as printed, qualifiers and unit included. */
  start: number;
  stop: number;
}
