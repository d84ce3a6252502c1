/** The contract between datasets, the <Chart> component and the chart kinds. */
import type { AmountQualifier } from '../data/numbers.ts';

export interface ChartDatum {
  /** Stable row id, e.g. "invested" (goes into data-key). */
  key: string;
  /** Chinese category label, e.g. "已签约项目". */
  label: string;
  /** In `unit`. */
  value: number;
  /** As printed in the report: 亿元, 万元, 万美元, 家, 个, 项, 万吨, 兆瓦, MW, 万套, 公里, %, 万, 个月, 年 … */
  unit: string;
  /** Series / category for grouped & stacked bars, waffle colours, timeline lanes, loop element types. */
  group?: string;
  /** Printed qualifier: 约60公里, 4100多万美元, 12%以上, 300家左右. */
  qualifier?: AmountQualifier;
  /** Computed by the site, not printed in the report: drawn dashed and tipped 计算值. */
  derived?: boolean;
  /** e.g. 'total' | 'part' | 'target' | 'current' | 'start' | 'end' | 'threshold'. */
  role?: string;
  /** ISO-like "2021-07", "2022-05", "2021-09-01" for timeline rows. */
  date?: string;
}

export interface ChartOptions {
  /** Unique chart id on the page, prefix for element ids (title/desc). */
  id: string;
  /** Chinese title. */
  title: string;
  /** viewBox width, default 320. Options from MDX arrive as strings, so numbers may be given as "320". */
  width?: number | string;
  [k: string]: unknown;
}

export interface ChartOutput {
  svg: string;
  description: string;
}
