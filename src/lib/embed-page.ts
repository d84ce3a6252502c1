/**
 * /embed/<chart-id>/ and /charts/<chart-id>.svg of a live chart, made from its built story page instead of drawing
 * and rendering the chart again (5,000 Astro routes at 1,000 stories): the story page already holds the chart's
 * complete figure (every drawing, the table and the chrome) and the chart-frame script. The embed page is that
 * figure, titled as the page's heading, in the page src/pages/embed/[id].astro renders for `astro dev` and for
 * withdrawn charts, finished like every rendered page (src/lib/finish-page.ts). The SVG file is the figure's column
 * drawing with its colours inlined. Runs in the build's page bundle (src/lib/standalone-files.ts registers it).
 */
import globalCss from '../styles/global.css?inline';
import chromeCss from '../styles/chrome.css?inline';
import { chartFigure, chartScript, columnSvg, embeddedFigure } from './chart-figure.ts';
import { escapeHtml } from './escape.ts';
import { finishPage } from './finish-page.ts';
import { standaloneSvg } from './standalone-svg.ts';
import { href, storyHref } from './url.ts';
import { site } from './site.ts';

/**
 * The styles src/pages/embed/[id].astro gets from Astro: its own import (global.css) and those of the components of
 * a figure (FigureChrome.astro and DataTable.astro: chrome.css). Chart.astro's figure.css and charts.css are added
 * by finishPage, as for every page that shows a chart (src/lib/page-css.ts).
 */
const embedCss = globalCss + chromeCss;

/** What an embed page says besides its figure. */
export interface EmbedChart {
  id: string;
  title: string;
  takeaway: string;
  story: { id: string; title: string };
}

/** An embed page and a standalone SVG file. */
export interface ChartFiles {
  embed: string;
  svg: string;
}

/** Returns a live chart's embed page and SVG file from its story page's HTML; throws naming what is missing. */
export function chartFiles(storyHtml: string, chart: EmbedChart): ChartFiles {
  const where = `stories/${chart.story.id}/index.html, chart "${chart.id}"`;
  const figure = chartFigure(storyHtml, chart.id);
  if (!figure) throw new Error(`${where}: no <figure id="chart-${chart.id}"> to make its embed page from`);
  const script = chartScript(storyHtml);
  if (!script) throw new Error(`${where}: no chart-frame <script> after the page's first chart figure`);
  const policy = /<meta http-equiv="content-security-policy"[^>]*>/i.exec(storyHtml)?.[0];
  if (!policy) throw new Error(`${where}: no Content-Security-Policy <meta>`);
  const svg = columnSvg(figure);
  if (!svg) throw new Error(`${where}: no column drawing in the figure`);
  const page =
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">${policy}` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(chart.title)} | ${escapeHtml(site.name)}</title>` +
    `<meta name="description" content="${escapeHtml(chart.takeaway)}"><meta name="robots" content="noindex">` +
    `<link rel="icon" href="${escapeHtml(href('favicon.svg'))}" type="image/svg+xml"><style>${embedCss}</style></head>` +
    `<body class="embed"><main class="wrap">` +
    embeddedFigure(figure, `<a href="${escapeHtml(href(`embed/${chart.id}/`))}">单独查看</a>`) +
    script +
    `<p class="meta">出自<a href="${escapeHtml(storyHref(chart.story.id))}" target="_top">《${escapeHtml(chart.story.title)}》</a>` +
    `，${escapeHtml(site.name)}。<a href="${escapeHtml(href('source/'))}" target="_top">报道原文</a></p>` +
    `</main></body></html>`;
  return { embed: finishPage(page), svg: standaloneSvg(svg) };
}
