/** The contract between datasets, the <Chart> component and the chart kinds. */
import type { AmountQualifier, Status } from '../data/numbers.ts';

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
  /** Where the date sits within its month or year, as printed after it: 末, 年底, 初, 上半年 … (see time.ts). */
  datePosition?: string;
  /** What the row counts or measures, as the dataset declares it (入驻企业, 物流项目); rows compare only within one. */
  measure?: string;
  /** Whether the report says it happened, is under way, is planned or is a target (drawn filled or hollow). */
  status?: Status;
}

export interface ChartOutput {
  svg: string;
  description: string;
}
