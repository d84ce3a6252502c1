/**
 * Qualifiers: the words printed around a number that say it is not exact, a bound, a plan or a point in a period.
 * Where each sits decides how it is read from the report and how it is printed back (src/lib/format.ts).
 */

/** before: 约60公里; inner: between the number and its unit, 4100多万美元; after: 12%以上; date: 11月末. */
export type QualifierPlace = 'before' | 'inner' | 'after' | 'date';

export const QUALIFIER_PLACES = {
  约: 'before',
  近: 'before',
  超过: 'before',
  逾: 'before',
  至少: 'before',
  不到: 'before',
  不足: 'before',
  预计: 'before',
  力争: 'before',
  多: 'inner',
  余: 'inner',
  以上: 'after',
  左右: 'after',
  以下: 'after',
  // Dates: the position printed after a date, which places it on a time axis (src/charts/time.ts reads them).
  末: 'date',
  年底: 'date',
  底: 'date',
  初: 'date',
  年末: 'date',
  年初: 'date',
  月末: 'date',
  月底: 'date',
  月初: 'date',
  中旬: 'date',
  上半年: 'date',
  下半年: 'date',
} as const satisfies Record<string, QualifierPlace>;

export type Qualifier = keyof typeof QUALIFIER_PLACES;

/** A qualifier of an amount or a count (everything but the date qualifiers). */
export type AmountQualifier = {
  [Q in Qualifier]: (typeof QUALIFIER_PLACES)[Q] extends 'date' ? never : Q;
}[Qualifier];

/** Every qualifier a dataset row may carry, in the order the schema lists them. */
export const QUALIFIERS = Object.keys(QUALIFIER_PLACES) as [Qualifier, ...Qualifier[]];

const placed = (place: QualifierPlace): Qualifier[] =>
  QUALIFIERS.filter((q) => QUALIFIER_PLACES[q] === place).sort((a, b) => b.length - a.length);

export const BEFORE_QUALIFIERS = placed('before');
export const INNER_QUALIFIERS = placed('inner');
export const AFTER_QUALIFIERS = placed('after');
/** Qualifiers of a date (2021年年底, 11月末, 6月底, 9月初); longest first. */
export const DATE_QUALIFIERS = placed('date');

/** Plans and targets: 预计 and 力争 may be followed by a verb before the number (力争突破300家). */
export const PLAN_QUALIFIERS: readonly Qualifier[] = ['预计', '力争'];
export const PLAN_VERBS = ['可达到', '达到', '可达', '将达', '实现', '完成', '突破', '新增', '增加', '达'];

/** Returns true if the string is a qualifier a dataset row may carry. */
export function isQualifier(q: string): q is Qualifier {
  return Object.hasOwn(QUALIFIER_PLACES, q);
}

/** Returns true if the qualifier belongs to a date (末, 年底, 底, 初). */
export function isDateQualifier(q: string): boolean {
  return isQualifier(q) && QUALIFIER_PLACES[q] === 'date';
}

/** Returns true if the qualifier belongs to an amount or a count. */
export function isAmountQualifier(q: string): q is AmountQualifier {
  return isQualifier(q) && QUALIFIER_PLACES[q] !== 'date';
}

/**
 * Rates of change: the words before a percentage or a number of points that make it a change, not a share
 * (同比增长57% is a rate; 占比57% is a share). Longest first.
 */
export const CHANGE_WORDS = [
  '同比增长',
  '同比下降',
  '同比提高',
  '同比减少',
  '同比增加',
  '环比增长',
  '环比下降',
  '年均增长',
  '增长',
  '下降',
  '提高',
  '降低',
  '增加',
  '减少',
  '上升',
  '回落',
  '增速',
];

/** Words between two numbers that make a range (5万元至200万元, 3—5年). */
export const RANGE_JOINS = ['至', '到', '~', '～', '-', '—', '－', '–', '——'];
