/** Checks every chart must pass, written as a reader or a screen reader would notice them. */
import { DOMParser } from 'linkedom';
import { expect } from 'vitest';
import type { ChartDatum, ChartOutput } from '../../src/charts/types.ts';

/** Parses chart markup as a page would (inline SVG in HTML; linkedom's XML mode leaves entities in attributes undecoded). */
export function parse(svg: string): Element {
  const doc = new DOMParser().parseFromString(
    `<!doctype html><html><body>${svg}</body></html>`,
    'text/html',
  ) as unknown as Document;
  return doc.querySelector('svg') as Element;
}

/** Returns the mark groups keyed by data-key. */
export function marks(svg: string): Map<string, Element> {
  const root = parse(svg);
  return new Map(Array.from(root.querySelectorAll('g.mark')).map((g) => [g.getAttribute('data-key')!, g]));
}

/** Asserts the accessible root: role, name and description linked by ids prefixed with the chart id; no fixed size. */
export function expectAccessibleRoot(out: ChartOutput, id: string, kind: string, title: string): void {
  const root = parse(out.svg);
  expect(root.tagName.toLowerCase()).toBe('svg');
  expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
  expect(root.getAttribute('role')).toBe('img');
  expect(root.getAttribute('viewBox')).toMatch(/^0 0 \d+(\.\d+)? \d+$/);
  expect(root.hasAttribute('width')).toBe(false);
  expect(root.hasAttribute('height')).toBe(false);
  expect(root.getAttribute('aria-labelledby')).toBe(`${id}-title ${id}-desc`);
  expect(root.getAttribute('class')).toBe(`chart chart-${kind}`);
  expect(root.querySelector(`title#${id}-title`)?.textContent).toBe(title);
  expect(root.querySelector(`desc#${id}-desc`)?.textContent).toBe(out.description);
  expect(out.description).toMatch(/。$/);
}

/** Asserts the checker mends and the colour rule: no aria-label on groups, no font-variant attribute, no inline colours, no Plot style. */
export function expectCleanMarkup(svg: string): void {
  expect(svg).not.toMatch(/<g[^>]*aria-label=/);
  expect(svg).not.toMatch(/font-variant="/);
  expect(svg).not.toMatch(/<style/);
  expect(svg).not.toMatch(/class="plot-/);
  expect(svg).not.toMatch(/(fill|stroke)="(?!none|currentColor)[^"]+"/);
  expect(svg).not.toMatch(/NaN|undefined|Infinity/);
}

/** Asserts each datum has exactly one mark with its key and a tip naming its label. */
export function expectMarksFor(svg: string, data: readonly ChartDatum[]): Map<string, Element> {
  const found = marks(svg);
  for (const d of data) {
    const g = found.get(d.key);
    expect(g, `mark for ${d.key}`).toBeDefined();
    expect(g!.getAttribute('data-tip')).toContain(d.label);
  }
  return found;
}
