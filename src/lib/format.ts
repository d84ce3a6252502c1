/**
 * Numbers for Chinese readers, in the report's own style: the unit as printed (亿元, 万美元, 家 …), its qualifier
 * where the report has one (约, 多, 以上, 左右, 近), no thousands separators, 万 / 亿 for raw magnitudes (GB/T 15835).
 * The one formatting module of the site: charts, tables, tooltips and descriptions all use it.
 */

import { QUALIFIER_PLACES, isQualifier, type Qualifier } from '../data/numbers.ts';

export type { Qualifier };

/** Strips float noise (0.1 + 0.2) while keeping every decimal the report gave. */
function clean(n: number): number {
  return Number(n.toPrecision(12));
}

/** Formats a plain number without separators or float noise: 4100, 51.79, -3.5; '—' for non-finite values. */
export function formatNumber(n: number, maxDecimals?: number): string {
  if (!Number.isFinite(n)) return '—';
  let v = clean(n);
  if (maxDecimals !== undefined) v = Number(v.toFixed(maxDecimals));
  if (Object.is(v, -0)) v = 0;
  const s = String(v);
  // String() switches to exponent notation at 1e21; a report never prints that, but stay readable.
  return /e/.test(s) ? v.toLocaleString('zh-CN', { useGrouping: false, maximumFractionDigits: 20 }) : s;
}

/**
 * Formats a value with its printed unit and qualifier, each qualifier where the number rules place it
 * (src/data/numbers.ts): 约60公里, 力争300家, 4100多万美元, 300余人, 12%以上, 300家左右.
 */
export function formatValue(value: number, unit = '', qualifier?: Qualifier | string): string {
  const num = formatNumber(value);
  if (!qualifier || !isQualifier(qualifier)) return `${num}${unit}`;
  switch (QUALIFIER_PLACES[qualifier]) {
    case 'before':
      return `${qualifier}${num}${unit}`;
    case 'inner':
      return `${num}${qualifier}${unit}`;
    default:
      return `${num}${unit}${qualifier}`;
  }
}

/** Formats a raw magnitude with 万 / 亿 (GB/T 15835): 1.23亿, 4.5万, 9800; at most two decimals. */
export function formatCompact(n: number): string {
  if (!Number.isFinite(n)) return '—';
  const sign = n < 0 ? '-' : '';
  const a = Math.abs(n);
  const round2 = (x: number) => Number(x.toFixed(2));
  if (a >= 1e8 || round2(a / 1e4) >= 1e4) return `${sign}${formatNumber(round2(a / 1e8))}亿`;
  if (a >= 1e4 || round2(a) >= 1e4) return `${sign}${formatNumber(round2(a / 1e4))}万`;
  return `${sign}${formatNumber(round2(a))}`;
}

/** Formats part / whole as a percentage with one decimal: formatShare(23.6, 84.4) → 28.0%; '—' when whole is 0. */
export function formatShare(part: number, whole: number, decimals = 1): string {
  if (!whole || !Number.isFinite(part / whole)) return '—';
  const pct = (part / whole) * 100;
  return `${(Math.round(pct * 10 ** decimals) / 10 ** decimals).toFixed(decimals)}%`;
}

/** Formats an ISO-like date as the report does: 2022-05 → 2022年5月, 2021-09-01 → 2021年9月1日, 2025 → 2025年. */
export function formatDate(date: string): string {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(date.trim());
  if (!m) return date;
  const [, y, mo, d] = m;
  let out = `${y}年`;
  if (mo) out += `${Number(mo)}月`;
  if (mo && d) out += `${Number(d)}日`;
  return out;
}

/** Counts whole months from one ISO-like date to another: 2021-07 → 2022-10 is 15. */
export function monthsBetween(from: string, to: string): number {
  const parse = (s: string) => {
    const [y = 0, m = 1] = s.split('-').map(Number);
    return y * 12 + (m - 1);
  };
  return parse(to) - parse(from);
}
