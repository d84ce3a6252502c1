/** Reads kind options that may arrive as strings from MDX attributes. */

/** Returns a finite number from a number or numeric string, else the fallback. */
export function numberOption(value: unknown, fallback: number): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : fallback;
}

/** Returns a string option, else the fallback. */
export function stringOption(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

/** Returns the chart width: at least 240, default 320. */
export function widthOption(value: unknown): number {
  return Math.max(240, Math.round(numberOption(value, 320)));
}

/** Returns the requested sort order: 'desc', 'asc' or 'none' (data order, the default). */
export function sortOption(value: unknown): 'desc' | 'asc' | 'none' {
  return value === 'desc' || value === 'asc' ? value : 'none';
}
