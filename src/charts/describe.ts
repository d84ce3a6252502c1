/** Builds the Chinese sentences that describe a chart's main point. */
import { formatValue } from '../lib/format.ts';
import type { ChartDatum } from './types.ts';

/** Returns a row's label with its value in brackets: 科技型中小企业（66家）. */
export function labelled(d: ChartDatum): string {
  return `${d.label}（${formatValue(d.value, d.unit, d.qualifier)}${d.derived ? '，计算值' : ''}）`;
}

/** Names the largest and smallest rows when they share a unit: 最多的是…，最少的是…。 */
export function extremes(data: readonly ChartDatum[]): string {
  if (data.length === 0) return '';
  if (data.length === 1) return `${labelled(data[0]!)}。`;
  if (new Set(data.map((d) => d.unit)).size > 1) return `各项单位不同，数值见图中标注。`;
  let max = data[0]!;
  let min = data[0]!;
  for (const d of data) {
    if (d.value > max.value) max = d;
    if (d.value < min.value) min = d;
  }
  if (max.value === min.value) return `各项数值相同，均为${formatValue(max.value, max.unit)}。`;
  return `最多的是${labelled(max)}，最少的是${labelled(min)}。`;
}

/** Returns the subject phrase for "比较N项…": the subject option or a generic 数值. */
export function subject(n: number, what: unknown, measure = '项'): string {
  return typeof what === 'string' && what ? `${n}${measure}${what}` : `${n}项数值`;
}
