/**
 * Standalone chart SVGs (/charts/<chart-id>.svg) are written by the build integration of
 * src/lib/build-integration.ts after the pages, straight to files, instead of as 5,000 prerendered routes: each
 * file is the chart Astro already drew for its story and embed page (src/data/story-charts.ts draws a chart once
 * per build), with its colours inlined (src/lib/standalone-svg.ts). The embed route registers the charts here when
 * Astro asks for its paths; the integration runs in the same process, so the list is kept on globalThis.
 */
export interface StandaloneSvg {
  /** The chart id: the file is charts/<id>.svg. */
  id: string;
  /** Returns the file's text (called once, after the pages are built). */
  svg: () => string;
}

const KEY = Symbol.for('shushuo.standalone-svgs');

function registry(): Map<string, StandaloneSvg> {
  const store = globalThis as { [KEY]?: Map<string, StandaloneSvg> };
  return (store[KEY] ??= new Map());
}

/** Registers the standalone SVG files of the build (a chart registered twice keeps its last entry). */
export function registerStandaloneSvgs(entries: readonly StandaloneSvg[]): void {
  for (const entry of entries) registry().set(entry.id, entry);
}

/** Returns the registered files in id order and forgets them. */
export function takeStandaloneSvgs(): StandaloneSvg[] {
  const entries = [...registry().values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  registry().clear();
  return entries;
}
