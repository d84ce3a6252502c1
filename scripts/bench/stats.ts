/** Small pure helpers for the benchmark: gzip sizes, medians and the log-log growth exponent. */
import { gzipSync } from 'node:zlib';

/** Gzip size (level 9, as a static host would pre-compress) of a string or buffer, in bytes. */
export function gzipSize(data: string | Uint8Array): number {
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  if (buf.length === 0) return 0;
  return gzipSync(buf, { level: 9 }).length;
}

/** Byte length of a string as UTF-8. */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Median of the finite numbers given (mean of the middle two for an even count); NaN when there are none. */
export function median(values: readonly (number | null | undefined)[]): number {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return Number.NaN;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
}

/**
 * Least-squares fit of log(y) = k·log(x) + c over the points given; returns k, the growth exponent
 * (1 = linear, 2 = quadratic). Needs at least two points with distinct positive x and positive y.
 */
export function growthExponent(points: readonly { x: number; y: number }[]): number {
  const ps = points.filter((p) => p.x > 0 && p.y > 0).map((p) => ({ x: Math.log(p.x), y: Math.log(p.y) }));
  if (ps.length < 2) return Number.NaN;
  const n = ps.length;
  const mx = ps.reduce((s, p) => s + p.x, 0) / n;
  const my = ps.reduce((s, p) => s + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of ps) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
  }
  return sxx === 0 ? Number.NaN : sxy / sxx;
}
