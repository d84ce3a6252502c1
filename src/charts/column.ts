import * as Plot from '@observablehq/plot';
import { formatValue } from '../lib/format.ts';
import { capRows, sortRows } from './cap.ts';
import { extremes, subject } from './describe.ts';
import { defineKind } from './kind.ts';
import { kindDeclarations, columnOptions } from './kinds.ts';
import { optionsOrThrow } from './options.ts';
import { indexed, renderPlot } from './render.ts';
import { DERIVED_NOTE, FONT, SMALL, emptyChart, frame, markOpen, note, textWidth, usable, wrap } from './svg.ts';
import type { ChartDatum, ChartOutput } from './types.ts';
import { z } from 'astro/zod';

export type ColumnOptions = z.input<typeof columnOptions>;

/** Draws vertical columns with values printed above them and wrapped labels below. */
export function column(data: readonly ChartDatum[], input: ColumnOptions): ChartOutput {
  const options = optionsOrThrow('column', columnOptions, input);
  const width = options.width;
  const clean = usable(data);
  if (clean.length === 0) return emptyChart('column', options, width);
  const { rows, note: capNote } = capRows(sortRows(clean, options.sort), options.maxBars);
  const description = `柱形图，比较${subject(clean.length, options.subject, '')}。${extremes(clean)}${capNote ? `${capNote}。` : ''}`;

  const band = (width - 2) / rows.length;
  const placed = rows.map((d, i) => {
    const value = formatValue(d.value, d.unit, d.qualifier);
    // A value wider than its column breaks between number and unit rather than overlapping its neighbour.
    const valueLines =
      textWidth(value, SMALL) > band - 2 ? value.replace(/^([约近]?[-\d.]+多?)(.*)$/, '$1\n$2') : value;
    return { datum: d, band: `b${i}`, value: valueLines, label: wrap(d.label, band - 4, FONT, 4).join('\n') };
  });
  const labelLines = Math.max(...placed.map((p) => p.label.split('\n').length));
  const valueLines = Math.max(...placed.map((p) => p.value.split('\n').length));
  const plotHeight = options.plotHeight;
  const mixedUnits = new Set(rows.map((d) => d.unit)).size > 1;
  const notes = [
    ...(capNote ? [capNote] : []),
    ...(mixedUnits ? ['各项单位不同，柱高只在同单位之间可比'] : []),
    ...(rows.some((d) => d.derived) ? [DERIVED_NOTE] : []),
  ];
  const marginTop = 4 + valueLines * 15;
  const marginBottom = 8 + labelLines * 16 + notes.length * 18;
  const height = marginTop + plotHeight + marginBottom;
  const values = rows.map((d) => d.value);

  const body = renderPlot({
    plot: {
      width,
      height,
      marginTop,
      marginBottom,
      marginLeft: 1,
      marginRight: 1,
      x: { type: 'band', domain: placed.map((p) => p.band), paddingInner: 0.25, paddingOuter: 0.1, axis: null },
      y: { domain: [Math.min(0, ...values), Math.max(0, ...values) || 1], axis: null },
      marks: [
        Plot.barY(
          placed,
          indexed<Plot.BarYOptions>({
            x: 'band',
            y1: 0,
            y2: (p: (typeof placed)[number]) => p.datum.value,
            className: 'bars',
          }),
        ),
        Plot.text(
          placed,
          indexed<Plot.TextOptions>({
            x: 'band',
            y: (p: (typeof placed)[number]) => p.datum.value,
            text: 'value',
            lineAnchor: 'bottom',
            dy: -4,
            lineHeight: 15 / SMALL,
            className: 'values',
          }),
        ),
        Plot.text(
          placed,
          indexed<Plot.TextOptions>({
            x: 'band',
            frameAnchor: 'bottom',
            text: 'label',
            lineAnchor: 'top',
            dy: 6,
            lineHeight: 16 / FONT,
            className: 'names',
          }),
        ),
        Plot.ruleY([0], { className: 'axis baseline', ariaHidden: 'true' }),
      ],
    },
    groups: ['bars', 'values', 'names'],
    open: (i) => markOpen(placed[i]!.datum, 'c1'),
    shape: { bars: () => 'class="shape"', values: () => 'class="label value small"', names: () => 'class="label"' },
  });
  const noteMarkup = notes.map((n, i) => note(1, height - (notes.length - i - 1) * 18 - 4, n)).join('');
  return {
    svg: frame({
      id: options.id,
      kind: 'column',
      title: options.title,
      description,
      width,
      height,
      body: body + noteMarkup,
    }),
    description,
  };
}

export const columnKind = defineKind({ ...kindDeclarations.column, render: column });
