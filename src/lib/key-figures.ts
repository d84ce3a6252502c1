/**
 * The headline numbers shown on the home page: one per story for its card, and the strip of figures. Each report
 * chooses its own in content/reports/<id>/key-figures.json (optional); each is a row of one of that report's
 * datasets, so its quote, paragraph and value are the ones the data check has already verified against the
 * report; nothing here restates a number.
 */
import { findRow, getDataset } from '../data/datasets.ts';
import { allReports, REPORTS_DIR } from '../data/report.ts';
import type { KeyFigureRef } from '../data/key-figures-schema.ts';
import { rowAnchor } from '../data/chart-data.ts';
import { isDateRow } from '../data/dataset-schema.ts';
import { formatNumber, formatValue } from './format.ts';

export interface KeyFigure {
  /** Story id (content/stories/<id>.mdx) the figure links to. */
  story: string;
  /** Words printed right before the number, e.g. "约". */
  prefix?: string;
  /** The number as the site prints it, e.g. "84.4". */
  value: string;
  /** The unit as printed right after the number, with a trailing qualifier: "亿元", "家左右", "%以上". */
  unit: string;
  /** What the number counts, in a few words. */
  label: string;
  /** Report paragraph id, e.g. "feature-p08". */
  paragraph: string;
  /** Words copied from that paragraph that state the number. */
  quote: string;
  /** The figure's row on its report's data page (anchor /data/<report>/#<dataset>--<row>). */
  dataset: string;
  /** The report whose data page has that row. */
  report: string;
  card?: boolean;
  strip?: boolean;
}

/** Turns a pick into a figure from its dataset row; throws naming the pick when the row is missing or a date. */
function toFigure(pick: KeyFigureRef): KeyFigure {
  const row = findRow(pick.dataset, pick.row);
  if (isDateRow(row) || !row.source) {
    throw new Error(`key figure ${pick.dataset}/${pick.row}: a key figure must be a number quoted from the report`);
  }
  return {
    story: pick.story,
    ...valueParts(row.value, row.unit, row.qualifier),
    label: pick.label ?? row.label,
    paragraph: row.source.paragraph,
    quote: row.source.quote,
    dataset: rowAnchor(pick.dataset, pick.row),
    report: getDataset(pick.dataset).report,
    card: pick.card,
    strip: pick.strip,
  };
}

/** Splits a printed value around its number (约|60|公里, 4100|多万美元, 12|%以上), to set the number large. */
export function valueParts(
  n: number,
  unit: string,
  qualifier?: string,
): { prefix: string | undefined; value: string; unit: string } {
  // formatValue knows where each qualifier goes: split its output around the number.
  const value = formatNumber(n);
  const printed = formatValue(n, unit, qualifier);
  const at = printed.indexOf(value);
  return { prefix: printed.slice(0, at) || undefined, value, unit: printed.slice(at + value.length) };
}

/**
 * Returns each report's chosen figures (report id → refs), from content/reports/<id>/key-figures.json as the
 * report loader read and checked it (src/data/report.ts); throws naming the file and field when one names a dataset
 * of another report.
 */
export function reportPicks(): Map<string, KeyFigureRef[]> {
  const out = new Map<string, KeyFigureRef[]>();
  for (const report of allReports()) {
    report.keyFigures.forEach((ref, i) => {
      const owner = getDataset(ref.dataset).report;
      if (owner !== report.id)
        throw new Error(
          `${REPORTS_DIR}/${report.id}/key-figures.json: figures[${i}].dataset: "${ref.dataset}" is a dataset of report "${owner}", not of ${report.id}; choose a row of this report's datasets`,
        );
    });
    out.set(report.id, report.keyFigures);
  }
  return out;
}

/** Returns key figures built from their dataset rows: the refs given, or every report's. */
export function keyFigures(list?: readonly KeyFigureRef[]): KeyFigure[] {
  return (list ?? [...reportPicks().values()].flat()).map(toFigure);
}

/** Returns each story's card figure (the first figure marked card for it), from the figures given. */
export function cardFigures(figures: readonly KeyFigure[]): Map<string, KeyFigure> {
  const out = new Map<string, KeyFigure>();
  for (const f of figures) if (f.card && !out.has(f.story)) out.set(f.story, f);
  return out;
}

let buildCards: Map<string, KeyFigure> | undefined;

/**
 * Returns the figure shown on a story's card, if it has one. A build reads every report's picks once: every share
 * image and every card on the home page asks, and reading them all per story grew with the square of the archive.
 * Elsewhere (dev, tests, scripts) they are made anew on each call from the report loader, which in dev reads a
 * report's files again once one changed, so an edited key-figures.json shows at once.
 */
export function cardFigure(story: string): KeyFigure | undefined {
  if (!import.meta.env?.PROD) return cardFigures(keyFigures()).get(story);
  buildCards ??= cardFigures(keyFigures());
  return buildCards.get(story);
}

/** Returns the figures of one report's strip (every report's when none is named), in display order. */
export function stripFigures(report?: string): KeyFigure[] {
  const refs = report ? (reportPicks().get(report) ?? []) : undefined;
  return keyFigures(refs).filter((f) => f.strip);
}
