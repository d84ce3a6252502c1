/**
 * Files the build writes after the pages (src/lib/build-integration.ts), straight to dist/, instead of as 10,000
 * prerendered routes: each live chart's embed page and standalone SVG (/embed/<id>/, /charts/<id>.svg), made from
 * its built story page (src/lib/embed-page.ts), and the withdrawn charts' SVGs. The embed route registers them here
 * when Astro asks for its paths; the integration runs in the same process but not in the pages' bundle, so the
 * lists are kept on globalThis, and what makes the files stays in the bundle (closures).
 */
import type { ChartFiles } from './embed-page.ts';

export interface StandaloneSvg {
  /** The chart id: the file is charts/<id>.svg. */
  id: string;
  /** Returns the file's text (called once, after the pages are built). */
  svg: () => string;
}

/** A live chart's embed page and SVG file, made from its story's built page. */
export interface ChartPage {
  /** The chart id: the files are embed/<id>/index.html and charts/<id>.svg. */
  id: string;
  /** The story whose page, stories/<story>/index.html, holds the chart. */
  story: string;
  files: (storyHtml: string) => ChartFiles;
}

const SVGS = Symbol.for('shushuo.standalone-svgs');
const PAGES = Symbol.for('shushuo.chart-pages');

function registry<T>(key: symbol): Map<string, T> {
  const store = globalThis as { [key: symbol]: Map<string, T> | undefined };
  return (store[key] ??= new Map());
}

/** Takes the entries of a registry in id order and forgets them. */
function take<T>(key: symbol): T[] {
  const map = registry<T>(key);
  const entries = [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  map.clear();
  return entries;
}

/** Registers standalone SVG files of the build (a chart registered twice keeps its last entry). */
export function registerStandaloneSvgs(entries: readonly StandaloneSvg[]): void {
  for (const entry of entries) registry<StandaloneSvg>(SVGS).set(entry.id, entry);
}

/** Returns the registered SVG files in id order and forgets them. */
export function takeStandaloneSvgs(): StandaloneSvg[] {
  return take<StandaloneSvg>(SVGS);
}

/** Registers the live charts whose embed page and SVG file are made from their story page. */
export function registerChartPages(entries: readonly ChartPage[]): void {
  for (const entry of entries) registry<ChartPage>(PAGES).set(entry.id, entry);
}

/** Returns the registered charts in id order and forgets them. */
export function takeChartPages(): ChartPage[] {
  return take<ChartPage>(PAGES);
}
