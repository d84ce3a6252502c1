/**
 * The registry of chart kinds an editor can name in <Chart kind="…">, with their renderers. Each kind is declared
 * in kinds.ts (options, accepted rows: all the content check reads) and drawn by its own file; adding a kind means
 * declaring it there, adding its file here, its test and its gallery entry.
 */
import { barKind } from './bar.ts';
import { columnKind } from './column.ts';
import { groupedKind } from './grouped.ts';
import { loopKind } from './loop.ts';
import { progressKind } from './progress.ts';
import { stackedKind } from './stacked.ts';
import { targetKind } from './target.ts';
import { timelineKind } from './timeline.ts';
import { waffleKind } from './waffle.ts';
import type { ChartKind } from './kinds.ts';
import type { KindDefinition } from './kind.ts';
import type { ChartDatum, ChartOutput } from './types.ts';

/** Each declared kind (kinds.ts) with its renderer. */
export const chartKinds = {
  bar: barKind,
  column: columnKind,
  grouped: groupedKind,
  stacked: stackedKind,
  progress: progressKind,
  waffle: waffleKind,
  timeline: timelineKind,
  target: targetKind,
  loop: loopKind,
} as const satisfies Record<ChartKind, unknown>;

/** Returns a kind's definition (renderer, option schema, accepted rows). */
export function kindOf(kind: ChartKind): KindDefinition {
  return chartKinds[kind] as unknown as KindDefinition;
}

/** Renders rows with a kind; options are parsed by the kind's schema (a mistake throws, naming the option). */
export function renderKind(kind: ChartKind, data: readonly ChartDatum[], options: object): ChartOutput {
  return kindOf(kind).render(data, options as never);
}

export { bar } from './bar.ts';
export { column } from './column.ts';
export { grouped } from './grouped.ts';
export { loop } from './loop.ts';
export { progress } from './progress.ts';
export { stacked } from './stacked.ts';
export { target } from './target.ts';
export { timeline } from './timeline.ts';
export { waffle } from './waffle.ts';
export type { ChartDatum, ChartOutput } from './types.ts';
export type { KindDefinition, Accepts, Relationship } from './kind.ts';
export type { OptionProblem } from './options.ts';
export {
  KIND_NAMES,
  isChartKind,
  kindProblem,
  optionProblems,
  type ChartKind,
  type ChartOptionName,
  type ChartOptionProps,
} from './kinds.ts';
