/**
 * Every unit a dataset may use, spelled as the report prints it, with the factor to its base unit so charts can
 * compare like with like (84.4 亿元 and 500 万元 are both money-cny; 84.4 × 1e8 元 vs 500 × 1e4 元).
 * A unit that is not here fails the data check: add it here, with its dimension and factor, when a report uses it.
 * Part of the number rules (src/data/numbers.ts): the scanner reads exactly these units after a number.
 */

export type Dimension =
  | 'money-cny'
  | 'money-usd'
  | 'count'
  | 'mass'
  | 'power'
  | 'energy'
  | 'sets'
  | 'length'
  | 'area'
  | 'land'
  | 'share'
  | 'points'
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

// Counting words count their own kind of thing, so each is its own base (家 and 个 are never added together).
const count = (word: string, label: string, factor = 1, base = word) =>
  ({ dimension: 'count', factor, base, label }) as const;

export const UNITS = {
  万亿元: { dimension: 'money-cny', factor: 1e12, base: '元', label: '万亿元人民币' },
  亿元: { dimension: 'money-cny', factor: 1e8, base: '元', label: '亿元人民币' },
  万元: { dimension: 'money-cny', factor: 1e4, base: '元', label: '万元人民币' },
  元: { dimension: 'money-cny', factor: 1, base: '元', label: '元人民币' },
  亿美元: { dimension: 'money-usd', factor: 1e8, base: '美元', label: '亿美元' },
  万美元: { dimension: 'money-usd', factor: 1e4, base: '美元', label: '万美元' },
  家: count('家', '家（企业、单位、合作社、农场）'),
  个: count('个', '个（项目、园区、行政村、设施等）'),
  项: count('项', '项（清单事项、工程、产品）'),
  户: count('户', '户（企业、农户、家庭）'),
  万户: count('万户', '万户', 1e4, '户'),
  处: count('处', '处（地点、设施）'),
  所: count('所', '所（学校、医院、机构）'),
  座: count('座', '座（建筑、桥梁）'),
  条: count('条', '条（道路、线路、措施）'),
  台: count('台', '台（设备）'),
  套: count('套', '套'),
  批: count('批', '批'),
  种: count('种', '种'),
  名: count('名', '名（人员）'),
  镇: count('镇', '镇'),
  街: count('街', '街道'),
  级: count('级', '级（层级）'),
  头: count('头', '头（牲畜）'),
  万头: count('万头', '万头（牲畜）', 1e4, '头'),
  只: count('只', '只（禽类）'),
  万只: count('万只', '万只（禽类）', 1e4, '只'),
  亿只: count('亿只', '亿只（禽类）', 1e8, '只'),
  枝: count('枝', '枝（花卉）'),
  万枝: count('万枝', '万枝（花卉）', 1e4, '枝'),
  亿枝: count('亿枝', '亿枝（花卉）', 1e8, '枝'),
  人次: count('人次', '人次'),
  万人次: count('万人次', '万人次', 1e4, '人次'),
  吨: { dimension: 'mass', factor: 1, base: '吨', label: '吨' },
  万吨: { dimension: 'mass', factor: 1e4, base: '吨', label: '万吨' },
  千瓦: { dimension: 'power', factor: 1e3, base: '瓦', label: '千瓦（装机容量）' },
  万千瓦: { dimension: 'power', factor: 1e7, base: '瓦', label: '万千瓦（装机容量）' },
  兆瓦: { dimension: 'power', factor: 1e6, base: '瓦', label: '兆瓦（装机容量）' },
  MW: { dimension: 'power', factor: 1e6, base: '瓦', label: '兆瓦（MW，装机容量）' },
  千瓦时: { dimension: 'energy', factor: 1, base: '千瓦时', label: '千瓦时（度）' },
  万千瓦时: { dimension: 'energy', factor: 1e4, base: '千瓦时', label: '万千瓦时' },
  亿千瓦时: { dimension: 'energy', factor: 1e8, base: '千瓦时', label: '亿千瓦时' },
  万套: { dimension: 'sets', factor: 1e4, base: '套', label: '万套（年产能）' },
  米: { dimension: 'length', factor: 1, base: '米', label: '米' },
  公里: { dimension: 'length', factor: 1e3, base: '米', label: '公里' },
  平方米: { dimension: 'area', factor: 1, base: '平方米', label: '平方米' },
  万平方米: { dimension: 'area', factor: 1e4, base: '平方米', label: '万平方米' },
  平方公里: { dimension: 'area', factor: 1e6, base: '平方米', label: '平方公里' },
  // Farmland is counted in 亩 (1 公顷 = 15 亩), a dimension of its own so it never shares an axis with 平方米.
  亩: { dimension: 'land', factor: 1, base: '亩', label: '亩' },
  万亩: { dimension: 'land', factor: 1e4, base: '亩', label: '万亩' },
  公顷: { dimension: 'land', factor: 15, base: '亩', label: '公顷' },
  '%': { dimension: 'share', factor: 0.01, base: '比例', label: '百分比' },
  // A change of a percentage, not a share: 提高2.3个百分点.
  个百分点: { dimension: 'points', factor: 1, base: '个百分点', label: '个百分点' },
  人: { dimension: 'people', factor: 1, base: '人', label: '人' },
  // Printed as 约6万人口: 万 alone, counting people.
  万: { dimension: 'people', factor: 1e4, base: '人', label: '万人' },
  天: { dimension: 'duration', factor: 1, base: '天', label: '天' },
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
