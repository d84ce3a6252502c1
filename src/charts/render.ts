/**
 * The one module that draws into a server-side DOM: renders Observable Plot specs with linkedom's document (one
 * document, reused: src/charts/dom.ts) and returns SVG markup in our shape — each datum's shapes and labels regrouped into one
 * `<g class="mark" data-key data-tip>`, Plot's own style block and classes dropped, and the two checker mends
 * applied (no aria-label on <g>; font-variant moved into style).
 */
import * as Plot from '@observablehq/plot';
import { document } from './dom.ts';

type RenderFn = NonNullable<Plot.MarkOptions['render']>;

/** Tags every element a mark draws with the index of its datum, so the elements can be regrouped per datum. */
const tagIndex: RenderFn = function (index, scales, values, dimensions, context, next) {
  const g = next!(index, scales, values, dimensions, context) as SVGGElement | null;
  if (g) {
    const children = Array.from(g.children);
    children.forEach((el, j) => el.setAttribute('data-i', String(index[j])));
  }
  return g;
};

/** Adds the per-datum tagging to a mark's options; use it on every mark listed in `groups`. */
export function indexed<T extends Plot.MarkOptions>(options: T): T {
  return { ...options, render: tagIndex } as T;
}

const carried = ['text-anchor', 'font-weight', 'font-size', 'paint-order', 'stroke-width'];

/** Moves an element out of its mark group, carrying over the group's transform and text attributes. */
function adopt(el: Element, group: Element): Element {
  const t = group.getAttribute('transform');
  if (t) el.setAttribute('transform', [t, el.getAttribute('transform')].filter(Boolean).join(' '));
  for (const name of carried) {
    const v = group.getAttribute(name);
    if (v !== null && !el.hasAttribute(name)) el.setAttribute(name, v);
  }
  el.removeAttribute('data-i');
  return el;
}

const geometry = /\s(x|y|x1|x2|y1|y2|cx|cy|r|width|height|transform|d|dy|dx)="([^"]*)"/g;

/** Rounds the numbers inside geometry attributes to two decimals (never text content, which may hold data). */
export function roundGeometry(markup: string): string {
  return markup.replace(geometry, (_m, name: string, value: string) => {
    const v = value.replace(/-?\d*\.\d{3,}(?:e-?\d+)?/g, (n) => String(Math.round(Number(n) * 100) / 100));
    return ` ${name}="${v}"`;
  });
}

export interface PlotRender {
  /** Plot options without document; marks must carry className and use indexed() when listed in groups. */
  plot: Plot.PlotOptions;
  /** classNames of the marks whose elements belong to a datum (bars, value labels, category labels …). */
  groups: string[];
  /** The opening tag of datum i's group (see markOpen), or '' to drop that datum's elements. */
  open: (i: number) => string;
  /** Extra attributes per shape class: e.g. { bars: (i) => 'class="shape c1"' } replaces Plot's fill. */
  shape?: Record<string, (i: number) => string>;
}

/** Renders a Plot spec and returns the inner markup for our own root element (see svg.ts frame). */
export function renderPlot({ plot, groups, open, shape = {} }: PlotRender): string {
  const svg = Plot.plot({ ...plot, document: document as unknown as Document }) as unknown as Element;
  svg.querySelectorAll('style').forEach((s) => s.remove());

  const buckets = new Map<number, string[]>();
  let placeholder: Comment | null = null;
  for (const cls of groups) {
    const g = svg.querySelector(`g.${cls}`);
    if (!g) continue;
    for (const el of Array.from(g.children)) {
      const i = Number(el.getAttribute('data-i'));
      const extra = shape[cls]?.(i);
      if (extra) {
        el.removeAttribute('fill');
        el.removeAttribute('stroke');
      }
      const markup = adopt(el, g).outerHTML;
      const withClass = extra ? markup.replace(/^<(\w+)/, (_m, tag: string) => `<${tag} ${extra}`) : markup;
      buckets.set(i, [...(buckets.get(i) ?? []), withClass]);
    }
    if (!placeholder) {
      placeholder = document.createComment('marks') as unknown as Comment;
      g.replaceWith(placeholder as unknown as Node);
    } else g.remove();
  }

  for (const g of Array.from(svg.querySelectorAll('g[aria-label]'))) g.removeAttribute('aria-label');
  for (const el of Array.from(svg.querySelectorAll('[font-variant]'))) {
    const fv = el.getAttribute('font-variant');
    el.removeAttribute('font-variant');
    if (fv === 'tabular-nums') el.setAttribute('style', 'font-variant-numeric:tabular-nums');
  }

  const marks = [...buckets.keys()]
    .sort((a, b) => a - b)
    .map((i) => {
      const tag = open(i);
      return tag ? `${tag}${buckets.get(i)!.join('')}</g>` : '';
    })
    .join('');
  // A replacer function, not a string: labels may hold $& or $$, which a replacement string would expand.
  const inner = svg.innerHTML.replace('<!--marks-->', () => marks);
  return roundGeometry(`<g text-anchor="middle">${inner}</g>`);
}
