/**
 * Reads a chart's figure out of a built story page, as plain string search: the build makes each chart's embed page
 * and standalone SVG from the figure its story page already holds (src/lib/embed-page.ts) instead of drawing and
 * rendering the chart again. The story page is HTML that Astro wrote (src/components/Chart.astro), not arbitrary
 * markup: no comments or CDATA around a figure, and "<figure" or "<svg" inside text or attribute values is escaped.
 */

/** The pattern of a tag's opening and closing tags, made once per tag (its `lastIndex` is set before each use). */
const tagPatterns = new Map<string, RegExp>();

/** Returns the index just after the element of `tag` that starts at `start`, counting nested elements of that tag. */
export function elementEnd(html: string, start: number, tag: string): number {
  let open = tagPatterns.get(tag);
  if (!open) tagPatterns.set(tag, (open = new RegExp(`<${tag}[\\s>/]|</${tag}>`, 'gi')));
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
  // Found by its id, then its opening tag before it: a string search instead of a pattern made for each chart and
  // run from the top of its 70 KB page (the 5,000 figures of 1,000 stories took 0.3 s of the build's last step).
  const head = '<figure class="chart-figure';
  const tail = `" id="chart-${id}" data-chart=`;
  for (let at = html.indexOf(tail); at >= 0; at = html.indexOf(tail, at + 1)) {
    const start = html.lastIndexOf(head, at);
    // The class attribute's value runs from the tag to the id: no quote in between.
    if (start >= 0 && !html.slice(start + head.length, at).includes('"'))
      return html.slice(start, elementEnd(html, start, 'figure'));
  }
  return undefined;
}

// The last page chartScript read, and its script: each chart of a story asks for it with the same page.
let lastScript: { html: string; script: string | undefined } | undefined;

/** Returns the page's first chart figure's end and the <script> right after it: Astro puts a component's script there. */
export function chartScript(html: string): string | undefined {
  if (lastScript?.html === html) return lastScript.script;
  let script: string | undefined;
  const start = html.search(/<figure class="chart-figure[\s"]/);
  if (start >= 0) {
    const end = elementEnd(html, start, 'figure');
    if (html.startsWith('<script', end)) script = html.slice(end, elementEnd(html, end, 'script'));
  }
  lastScript = { html, script };
  return script;
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
