import { range, sum } from 'd3';
import { formatNumber, formatValue } from '../lib/format.ts';
import { labelled } from './describe.ts';
import { defineKind } from './kind.ts';
import { kindDeclarations, waffleOptions } from './kinds.ts';
import { optionsOrThrow } from './options.ts';
import { DERIVED_NOTE, FONT, emptyChart, frame, markOpen, note, r, text, textWidth, usable, wrap } from './svg.ts';
import type { ChartDatum, ChartOutput } from './types.ts';
import { z } from 'astro/zod';

export type WaffleOptions = z.input<typeof waffleOptions>;

/** Returns a round number of units per square (1, 2, 5, 10, 20, 50 …) that keeps the square count under max. */
function unitsPerSquare(total: number, max: number): number {
  for (let e = 0; e < 16; e++) {
    for (const m of [1, 2, 5]) if (total / (m * 10 ** e) <= max) return m * 10 ** e;
  }
  return 10 ** 16;
}

/*
 * Why not Plot.waffleX: measured on this machine (200 renders after a warm-up, linkedom), Plot's waffle took 2.7 ms
 * for 18 units in 3 rows and 7.9 ms for 255 units in 6, against 0.5 and 2.4 ms here; it fills cells through a
 * generated <pattern> id (unique per page only with renumbering, and lost in a standalone SVG's reuse), and puts
 * labels on an axis rather than above each block. One path per block stays the faster, simpler drawing.
 */

/** Draws one square per unit (e.g. per firm), one labelled block per row, so counts can be seen and counted. */
export function waffle(data: readonly ChartDatum[], input: WaffleOptions): ChartOutput {
  const options = optionsOrThrow('waffle', waffleOptions, input);
  const width = options.width;
  const clean = usable(data).filter((d) => d.value >= 0);
  if (clean.length === 0) return emptyChart('waffle', options, width);
  const columns = options.columns;
  const total = sum(clean, (d) => d.value);
  const per = unitsPerSquare(total, options.maxSquares);
  const cell = (width - 2) / columns;
  const size = r(cell - Math.max(2, cell * 0.18));
  const groups = [...new Set(clean.map((d) => d.group ?? d.key))];
  const unit = clean[0]!.unit;
  let y = 0;
  const blocks = clean.map((d) => {
    const n = Math.round(d.value / per);
    const c = `c${(groups.indexOf(d.group ?? d.key) % 6) + 1}`;
    const value = formatValue(d.value, d.unit, d.qualifier);
    const head = wrap(d.label, width - textWidth(value) - 10, FONT, 2);
    const headY = y + 15;
    const gridTop = headY + (head.length - 1) * 16 + 8;
    // One path per block keeps a 100-square waffle to a few KB.
    const squares = range(n)
      .map(
        (k) =>
          `M${r(1 + (k % columns) * cell)} ${r(gridTop + Math.floor(k / columns) * cell)}h${size}v${size}h-${size}z`,
      )
      .join('');
    const rows = Math.ceil(n / columns);
    y = gridTop + Math.max(rows, n === 0 ? 0 : 1) * cell + 12;
    return `${markOpen(d, c)}${text(1, headY, head, 'class="label"')}${text(width - 1, headY, value, 'class="label value strong" text-anchor="end"')}${squares ? `<path class="shape" d="${squares}"/>` : ''}</g>`;
  });
  const notes = [
    per > 1 ? `每格代表${per}${unit}` : `每格代表1${unit}`,
    ...(clean.some((d) => Math.abs(d.value / per - Math.round(d.value / per)) > 1e-9)
      ? ['不足一格的部分四舍五入']
      : []),
    ...(clean.some((d) => d.derived) ? [DERIVED_NOTE] : []),
  ];
  const noteMarkup = notes.map((n, i) => note(1, y + 8 + i * 18, n)).join('');
  const height = y + 4 + notes.length * 18;
  const most = clean.reduce((a, b) => (b.value > a.value ? b : a));
  const description =
    `单位图，每格代表${per}${unit}，共${clean.length}类、合计${formatNumber(total)}${unit}。` +
    `最多的是${labelled(most)}，约占${Math.round((most.value / (total || 1)) * 100)}%。`;
  return {
    svg: frame({
      id: options.id,
      kind: 'waffle',
      title: options.title,
      description,
      width,
      height,
      body: blocks.join('') + noteMarkup,
    }),
    description,
  };
}

export const waffleKind = defineKind({ ...kindDeclarations.waffle, render: waffle });
