/**
 * The "floor" a story page is measured against: the same article text (headings, paragraphs, figure captions and
 * the terms and values of fact boxes), the same inline
 * SVGs and tables, about 300 bytes of CSS and only the chart tooltip script, in one minimal HTML document.
 */
import { parseHTML } from 'linkedom';
import { escapeHtml } from '../../src/lib/escape.ts';

export type FloorItem =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'svg'; html: string }
  | { kind: 'table'; html: string };

export interface StoryExtract {
  lang: string;
  title: string;
  /** Headings and paragraphs of the article, and every inline <svg> and <table> of the page, in document order. */
  items: FloorItem[];
  /** Whether the page uses the chart tooltip element <chart-frame>. */
  hasChartFrame: boolean;
}

/** About 300 bytes: readable type, a measure, scalable SVGs and ruled tables. */
export const FLOOR_CSS =
  'body{max-width:40em;margin:0 auto;padding:1em;font:18px/1.7 system-ui,sans-serif;color:#222;background:#fff}' +
  'h1,h2,h3{line-height:1.3}svg{max-width:100%;height:auto}table{border-collapse:collapse;width:100%}' +
  'th,td{border-bottom:1px solid #ccc;padding:.2em .4em;text-align:left}a{color:#05c}';

const HEADING = /^H([1-6])$/;
const TEXT_BLOCKS = new Set(['P', 'FIGCAPTION', 'DT', 'DD']);

/** Reads what the floor keeps from a built story page (its text is the page's <article>). */
export function extractStory(html: string): StoryExtract {
  const { document } = parseHTML(html);
  const textRoot = document.querySelector('article');
  if (!textRoot) throw new Error('not a story page: it has no <article>');
  const items: FloorItem[] = [];
  const walk = (el: Element, inText: boolean) => {
    for (const child of Array.from(el.children) as Element[]) {
      const tag = child.tagName.toUpperCase();
      const inside = inText || child === textRoot;
      if (tag === 'SVG') {
        items.push({ kind: 'svg', html: child.outerHTML });
        continue;
      }
      if (tag === 'TABLE') {
        items.push({ kind: 'table', html: child.outerHTML });
        continue;
      }
      if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE' || tag === 'NOSCRIPT') continue;
      const heading = HEADING.exec(tag);
      if (inside && heading) {
        const text = clean(child.textContent ?? '');
        if (text) items.push({ kind: 'heading', level: Number(heading[1]), text });
        // Headings hold no SVG we need (an icon in a heading is still collected below).
        collectSvgs(child, items);
        continue;
      }
      // A figure's caption and a fact box's terms and values are article text as much as a paragraph is (a number
      // set as a key figure or in a fact box instead of a chart is still the page's content).
      if (inside && TEXT_BLOCKS.has(tag)) {
        const text = clean(child.textContent ?? '');
        if (text) items.push({ kind: 'paragraph', text });
        collectSvgs(child, items);
        continue;
      }
      walk(child, inside);
    }
  };
  walk(document.body, false);
  return {
    lang: document.documentElement.getAttribute('lang') ?? 'zh-CN',
    title: clean(document.title ?? ''),
    items,
    hasChartFrame: document.querySelector('chart-frame') !== null,
  };
}

function collectSvgs(el: Element, items: FloorItem[]) {
  for (const svg of Array.from(el.querySelectorAll('svg')) as Element[]) {
    if (!svg.parentElement?.closest('svg')) items.push({ kind: 'svg', html: svg.outerHTML });
  }
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Writes the floor page: doctype, lang, charset, viewport, title, FLOOR_CSS, the items, the tooltip script. */
export function floorPage(extract: Pick<StoryExtract, 'lang' | 'title' | 'items'>, tooltipScript = ''): string {
  const body = extract.items
    .map((item) => {
      switch (item.kind) {
        case 'heading':
          return `<h${item.level}>${escapeHtml(item.text)}</h${item.level}>`;
        case 'paragraph':
          return `<p>${escapeHtml(item.text)}</p>`;
        default:
          return item.html;
      }
    })
    .join('\n');
  const script = tooltipScript
    ? `\n<script type="module">${tooltipScript.replaceAll('</script', '<\\/script')}</script>`
    : '';
  return (
    `<!doctype html><html lang="${escapeHtml(extract.lang)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(extract.title)}</title>` +
    `<style>${FLOOR_CSS}</style></head><body>\n${body}${script}\n</body></html>\n`
  );
}
