/** The chart kinds an editor can name in <Chart kind="…">, each a pure function (rows, options) → { svg, description }. */
import { bar } from './bar.ts';
import { column } from './column.ts';
import { grouped } from './grouped.ts';
import { loop } from './loop.ts';
import { progress } from './progress.ts';
import { stacked } from './stacked.ts';
import { target } from './target.ts';
import { timeline } from './timeline.ts';
import { waffle } from './waffle.ts';
import type { ChartDatum, ChartOptions, ChartOutput } from './types.ts';

export type ChartKind =
  'bar' | 'column' | 'grouped' | 'stacked' | 'progress' | 'waffle' | 'timeline' | 'target' | 'loop';

export const chartKinds: Record<ChartKind, (data: readonly ChartDatum[], options: ChartOptions) => ChartOutput> = {
  bar,
  column,
  grouped,
  stacked,
  progress,
  waffle,
  timeline,
  target,
  loop,
};

/** Tells whether a name is one of the chart kinds. */
export function isChartKind(name: string): name is ChartKind {
  return Object.hasOwn(chartKinds, name);
}

export { bar, column, grouped, loop, progress, stacked, target, timeline, waffle };
export type { ChartDatum, ChartOptions, ChartOutput } from './types.ts';
export type { BarOptions } from './bar.ts';
export type { ColumnOptions } from './column.ts';
export type { GroupedOptions } from './grouped.ts';
export type { StackedOptions } from './stacked.ts';
export type { ProgressOptions } from './progress.ts';
export type { WaffleOptions } from './waffle.ts';
export type { TimelineOptions } from './timeline.ts';
export type { TargetOptions } from './target.ts';
export type { LoopOptions } from './loop.ts';
