/**
 * The horizontal bar layout shared by `bar` and `grouped`: each row has its label on a line above its bar (so long
 * Chinese labels never squeeze the bars on a 320-unit phone layout) and its value printed at the bar's end.
 */
import * as Plot from '@observablehq/plot';
import { scaleLinear } from 'd3';
import { formatCompact, formatValue } from '../lib/format.ts';
import { indexed, renderPlot } from './render.ts';
import { DERIVED_NOTE, FONT, SMALL, frame, markOpen, note, textWidth, wrap } from './svg.ts';
import type { ChartDatum } from './types.ts';

export type BarItem = { datum: ChartDatum; colour: number; tip?: string } | { heading: string };

interface Placed {
  band: string;
  tip?: string;
  datum: ChartDatum;
  colour: number;
  label: string;
  value: string;
}

/** Lays out rows (and optional group headings) as labelled horizontal bars; returns the complete SVG. */
export function horizontalBars(
  kind: string,
  items: readonly BarItem[],
  o: { id: string; title: string; width: number; description: string; notes?: string[] },
): string {
  const width = o.width;
  const rows: Placed[] = [];
  const headings: { band: string; text: string }[] = [];
  const domain: string[] = [];
  items.forEach((item, i) => {
    const band = `b${i}`;
    domain.push(band);
    if ('heading' in item) headings.push({ band, text: item.heading });
    else
      rows.push({
        band,
        tip: item.tip,
        datum: item.datum,
        colour: item.colour,
        label: '',
        value: formatValue(item.datum.value, item.datum.unit, item.datum.qualifier),
      });
  });

  const valueWidth = Math.max(...rows.map((p) => textWidth(p.value)), 20);
  const lines = rows.map((p) => wrap(p.datum.label, width - 4, FONT, 2));
  rows.forEach((p, i) => (p.label = lines[i]!.join('\n')));
  const labelLines = Math.max(1, ...lines.map((l) => l.length));
  const labelBlock = 6 + labelLines * 16;
  const barHeight = 16;
  const rowHeight = labelBlock + barHeight + 10;

  const values = rows.map((p) => p.datum.value);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values) || 1;
  const anyDerived = rows.some((p) => p.datum.derived);
  const mixedUnits = new Set(rows.map((p) => p.datum.unit)).size > 1;
  const extraNotes = [
    ...(o.notes ?? []),
    ...(mixedUnits ? ['各项单位不同，条长只在同单位之间可比'] : []),
    ...(anyDerived ? [DERIVED_NOTE] : []),
  ];
  // The first tick's label ("0") is centred on the bars' start: leave it half its width so the edge never cuts it
  // (the same nice ticks Plot draws below).
  const firstTick = scaleLinear().domain([lo, hi]).nice().ticks(3)[0] ?? lo;
  const marginLeft = mixedUnits ? 1 : Math.ceil(textWidth(formatCompact(firstTick), SMALL) / 2) + 1;
  const marginTop = 2;
  // An axis across different units would suggest a comparison that does not exist.
  const axisHeight = mixedUnits ? 4 : 26;
  const marginBottom = axisHeight + extraNotes.length * 18;
  const height = marginTop + domain.length * rowHeight + marginBottom;
  const barCentre = labelBlock + barHeight / 2 - rowHeight / 2;

  const body = renderPlot({
    plot: {
      width,
      height,
      marginTop,
      marginBottom,
      marginLeft,
      // Estimated widths run short for bold CJK digits and units: leave room so values are never clipped.
      marginRight: Math.ceil(valueWidth * 1.15) + 12,
      x: { domain: [lo, hi], nice: true, ...(mixedUnits ? { axis: null } : {}) },
      y: { type: 'band', domain, padding: 0, axis: null },
      marks: [
        ...(mixedUnits ? [] : [Plot.gridX({ ticks: 3, className: 'axis', ariaHidden: 'true', strokeOpacity: 1 })]),
        ...(mixedUnits
          ? []
          : [
              Plot.axisX({
                ticks: 3,
                tickFormat: formatCompact,
                tickSize: 0,
                tickPadding: 6,
                className: 'axis',
                ariaHidden: 'true',
                label: null,
              }),
            ]),
        Plot.barX(
          rows,
          indexed<Plot.BarXOptions>({
            x1: 0,
            x2: (p: Placed) => p.datum.value,
            y: 'band',
            insetTop: labelBlock,
            insetBottom: 10,
            className: 'bars',
          }),
        ),
        Plot.text(
          rows,
          indexed<Plot.TextOptions>({
            frameAnchor: 'left',
            y: 'band',
            text: 'label',
            textAnchor: 'start',
            lineAnchor: 'top',
            dy: 4 - rowHeight / 2,
            lineHeight: 16 / FONT,
            className: 'names',
          }),
        ),
        Plot.text(
          rows,
          indexed<Plot.TextOptions>({
            x: (p: Placed) => p.datum.value,
            y: 'band',
            text: 'value',
            textAnchor: 'start',
            dx: 5,
            dy: barCentre,
            className: 'values',
          }),
        ),
        Plot.text(headings, {
          frameAnchor: 'left',
          y: 'band',
          text: 'text',
          textAnchor: 'start',
          lineAnchor: 'bottom',
          dy: rowHeight / 2 - 8,
          fontWeight: 'bold',
          className: 'heading label',
        }),
        Plot.ruleX([0], { className: 'axis baseline', ariaHidden: 'true' }),
      ],
    },
    groups: ['bars', 'names', 'values'],
    open: (i) => markOpen(rows[i]!.datum, `c${rows[i]!.colour}`, rows[i]!.tip),
    shape: { bars: () => 'class="shape"', names: () => 'class="label"', values: () => 'class="label value"' },
  });
  const notes = extraNotes.map((n, i) => note(1, height - (extraNotes.length - i - 1) * 18 - 4, n)).join('');
  return frame({ id: o.id, kind, title: o.title, description: o.description, width, height, body: body + notes });
}
