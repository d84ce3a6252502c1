import { horizontalBars } from './bars.ts';
import { capRows, sortRows } from './cap.ts';
import { extremes, subject } from './describe.ts';
import { defineKind } from './kind.ts';
import { kindDeclarations, barOptions } from './kinds.ts';
import { optionsOrThrow } from './options.ts';
import { emptyChart, usable } from './svg.ts';
import type { ChartDatum, ChartOutput } from './types.ts';
import { z } from 'astro/zod';

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

export const barKind = defineKind({ ...kindDeclarations.bar, render: bar });
