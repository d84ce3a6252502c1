/**
 * The registry of chart kinds an editor can name in <Chart kind="…">. Each kind's file exports its renderer, the
 * zod schema of its options and what rows it accepts (see kind.ts); adding a kind means adding its file here, its
 * test and its gallery entry.
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
import { nearest, parseOptions, type OptionProblem } from './options.ts';
import type { KindDefinition } from './kind.ts';
import type { ChartDatum, ChartOutput } from './types.ts';

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
} as const;

export type ChartKind = keyof typeof chartKinds;

/** Every option some kind declares, except those the call or the build sets (id, title, the report's date). */
export type ChartOptionName = Exclude<
  { [K in ChartKind]: keyof (typeof chartKinds)[K]['options']['shape'] }[ChartKind],
  'id' | 'title' | 'asOf'
>;

/** The options of a <Chart> call as MDX gives them (strings): the component's props beyond its own, from the schemas. */
export type ChartOptionProps = Partial<Record<ChartOptionName, string>>;

export const KIND_NAMES = Object.keys(chartKinds) as ChartKind[];

/** Tells whether a name is one of the chart kinds. */
export function isChartKind(name: string): name is ChartKind {
  return Object.hasOwn(chartKinds, name);
}

/** Returns a kind's definition (renderer, option schema, accepted rows). */
export function kindOf(kind: ChartKind): KindDefinition {
  return chartKinds[kind] as unknown as KindDefinition;
}

/** Returns the problem with a kind name, with the nearest kind when it looks misspelt. */
export function kindProblem(name: string): OptionProblem | undefined {
  if (isChartKind(name)) return undefined;
  const near = nearest(name, KIND_NAMES);
  return {
    attribute: 'kind',
    message: `kind="${name}" is not a chart kind`,
    fix: `use one of: ${KIND_NAMES.join(', ')}${near ? ` (did you mean kind="${near}"?)` : ''}`,
  };
}

/** Checks the options of a <Chart> call (string attributes other than id, dataset, kind, title, takeaway, rows). */
export function optionProblems(kind: ChartKind, options: Record<string, string>): OptionProblem[] {
  // The report's date comes from the dataset, never from the article: an editor cannot move it.
  const fromData = Object.keys(options)
    .filter((name) => name === 'asOf')
    .map((name) => ({
      attribute: name,
      message: `${name}="…" is set by the build from the dataset's asOf`,
      fix: 'remove it; correct the dataset’s asOf if the date is wrong',
    }));
  return [
    ...fromData,
    ...parseOptions(kind, chartKinds[kind].options, { id: 'check', title: 'check', ...options }).problems,
  ];
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
