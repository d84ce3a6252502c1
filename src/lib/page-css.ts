/**
 * Stylesheets of components that only some pages render. Astro puts the CSS of every component a route imports on
 * every page of that route, so all seven story pages carried the chart styles (about 1.5 KB gzip) though only three
 * draw a chart. These sheets are not imported by their components; each rendered page gets them, inlined into its
 * <style>, only when its HTML shows the component (src/middleware.ts). The CSS is Vite-processed (`?inline`).
 */
import charts from '../styles/charts.css?inline';
import figure from '../styles/figure.css?inline';
import iconList from '../styles/icon-list.css?inline';
import search from '../styles/search.css?inline';
import source from '../styles/source.css?inline';
import { pageNames, type PageNames } from './page-names.ts';

/** A stylesheet and the markup that shows a page needs it, told from the page's class and element names. */
export interface PageSheet {
  uses: (page: PageNames) => boolean;
  css: string;
}

/** Whether the page has any of these classes. */
const anyClass = (page: PageNames, names: readonly string[]) => names.some((name) => page.classes.has(name));

export const pageSheets: PageSheet[] = [
  // Chart.astro's figure and drawings (class="chart …", class="chart-figure", <chart-frame>), in embeds and guides too.
  {
    uses: (page) =>
      page.tags.has('chart-frame') || [...page.classes].some((c) => c === 'chart' || c.startsWith('chart-')),
    css: figure + charts,
  },
  { uses: (page) => page.classes.has('icon-list'), css: iconList },
  // Rules that only the search page and the report text use, kept off every other page.
  { uses: (page) => anyClass(page, ['search-page', 'search-box', 'notice']), css: search },
  { uses: (page) => anyClass(page, ['source-block', 'pid']), css: source },
];

/** Adds the sheets the page uses to the end of its first <style> in <head> (or a new one). */
export function withPageSheets(html: string, sheets: PageSheet[] = pageSheets, names = pageNames(html)): string {
  const css = sheets
    .filter((s) => s.uses(names))
    .map((s) => s.css)
    .join('\n');
  if (!css) return html;
  const headEnd = html.indexOf('</head>');
  if (headEnd < 0) return html;
  const styleEnd = html.indexOf('</style>');
  const at = styleEnd >= 0 && styleEnd < headEnd ? styleEnd : headEnd;
  const text = at === headEnd ? `<style>${css}</style>` : `\n${css}`;
  return html.slice(0, at) + text + html.slice(at);
}
