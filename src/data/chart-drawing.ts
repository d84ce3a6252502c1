/**
 * One chart call checked and drawn: its inputs (chartData) and its drawing at one width (drawViews). Plain Node
 * modules only (no astro:content), so a build can draw charts on a worker thread as well as in the page
 * (src/lib/chart-predraw.ts) with the same code and the same bytes.
 */
import type { ChartSpec } from './chart-specs.ts';
import { getDataset, type Dataset } from './datasets.ts';
import { toChartData } from './chart-data.ts';
import { layoutChartData, loadLayout } from './diagrams.ts';
import { isChartKind, kindProblem, optionProblems, renderKind } from '../charts/index.ts';
import type { ChartDatum } from '../charts/types.ts';
import { findPrintedDate } from '../charts/time.ts';
import { chartProblems } from './comparability.ts';

export interface ChartView {
  label: string;
  svg: string;
  description: string;
}

/** Returns the problems with one chart call: unknown dataset, kind or rows. */
export function checkSpec(
  spec: Pick<ChartSpec, 'dataset' | 'kind' | 'rows'> & { options?: Record<string, string>; id?: string; file?: string },
): string[] {
  const errors: string[] = [];
  if (spec.options?.layout) {
    try {
      loadLayout(spec.options.layout);
    } catch (error) {
      errors.push((error as Error).message);
    }
  }
  const badKind = kindProblem(spec.kind);
  if (badKind) errors.push(`${badKind.message}; ${badKind.fix}`);
  else if (isChartKind(spec.kind))
    errors.push(...optionProblems(spec.kind, spec.options ?? {}).map((p) => `${p.message} — ${p.fix}`));
  let dataset: Dataset;
  try {
    dataset = getDataset(spec.dataset);
  } catch (error) {
    errors.push(`dataset="${spec.dataset}": ${(error as Error).message}`);
    return errors;
  }
  const known = new Set(dataset.rows.map((r) => r.id));
  for (const row of spec.rows ?? []) {
    if (!known.has(row))
      errors.push(`rows: "${row}" is not a row of dataset "${spec.dataset}" (rows: ${[...known].join(', ')})`);
  }
  // Only comparable rows share a drawing (src/data/comparability.ts).
  if (!errors.length)
    errors.push(
      ...chartProblems({ id: spec.id ?? '', file: spec.file ?? '', ...spec }, dataset).map(
        (p) => `${p.attribute}: ${p.message} — ${p.fix}`,
      ),
    );
  return errors;
}

/** A chart's checked inputs, without a drawing: its spec, dataset, the rows it draws and the labels of its views. */
export interface ChartInputs {
  spec: ChartSpec;
  dataset: Dataset;
  data: ChartDatum[];
  /** The views the figure offers (数值, and 占比 for toggle="share"); the first is shown without JS. */
  viewLabels: [string, ...string[]];
}

/**
 * Checks a chart call and gathers what its figure shows besides the drawings (the table, the views' labels), so a
 * page draws a chart only at the widths it shows (drawViews) and never an extra drawing for these.
 */
export function chartData(spec: ChartSpec): ChartInputs {
  const errors = checkSpec(spec);
  if (errors.length) throw new Error(`${spec.file}: <Chart id="${spec.id}"> ${errors.join('; ')}`);
  return checkedChartData(spec);
}

/** chartData for a call already checked (checkSpec found nothing): what the figure shows, without checking again. */
export function checkedChartData(spec: ChartSpec): ChartInputs {
  const dataset = getDataset(spec.dataset);
  // A schematic draws the named parts of its layout with the dataset's figures (e.g. 约60公里) beside them.
  const data = [
    ...(spec.options.layout ? layoutChartData(loadLayout(spec.options.layout)) : []),
    ...toChartData(dataset, spec.rows),
  ];
  // total="row-id" tells a part-of-whole chart which row is the whole when the dataset's roles do not say.
  if (spec.options.total) {
    const total = spec.options.total;
    if (!data.some((d) => d.key === total))
      throw new Error(`${spec.file}: <Chart id="${spec.id}"> total="${total}" is not one of its rows`);
    data.forEach((d, i) => (data[i] = { ...d, group: undefined, role: d.key === total ? 'total' : 'part' }));
  }
  const viewLabels: ChartInputs['viewLabels'] = spec.options.toggle === 'share' ? ['数值', '占比'] : ['数值'];
  return { spec, dataset, data, viewLabels };
}

/**
 * What a drawing reads of a checked call: the rows it draws, the labels of its views and, for a timeline, the
 * report's date as printed (from the dataset's asOf, never from the article). Small enough to hand to a worker.
 */
export interface DrawingInputs {
  data: ChartDatum[];
  viewLabels: ChartInputs['viewLabels'];
  asOf?: string;
}

/** Returns what a drawing of this call reads of its inputs. */
export function drawingInputs(spec: ChartSpec, { dataset, data, viewLabels }: ChartInputs): DrawingInputs {
  const asOf = spec.kind === 'timeline' ? findPrintedDate(dataset.asOf)?.printed : undefined;
  return { data, viewLabels, ...(asOf ? { asOf } : {}) };
}

/**
 * Draws a chart's views (数值, and 占比 for toggle="share"; the first is shown without JS) for one display width, so
 * its text keeps its size in CSS pixels; its element ids carry the width. A build draws each chart once per width,
 * for its story page: the embed page and the standalone SVG are made from that page (src/lib/embed-page.ts), so no
 * drawing is kept for later. A figure drawn at several widths checks its call once (chartData) and passes the result.
 */
export function drawViews(
  spec: ChartSpec,
  width: number,
  { data, viewLabels, asOf }: DrawingInputs = drawingInputs(spec, chartData(spec)),
): ChartView[] {
  if (!isChartKind(spec.kind)) throw new Error(`${spec.file}: <Chart id="${spec.id}"> kind="${spec.kind}"`);
  const kind = spec.kind;
  const render = (rows: readonly ChartDatum[], options: object) => renderKind(kind, rows, options);
  const id = `${spec.id}-w${width}`;
  const options = { ...spec.options, width: String(width), ...(asOf ? { asOf } : {}) };
  const views: ChartView[] = [{ label: viewLabels[0], ...render(data, { ...options, id, title: spec.title }) }];
  if (viewLabels.length > 1) {
    views.push({
      label: viewLabels[1]!,
      ...render(toShareData(data), { ...options, id: `${id}-share`, title: `${spec.title}（占比）` }),
    });
  }
  return views;
}

/** Turns values into shares of their sum; every share is a computed value, so it is marked derived. */
export function toShareData(data: readonly ChartDatum[]): ChartDatum[] {
  const total = data.reduce((sum, d) => sum + d.value, 0);
  return data.map((d) => ({
    ...d,
    value: total ? Math.round((d.value / total) * 1000) / 10 : 0,
    unit: '%',
    qualifier: undefined,
    derived: true,
  }));
}
