import { horizontalBars } from './bars.ts';
import { capRows, sortRows } from './cap.ts';
import { extremes, subject } from './describe.ts';
import { defineKind } from './kind.ts';
import { baseOptions, intOption, optionsOrThrow, sortOption, textOption, toggleOption } from './options.ts';
import { emptyChart, usable } from './svg.ts';
import type { ChartDatum, ChartOutput } from './types.ts';
import { z } from 'astro/zod';

export const barOptions = z.strictObject({
  ...baseOptions,
  sort: sortOption,
  subject: textOption({
    zh: '比较的是什么，用于图表说明：类科技企业数量 → “比较6类科技企业数量”。',
    en: 'What is compared, for the description.',
  }),
  maxBars: intOption(2, 30, {
    zh: '最多画几条（默认30），其余较小的行合并为一条计算值。',
    en: 'Most bars drawn (default 30); smaller rows beyond it are summed into one computed bar.',
  }),
  toggle: toggleOption,
});
export type BarOptions = z.input<typeof barOptions>;

/** Draws horizontal bars, one per row, each labelled above and with its value printed at its end. */
export function bar(data: readonly ChartDatum[], input: BarOptions): ChartOutput {
  const options = optionsOrThrow('bar', barOptions, input);
  const width = options.width;
  const clean = usable(data);
  if (clean.length === 0) return emptyChart('bar', options, width);
  const { rows, note } = capRows(sortRows(clean, options.sort), options.maxBars);
  const description = `横向条形图，比较${subject(clean.length, options.subject, '')}。${extremes(clean)}${note ? `${note}。` : ''}`;
  const svg = horizontalBars(
    'bar',
    rows.map((datum) => ({ datum, colour: 1 })),
    { id: options.id, title: options.title, width, description, notes: note ? [note] : [] },
  );
  return { svg, description };
}

export const barKind = defineKind({
  name: 'bar',
  use: { zh: '横条：比较同一种东西的几项数量', en: 'horizontal bars comparing amounts of one kind of thing' },
  options: barOptions,
  accepts: { relationship: 'magnitude', minRows: 3, values: 'amount' },
  render: bar,
});
