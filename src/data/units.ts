/**
 * Every unit a dataset may use, spelled as the report prints it, with the factor to its base unit so charts can
 * compare like with like (84.4 亿元 and 500 万元 are both money-cny; 84.4 × 1e8 元 vs 500 × 1e4 元).
 * A unit that is not here fails the data check: add it here, with its dimension and factor, when a report uses it.
 */

export type Dimension =
  | 'money-cny'
  | 'money-usd'
  | 'count'
  | 'capacity-t'
  | 'power'
  | 'sets'
  | 'length'
  | 'area'
  | 'land'
  | 'share'
  | 'people'
  | 'duration'
  | 'date';

export interface UnitInfo {
  dimension: Dimension;
  /** Multiply a value in this unit by factor to get it in `base`. Dates have no factor (they are not amounts). */
  factor: number;
  base: string;
  /** What the unit means, in Chinese, for tables and the downloads. */
  label: string;
  /** For dates: the shape of the value string (see DATE_PATTERNS). */
  datePrecision?: 'year' | 'month' | 'day';
}

export const UNITS = {
  亿元: { dimension: 'money-cny', factor: 1e8, base: '元', label: '亿元人民币' },
  万元: { dimension: 'money-cny', factor: 1e4, base: '元', label: '万元人民币' },
  万美元: { dimension: 'money-usd', factor: 1e4, base: '美元', label: '万美元' },
  // Counting words: each counts its own kind of thing, so its base is itself (家 and 个 are not added together).
  家: { dimension: 'count', factor: 1, base: '家', label: '家（企业、单位、合作社、农场）' },
  个: { dimension: 'count', factor: 1, base: '个', label: '个（项目、园区、行政村、设施等）' },
  项: { dimension: 'count', factor: 1, base: '项', label: '项（清单事项、工程、产品）' },
  户: { dimension: 'count', factor: 1, base: '户', label: '户（企业）' },
  镇: { dimension: 'count', factor: 1, base: '镇', label: '镇' },
  街: { dimension: 'count', factor: 1, base: '街', label: '街道' },
  级: { dimension: 'count', factor: 1, base: '级', label: '级（层级）' },
  万吨: { dimension: 'capacity-t', factor: 1e4, base: '吨', label: '万吨（年产能）' },
  兆瓦: { dimension: 'power', factor: 1e6, base: '瓦', label: '兆瓦（装机容量）' },
  MW: { dimension: 'power', factor: 1e6, base: '瓦', label: '兆瓦（MW，装机容量）' },
  万套: { dimension: 'sets', factor: 1e4, base: '套', label: '万套（年产能）' },
  公里: { dimension: 'length', factor: 1e3, base: '米', label: '公里' },
  平方公里: { dimension: 'area', factor: 1e6, base: '平方米', label: '平方公里' },
  万亩: { dimension: 'land', factor: 1e4, base: '亩', label: '万亩' },
  '%': { dimension: 'share', factor: 0.01, base: '比例', label: '百分比' },
  // Printed as 约6万人口: 万 alone, counting people.
  万: { dimension: 'people', factor: 1e4, base: '人', label: '万人' },
  个月: { dimension: 'duration', factor: 1, base: '个月', label: '个月' },
  // Dates hold an ISO-like string value; see DATE_PATTERNS.
  年: { dimension: 'date', factor: 1, base: '日期', label: '年份', datePrecision: 'year' },
  年月: { dimension: 'date', factor: 1, base: '日期', label: '年月', datePrecision: 'month' },
  年月日: { dimension: 'date', factor: 1, base: '日期', label: '日期', datePrecision: 'day' },
} as const satisfies Record<string, UnitInfo>;

export type Unit = keyof typeof UNITS;

/** The value string a date unit requires: "2025", "2022-05", "2021-09-01". */
export const DATE_PATTERNS = {
  year: /^\d{4}$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  day: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
} as const;

export const UNIT_NAMES = Object.keys(UNITS) as Unit[];

/** Returns true if the string is a unit in the registry. */
export function isUnit(unit: string): unit is Unit {
  return Object.hasOwn(UNITS, unit);
}

/** Returns the registry entry for a unit, or undefined for an unknown one. */
export function unitInfo(unit: string): UnitInfo | undefined {
  return isUnit(unit) ? UNITS[unit] : undefined;
}

/** Returns true if the unit holds a date (its value is a string such as "2022-05"). */
export function isDateUnit(unit: string): boolean {
  return unitInfo(unit)?.dimension === 'date';
}

/** Converts a value to its unit's base (84.4 亿元 → 8.44e9 元); rounds away binary noise. */
export function toBase(value: number, unit: string): { value: number; unit: string } {
  const info = unitInfo(unit);
  if (!info || info.dimension === 'date') throw new Error(`toBase: "${unit}" is not a unit of amount`);
  return { value: Number((value * info.factor).toPrecision(12)), unit: info.base };
}

/** Returns true if two units measure the same thing in the same base, so their values can share an axis. */
export function comparable(a: string, b: string): boolean {
  const x = unitInfo(a);
  const y = unitInfo(b);
  return !!x && !!y && x.dimension === y.dimension && x.base === y.base;
}
