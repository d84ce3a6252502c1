/**
 * Files the build writes after the pages (src/lib/build-integration.ts), straight to dist/, instead of as 10,000
 * prerendered routes: each live chart's embed page and standalone SVG (/embed/<id>/, /charts/<id>.svg), made from
 * its built story page (src/lib/embed-page.ts), and the withdrawn charts' SVGs. The embed route registers them here
 * when Astro asks for its paths (src/lib/build-registry.ts); what makes the files stays in the pages' bundle
 * (closures).
 */
import type { ChartFiles } from './embed-page.ts';
import { buildRegistry } from './build-registry.ts';

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
  /** What `files` reads besides the story page (the chart's texts): part of the cache key (src/lib/embed-cache.ts). */
  inputs: unknown;
}

const svgs = buildRegistry<StandaloneSvg>('standalone-svgs', (entry) => entry.id);
const pages = buildRegistry<ChartPage>('chart-pages', (entry) => entry.id);

/** Registers standalone SVG files of the build (a chart registered twice keeps its last entry). */
export const registerStandaloneSvgs = svgs.register;

/** Returns the registered SVG files in id order and forgets them. */
export const takeStandaloneSvgs = svgs.take;

/** Registers the live charts whose embed page and SVG file are made from their story page. */
export const registerChartPages = pages.register;

/** Returns the registered charts in id order and forgets them. */
export const takeChartPages = pages.take;
