/**
 * Reads a chart's figure out of a built story page, as plain string search: the build makes each chart's embed page
 * and standalone SVG from the figure its story page already holds (src/lib/embed-page.ts) instead of drawing and
 * rendering the chart again. The story page is HTML that Astro wrote (src/components/Chart.astro), not arbitrary
 * markup: no comments or CDATA around a figure, and "<figure" or "<svg" inside text or attribute values is escaped.
 */

/** Returns the index just after the element of `tag` that starts at `start`, counting nested elements of that tag. */
export function elementEnd(html: string, start: number, tag: string): number {
  const open = new RegExp(`<${tag}[\\s>/]|</${tag}>`, 'gi');
  open.lastIndex = start;
  let depth = 0;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    if (m[0][1] === '/') {
      if (--depth === 0) return m.index + m[0].length;
    } else depth++;
  }
  throw new Error(`<${tag}> at ${start} has no closing </${tag}>`);
}

/** Returns the whole <figure class="chart-figure" id="chart-<id>" data-chart="<id>">…</figure>, or undefined. */
export function chartFigure(html: string, id: string): string | undefined {
  const start = html.search(
    new RegExp(`<figure class="chart-figure[^"]*" id="chart-${id.replace(/[^\w-]/g, '\\$&')}" data-chart=`),
  );
  return start < 0 ? undefined : html.slice(start, elementEnd(html, start, 'figure'));
}

/** Returns the page's first chart figure's end and the <script> right after it: Astro puts a component's script there. */
export function chartScript(html: string): string | undefined {
  const start = html.search(/<figure class="chart-figure[\s"]/);
  if (start < 0) return undefined;
  const end = elementEnd(html, start, 'figure');
  if (!html.startsWith('<script', end)) return undefined;
  return html.slice(end, elementEnd(html, end, 'script'));
}

/** Returns the <svg> of the figure's first column drawing (the first view's: the desktop drawing readers see). */
export function columnSvg(figure: string): string | undefined {
  const wrapper = figure.indexOf('<div class="chart-render chart-render--column">');
  if (wrapper < 0) return undefined;
  const start = figure.indexOf('<svg', wrapper);
  return start < 0 ? undefined : figure.slice(start, elementEnd(figure, start, 'svg'));
}

/**
 * Turns a story page's figure into its embed page's: the title becomes the page's <h1>, and the link to the embed
 * page itself goes. Throws when either is not found, so a change to the figure's markup cannot go unnoticed.
 */
export function embeddedFigure(figure: string, ownLink: string): string {
  const title = /<p class="chart-title">([\s\S]*?)<\/p>/.exec(figure);
  if (!title) throw new Error('the chart figure has no <p class="chart-title">');
  const heading =
    figure.slice(0, title.index) +
    `<h1 class="chart-title">${title[1]}</h1>` +
    figure.slice(title.index + title[0].length);
  if (!heading.includes(ownLink)) throw new Error(`the chart figure has no ${ownLink}`);
  return heading.replace(ownLink, '');
}
