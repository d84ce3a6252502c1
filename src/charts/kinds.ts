/**
 * The chart kinds an editor can name in <Chart kind="…">, as declared: each kind's name, what it is for, the zod
 * schema of its options (the single source for the <Chart> props, the MDX check and the guide's option table) and
 * the rows it accepts (read by src/data/comparability.ts). No drawing code: the content check, which runs before
 * every build and in `npm run check:content`, reads this without loading Plot, d3 and linkedom (importing the
 * kinds with their renderers took 0.22 s). Each kind's renderer is in its own file, registered in index.ts.
 */
import { z } from 'astro/zod';
import type { Accepts, KindDefinition } from './kind.ts';
import {
  baseOptions,
  intOption,
  sortOption,
  textOption,
  toggleOption,
  totalOption,
  nearest,
  parseOptions,
  type OptionProblem,
} from './options.ts';

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

export const columnOptions = z.strictObject({
  ...baseOptions,
  sort: sortOption,
  subject: textOption({ zh: '比较的是什么，用于图表说明。', en: 'What is compared, for the description.' }),
  maxBars: intOption(2, 8, {
    zh: '最多画几根柱（默认8，手机上放不下更多），其余合并为一根计算值。',
    en: 'Most columns drawn (default 8); the rest are summed into one computed column.',
  }),
  plotHeight: intOption(
    60,
    150,
    { zh: '绘图区高度（默认150）。', en: 'Height of the plotting area (default 150).' },
    600,
  ),
  toggle: toggleOption,
});

export const groupedOptions = z.strictObject({
  ...baseOptions,
  subject: textOption({ zh: '比较的是什么，用于图表说明。', en: 'What is compared, for the description.' }),
});

export const stackedOptions = z.strictObject({
  ...baseOptions,
  remainderLabel: textOption({
    zh: '各部分之和小于总数时，差额（计算值）的名称，默认“其余”。',
    en: 'Label of the computed remainder when the parts fall short of the total (default 其余).',
  }),
  total: totalOption,
});

export const progressOptions = z.strictObject({ ...baseOptions, total: totalOption });

export const waffleOptions = z.strictObject({
  ...baseOptions,
  columns: intOption(
    5,
    20,
    { zh: '每行几格（默认20，至少5）。', en: 'Squares per row (default 20, at least 5).' },
    100,
  ),
  maxSquares: intOption(10, 400, {
    zh: '全图最多几格（默认400）；超过时一格代表多个。',
    en: 'Most squares in the chart (default 400); above it a square stands for several units.',
  }),
});

export const timelineOptions = z.strictObject({
  ...baseOptions,
  asOf: z.string().trim().min(1).optional().meta({
    zh: '报道时间，画成一条虚线：由构建从数据集的 asOf 读出，不在 MDX 里写。',
    en: 'The report’s date, drawn as a line; the build reads it from the dataset’s asOf (not written in MDX).',
  }),
});

export const targetOptions = z.strictObject({
  ...baseOptions,
  columns: intOption(
    1,
    2,
    { zh: '每行几块（默认2；宽度不足300时为1）。', en: 'Tiles per row (default 2; 1 below 300 wide).' },
    6,
  ).optional(),
});

export const loopOptions = z.strictObject({
  ...baseOptions,
  layout: z.string().trim().min(1).optional().meta({
    zh: '示意图的布局文件 content/diagrams/<layout>.json（不带 .json）。',
    en: 'The layout file content/diagrams/<layout>.json (without .json).',
  }),
});

/** What each kind declares besides its renderer (index.ts adds the renderers). */
export const kindDeclarations = {
  bar: {
    name: 'bar',
    use: { zh: '横条：比较同一种东西的几项数量', en: 'horizontal bars comparing amounts of one kind of thing' },
    options: barOptions,
    accepts: { relationship: 'magnitude', minRows: 3, values: 'amount' },
  },
  column: {
    name: 'column',
    use: {
      zh: '竖柱：同一种东西的少量几项，或按年份的变化',
      en: 'columns for a few amounts of one kind, or a change over years',
    },
    options: columnOptions,
    accepts: { relationship: 'magnitude', minRows: 3, values: 'amount' },
  },
  grouped: {
    name: 'grouped',
    use: { zh: '分组横条：同一种东西，按 group 分组比较', en: 'bars of one kind of thing, clustered by group' },
    options: groupedOptions,
    accepts: { relationship: 'magnitude', minRows: 3, values: 'amount' },
  },
  stacked: {
    name: 'stacked',
    use: { zh: '堆叠条：一个整体及其互不重叠的组成部分', en: 'a whole and its disjoint parts as one bar' },
    options: stackedOptions,
    accepts: { relationship: 'part-to-whole', minRows: 2, values: 'amount' },
  },
  progress: {
    name: 'progress',
    use: { zh: '进度条：已完成的部分占它的整体', en: 'a part against the whole it belongs to' },
    options: progressOptions,
    accepts: { relationship: 'progress', minRows: 2, values: 'amount' },
  },
  waffle: {
    name: 'waffle',
    use: { zh: '方格图：一个整体的互不重叠的组成部分，一格一个', en: 'disjoint parts of a whole, one square per unit' },
    options: waffleOptions,
    accepts: { relationship: 'part-to-whole', minRows: 2, values: 'amount' },
  },
  timeline: {
    name: 'timeline',
    use: {
      zh: '时间线：三个以上的日期，分清已发生与计划，标出报道时间',
      en: 'three or more dates: what happened apart from what is planned, against the report’s date',
    },
    options: timelineOptions,
    accepts: { relationship: 'sequence', minRows: 3, values: 'date' },
  },
  target: {
    name: 'target',
    use: { zh: '目标：几项目标及现状（role: target / current）', en: 'targets and where things stand' },
    options: targetOptions,
    accepts: { relationship: 'targets', minRows: 2, values: 'amount' },
  },
  loop: {
    name: 'loop',
    use: { zh: '示意图：配合 layout 画结构示意（不是地图）', en: 'a schematic drawn from a layout (not a map)' },
    options: loopOptions,
    accepts: { relationship: 'structure', minRows: 1, values: 'any' },
  },
} as const satisfies Record<string, Omit<KindDefinition, 'render'> & { accepts: Accepts }>;

export type ChartKind = keyof typeof kindDeclarations;

/** Every option some kind declares, except those the call or the build sets (id, title, the report's date). */
export type ChartOptionName = Exclude<
  { [K in ChartKind]: keyof (typeof kindDeclarations)[K]['options']['shape'] }[ChartKind],
  'id' | 'title' | 'asOf'
>;

/** The options of a <Chart> call as MDX gives them (strings): the component's props beyond its own, from the schemas. */
export type ChartOptionProps = Partial<Record<ChartOptionName, string>>;

export const KIND_NAMES = Object.keys(kindDeclarations) as ChartKind[];

/** Tells whether a name is one of the chart kinds. */
export function isChartKind(name: string): name is ChartKind {
  return Object.hasOwn(kindDeclarations, name);
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
    ...parseOptions(kind, kindDeclarations[kind].options, { id: 'check', title: 'check', ...options }).problems,
  ];
}
