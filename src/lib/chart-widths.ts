/**
 * The widths, in CSS pixels, at which a chart is drawn: one drawing per width the page layout gives it, shown at
 * exactly that width, so chart text keeps its size (13 px) on a phone and on a desktop instead of being scaled with
 * the drawing. src/styles/figure.css shows the right drawing with media queries at the same numbers.
 */

/** Phones: the column of a 375 px screen (1 rem margins); wider phones show it unscaled, narrower ones shrink it. */
export const PHONE = 343;
/** The text column from 40 rem (640 px) up: the 38 rem measure of src/styles/global.css. */
export const COLUMN = 608;
/** Figures that break out of the column (timelines, schematics) from 52 rem (832 px) up: 50 rem. */
export const WIDE = 800;

/** Chart kinds whose drawing needs more than the text column on a desktop. */
const BREAKOUT_KINDS: ReadonlySet<string> = new Set(['timeline', 'loop']);

export interface ChartRendering {
  width: number;
  /** Class suffix: chart-render--phone, --column or --wide. */
  size: 'phone' | 'column' | 'wide';
}

/** Tells whether a chart of this kind breaks out of the text column on wide screens. */
export function breaksOut(kind: string): boolean {
  return BREAKOUT_KINDS.has(kind);
}

/**
 * Returns the drawings a chart needs, widest first (so the first SVG in the figure is the desktop one). A breakout
 * figure also has the column drawing: between 40 and 52 rem it stays in the column, which is wider than the phone
 * drawing and narrower than the wide one (scaling either would take its text off 13 px).
 */
export function chartRenderings(kind: string): ChartRendering[] {
  const rest: ChartRendering[] = [
    { width: COLUMN, size: 'column' },
    { width: PHONE, size: 'phone' },
  ];
  return breaksOut(kind) ? [{ width: WIDE, size: 'wide' }, ...rest] : rest;
}
