/** Keeps big datasets drawable: the largest rows stay, the rest are summed into one derived row. */
import { formatNumber } from '../lib/format.ts';
import type { ChartDatum } from './types.ts';

/** Returns at most `max` rows (the largest, in their original order) plus a note when rows were folded. */
export function capRows(data: readonly ChartDatum[], max: number): { rows: ChartDatum[]; note?: string } {
  if (data.length <= max) return { rows: [...data] };
  const keep = max - 1;
  const ranked = data.map((d, i) => ({ d, i })).sort((a, b) => b.d.value - a.d.value || a.i - b.i);
  const kept = ranked
    .slice(0, keep)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.d);
  const rest = ranked.slice(keep).map((x) => x.d);
  const units = new Set(rest.map((d) => d.unit));
  const note = `共${data.length}项，显示最大的${keep}项，其余${rest.length}项${units.size === 1 ? '合计' : '略'}`;
  if (units.size !== 1) return { rows: kept, note };
  const sum = rest.reduce((s, d) => s + d.value, 0);
  const others: ChartDatum = {
    key: '__others',
    label: `其余${rest.length}项合计`,
    value: Number(formatNumber(sum, 2)),
    unit: rest[0]!.unit,
    derived: true,
  };
  return { rows: [...kept, others], note };
}

/** Sorts rows by value ('desc' / 'asc') or keeps the editor's order ('none'). */
export function sortRows(data: readonly ChartDatum[], order: 'desc' | 'asc' | 'none'): ChartDatum[] {
  if (order === 'none') return [...data];
  const sign = order === 'desc' ? -1 : 1;
  return data
    .map((d, i) => ({ d, i }))
    .sort((a, b) => sign * (a.d.value - b.d.value) || a.i - b.i)
    .map((x) => x.d);
}
