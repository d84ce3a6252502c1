/**
 * Labels a reader can read: at every width a chart is drawn at on the site (src/lib/chart-widths.ts), no text line
 * overlaps another, no label runs into a timeline's bars or dots, and no text (a tick's "0" included) is cut by the
 * viewBox. Boxes are estimated from the chart functions' markup (tests/charts/text-boxes.ts), no build needed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chartKinds, renderKind, type ChartKind } from '../../src/charts/index.ts';
import type { ChartDatum } from '../../src/charts/types.ts';
import { COLUMN, PHONE, WIDE, chartRenderings } from '../../src/lib/chart-widths.ts';
import { chartCallsIn, type ChartSpec } from '../../src/data/chart-specs.ts';
import { chartData, drawViews, drawingInputs } from '../../src/data/chart-drawing.ts';
import { campaign, investment, logistics, ruralLoop, schedule, targets, techFirms } from './fixtures.ts';
import { clipped, markCollisions, textCollisions } from './text-boxes.ts';

const samples: Record<string, ChartDatum[]> = {
  bar: techFirms,
  column: techFirms.slice(0, 4),
  grouped: techFirms.map((d, i) => ({ ...d, group: i < 3 ? '甲' : '乙' })),
  stacked: logistics,
  progress: investment,
  waffle: techFirms.slice(0, 3),
  timeline: schedule,
  target: targets,
  loop: ruralLoop,
};

/** One end of a span of group g: its start is in progress, its end planned. */
function spanRow(g: string, role: 'start' | 'end', date: string, datePosition: string | undefined): ChartDatum {
  return {
    key: `${g}-${role}`,
    label: `${g}工程${role === 'start' ? '开始' : '结束'}`,
    value: 0,
    unit: '',
    group: g,
    date,
    datePosition,
    role,
    status: role === 'start' ? 'in-progress' : 'planned',
  };
}

/** Fiction: four overlapping spans in four groups, with long printed dates, and points between them. */
const crowded: ChartDatum[] = [
  ['甲', '2020', undefined, '2023', undefined],
  ['乙', '2021-03', '初', '2022-11', '末'],
  ['丙', '2021-07', undefined, '2021-12', '底'],
  ['丁', '2021-10', '中旬', '2022-06', '末'],
]
  .flatMap<ChartDatum>(([g, from, fromPos, to, toPos]) => [
    spanRow(g!, 'start', from!, fromPos),
    spanRow(g!, 'end', to!, toPos),
  ])
  .concat([
    { key: 'meeting', label: '召开会议', value: 0, unit: '', date: '2021-06', status: 'done' },
    { key: 'goal', label: '目标年', value: 0, unit: '', date: '2025', datePosition: '上半年', status: 'target' },
  ]);

/** The site's charts as the build draws them (src/data/chart-drawing.ts drawViews), at each of their widths. */
function siteCharts(): { spec: ChartSpec; width: number; svg: string }[] {
  const dir = 'content/stories';
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .flatMap((f) => chartCallsIn(readFileSync(`${dir}/${f}`, 'utf8'), f.replace(/\.mdx$/, ''), `${dir}/${f}`).specs)
    .flatMap((spec) => {
      const inputs = drawingInputs(spec, chartData(spec));
      // The drawings of the page, the embed page and the standalone SVG (the column one).
      return chartRenderings(spec.kind).map(({ width }) => ({
        spec,
        width,
        svg: drawViews(spec, width, inputs)[0]!.svg,
      }));
    });
}

describe('chart text', () => {
  const widths = [320, PHONE, COLUMN, WIDE];
  describe.each(Object.keys(chartKinds))('%s', (kind) => {
    it.each(widths)(
      'at %i px: no text cut by the viewBox (tick labels included), overlapping, or on a bar or dot',
      (width) => {
        const { svg } = renderKind(kind as ChartKind, samples[kind]!, { id: 'k', title: '测试图', width });
        expect(clipped(svg)).toEqual([]);
        expect(textCollisions(svg)).toEqual([]);
        expect(markCollisions(svg)).toEqual([]);
      },
    );
  });

  it.each(widths)('does not overlap in a timeline at %i px, nor run into its bars and dots', (width) => {
    for (const [data, asOf] of [
      [schedule, '2021年9月初'],
      [campaign, undefined],
      [crowded, '2021年9月初'],
    ] as const) {
      const { svg } = renderKind('timeline', data, { id: 't', title: '时间线', width, asOf });
      expect(textCollisions(svg)).toEqual([]);
      expect(markCollisions(svg)).toEqual([]);
    }
  });

  const site = siteCharts();
  it('finds the site’s timelines', () => {
    expect(site.filter((c) => c.spec.kind === 'timeline').length).toBeGreaterThanOrEqual(2);
  });
  it.each(site.map((c) => [`${c.spec.id} (${c.spec.kind})`, c.width, c] as const))(
    '%s at %i px: no text cut, overlapping, or on a bar or dot',
    (_name, _width, c) => {
      expect(clipped(c.svg)).toEqual([]);
      expect(textCollisions(c.svg)).toEqual([]);
      // Bars and dots only: a schematic's place names sit inside their area boxes, a target's inside its tiles.
      expect(markCollisions(c.svg)).toEqual([]);
    },
  );
});
