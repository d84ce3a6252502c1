// A live chart's embed page and standalone SVG are written from its built story page (src/lib/embed-page.ts), while
// a withdrawn chart's embed page is still rendered by Astro (src/pages/embed/[id].astro). Reads dist/ (npm run build).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { loadRetiredCharts } from '../../src/data/retired-charts.ts';

const read = (path: string) => parseHTML(readFileSync(path, 'utf8')).document;

/** Every chart figure of every built story page, with its story. */
function storyFigures() {
  return readdirSync('dist/stories', { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) =>
      [...read(`dist/stories/${e.name}/index.html`).querySelectorAll('figure.chart-figure')].map((figure) => ({
        story: e.name,
        figure,
      })),
    );
}

/** The page's shape without its words: head elements and their kinds, and the body's outline around the chart. */
function shell(document: Document): string[] {
  const head = [...document.head.children].map((el) =>
    [el.tagName, el.getAttribute('name'), el.getAttribute('http-equiv'), el.getAttribute('rel')].join(' '),
  );
  const meta = [...document.querySelectorAll('body > main > p.meta a')].map(
    (a) => `${a.getAttribute('target')} ${a.getAttribute('href')?.replace(/stories\/[^/]+\//, 'stories/…/')}`,
  );
  return [
    document.documentElement.getAttribute('lang') ?? '',
    ...head,
    document.body.className,
    document.querySelector('body > main')?.className ?? '',
    ...meta,
  ];
}

/** A minified stylesheet as one "selector{declarations}" per selector (inside @media, prefixed with it). */
function selectorRules(css: string, prefix = ''): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  let open = 0;
  for (let i = 0; i < css.length; i++) {
    if (css[i] === '{' && depth++ === 0) open = i;
    else if (css[i] === '}' && --depth === 0) {
      const prelude = css.slice(start, open).trim();
      const body = css.slice(open + 1, i);
      if (prelude.startsWith('@')) out.push(...selectorRules(body, `${prefix}${prelude} `));
      else for (const selector of splitSelectors(prelude)) out.push(`${prefix}${selector}{${body}}`);
      start = i + 1;
    }
  }
  return out;
}

/** Splits a selector list at its top-level commas. */
function splitSelectors(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    if (list[i] === '(') depth++;
    else if (list[i] === ')') depth--;
    else if (list[i] === ',' && depth === 0) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
  }
  return [...parts, list.slice(start)];
}

describe('embed pages and standalone SVGs of live charts', () => {
  const figures = storyFigures();
  const withdrawn = loadRetiredCharts().charts;

  it('exist for every chart of every story page, and show the same drawings and table as the story', () => {
    expect(figures.length).toBeGreaterThan(3);
    for (const { story, figure } of figures) {
      const id = figure.getAttribute('data-chart')!;
      const embed = read(`dist/embed/${id}/index.html`);
      const shown = embed.querySelector(`figure#chart-${id}`)!;
      expect(shown, id).not.toBeNull();
      const drawings = (f: Element) => [...f.querySelectorAll('.chart-render > svg')].map((s) => s.outerHTML);
      expect(drawings(shown), id).toEqual(drawings(figure));
      expect(shown.querySelector('table')?.outerHTML, id).toBe(figure.querySelector('table')?.outerHTML);
      // The chart's title is the embed page's one heading; the page leads back to the story in the top window.
      expect(
        [...embed.querySelectorAll('h1')].map((h) => h.textContent),
        id,
      ).toEqual([figure.querySelector('.chart-title')!.textContent]);
      expect(embed.querySelector('p.meta a')?.getAttribute('href'), id).toBe(`/stories/${story}/`);
      // No link from an embed to itself.
      expect(embed.querySelector(`a[href="/embed/${id}/"]`), id).toBeNull();
      expect(embed.querySelectorAll('script[type="module"]').length, id).toBe(1);
    }
  });

  it("give as standalone SVG the story page's column drawing of the chart's first view", () => {
    for (const { figure } of figures) {
      const id = figure.getAttribute('data-chart')!;
      const column = figure.querySelector('.chart-view .chart-render--column > svg')!.outerHTML;
      const file = readFileSync(`dist/charts/${id}.svg`, 'utf8');
      expect(file, id).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg[^>]*><style>/);
      // Both read by the same parser, so both are written out alike.
      const drawn = parseHTML(file.replace(/^<\?xml[^>]*>/, '').replace(/<style>[\s\S]*?<\/style>/, ''));
      expect(drawn.document.querySelector('svg')?.outerHTML, id).toBe(column);
    }
  });

  it('have the shape and the styles of the embed pages Astro renders (those of withdrawn charts)', () => {
    expect(withdrawn.length).toBeGreaterThan(0);
    const astroPage = readFileSync(`dist/embed/${withdrawn[0]!.id}/index.html`, 'utf8');
    const astroRules = selectorRules(/<style>([\s\S]*?)<\/style>/.exec(astroPage)![1]!);
    expect(astroRules.length).toBeGreaterThan(5);
    for (const { figure } of figures) {
      const id = figure.getAttribute('data-chart')!;
      const html = readFileSync(`dist/embed/${id}/index.html`, 'utf8');
      expect(shell(read(`dist/embed/${id}/index.html`)), id).toEqual(shell(parseHTML(astroPage).document));
      // A live embed shows everything a withdrawn one does (heading, paragraphs, links, .wrap, .meta) and more:
      // every selector and its declarations that Astro gave the withdrawn page is on it too.
      const own = new Set(selectorRules(/<style>([\s\S]*?)<\/style>/.exec(html)![1]!));
      expect(
        astroRules.filter((r) => !own.has(r)),
        id,
      ).toEqual([]);
    }
  });
});
