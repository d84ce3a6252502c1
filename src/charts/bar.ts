import { horizontalBars } from './bars.ts';
import { capRows, sortRows } from './cap.ts';
import { extremes, subject } from './describe.ts';
import { numberOption, sortOption, widthOption } from './options.ts';
import { emptyChart, usable } from './svg.ts';
import type { ChartDatum, ChartOptions, ChartOutput } from './types.ts';

export interface BarOptions extends ChartOptions {
  /** 'desc' | 'asc' | 'none' (default: the data's order). */
  sort?: 'desc' | 'asc' | 'none';
  /** What is compared, for the description: 类科技企业数量 → “比较6类科技企业数量”. */
  subject?: string;
  /** Most bars drawn (default 30); the smallest rows beyond it are summed into one derived bar. */
  maxBars?: number | string;
}

/** Draws horizontal bars, one per row, each labelled above and with its value printed at its end. */
export function bar(data: readonly ChartDatum[], options: BarOptions): ChartOutput {
  const width = widthOption(options.width);
  const clean = usable(data);
  if (clean.length === 0) return emptyChart('bar', options, width);
  const { rows, note } = capRows(
    sortRows(clean, sortOption(options.sort)),
    Math.max(2, numberOption(options.maxBars, 30)),
  );
  const description = `横向条形图，比较${subject(clean.length, options.subject, '')}。${extremes(clean)}${note ? `${note}。` : ''}`;
  const svg = horizontalBars(
    'bar',
    rows.map((datum) => ({ datum, colour: 1 })),
    { id: options.id, title: options.title, width, description, notes: note ? [note] : [] },
  );
  return { svg, description };
}
