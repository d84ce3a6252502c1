/**
 * Where a chart's text and marks land, estimated from the chart function's markup alone (no browser): each text
 * line's box from its position, anchor and an estimate of its width (a CJK glyph 1em, a digit or Latin letter
 * 0.6em), and the boxes of bars and dots. The tests use it to find labels that collide or that the viewBox cuts.
 * Its widths are its own, not the charts' textWidth (src/charts/svg.ts), so a layout that trusts a wrong estimate
 * of its own is still caught; only which characters are a full em wide is shared.
 */
import { parse } from './expect-chart.ts';
import { isWideChar } from '../../src/charts/svg.ts';

export interface Box {
  /** What the box holds: the text, or the shape's tag and class. */
  what: string;
  x: number;
  y: number;
  right: number;
  bottom: number;
  /** The data-key of the mark group the element belongs to, if any. */
  key?: string;
}

/**
 * The width of a string at `size` px: CJK and full-width characters 1em, a space 0.3em, anything else 0.6em, plus
 * 1/8em wherever a CJK character meets a letter or digit (Chromium's default text-autospace, measured: 2021年 is
 * 2.55em of digits + 1em + 0.125em).
 */
export function estimateWidth(text: string, size: number): number {
  let em = 0;
  let prev: 'wide' | 'narrow' | 'other' = 'other';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const cls = c >= 0x3400 && c <= 0x9fff ? 'wide' : /[A-Za-z0-9]/.test(ch) ? 'narrow' : 'other';
    if ((cls === 'wide' && prev === 'narrow') || (cls === 'narrow' && prev === 'wide')) em += 0.125;
    prev = cls;
    if (isWideChar(c)) em += 1;
    else if (ch === ' ') em += 0.3;
    else em += 0.6;
  }
  return em * size;
}

/** Sums the translate() steps of an element and its ancestors; any other transform fails (the estimate would be wrong). */
function offset(el: Element): [number, number] {
  let dx = 0;
  let dy = 0;
  for (let e: Element | null = el; e && e.tagName.toLowerCase() !== 'svg'; e = e.parentElement) {
    const t = e.getAttribute('transform');
    if (!t) continue;
    const steps = [...t.matchAll(/(\w+)\(([^)]*)\)/g)];
    for (const [, name, args] of steps) {
      if (name !== 'translate') throw new Error(`text-boxes: cannot estimate a ${name}() transform`);
      const [a = 0, b = 0] = args!.split(/[\s,]+/).map(Number);
      dx += a;
      dy += b;
    }
  }
  return [dx, dy];
}

function inherited(el: Element, name: string): string | undefined {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const v = e.getAttribute(name);
    if (v !== null) return v;
  }
  return undefined;
}

function classes(el: Element): string[] {
  const out: string[] = [];
  for (let e: Element | null = el; e; e = e.parentElement) out.push(...(e.getAttribute('class') ?? '').split(/\s+/));
  return out;
}

/** The font size the site's chart stylesheet gives a text element (src/styles/charts.css). */
function fontSize(el: Element): number {
  const own = el.getAttribute('font-size');
  if (own) return Number.parseFloat(own);
  const cls = classes(el);
  if ((el.getAttribute('class') ?? '').split(/\s+/).includes('big')) return 20;
  if (cls.some((c) => ['small', 'note', 'muted', 'axis'].includes(c))) return 12;
  return 13;
}

/** A length in px: a number or n em. */
function length(v: string | null, size: number): number {
  if (!v) return 0;
  return v.endsWith('em') ? Number.parseFloat(v) * size : Number(v);
}

function keyOf(el: Element): string | undefined {
  return el.closest('g.mark')?.getAttribute('data-key') ?? undefined;
}

/** Returns one box per line of text (tspans included): the ink from 0.88em above the baseline to 0.12em below it. */
export function textBoxes(svg: string): Box[] {
  const root = parse(svg);
  const boxes: Box[] = [];
  for (const el of Array.from(root.querySelectorAll('text'))) {
    const size = fontSize(el);
    const [ox, oy] = offset(el);
    const anchor = inherited(el, 'text-anchor') ?? 'start';
    const bold = classes(el).some((c) => ['strong', 'value', 'big', 'heading'].includes(c));
    const mode = inherited(el, 'writing-mode');
    const vertical = mode === 'tb' || mode === 'vertical-rl' || mode === 'vertical-lr';
    if (vertical && el.querySelector('tspan')) throw new Error('text-boxes: cannot estimate multi-line vertical text');
    const spans = Array.from(el.querySelectorAll('tspan'));
    const lines = spans.length
      ? spans.map((s) => ({ s, text: s.textContent ?? '' }))
      : [{ s: el, text: el.textContent ?? '' }];
    let x = length(el.getAttribute('x'), size);
    let y = length(el.getAttribute('y'), size) + length(el.getAttribute('dy'), size);
    for (const { s, text } of lines) {
      if (s !== el) {
        if (s.hasAttribute('x')) x = length(s.getAttribute('x'), size);
        if (s.hasAttribute('y')) y = length(s.getAttribute('y'), size);
        y += length(s.getAttribute('dy'), size);
      }
      if (!text.trim()) continue;
      // Bold glyphs run a little wider than the estimate.
      const w = estimateWidth(text, size) * (bold ? 1.05 : 1);
      const shift = anchor === 'middle' ? w / 2 : anchor === 'end' ? w : 0;
      if (vertical) {
        // Top-to-bottom text: the glyphs stand in a column 1em wide centred on x, running down from y.
        const top = oy + y - shift;
        boxes.push({
          what: text,
          x: ox + x - size / 2,
          y: top,
          right: ox + x + size / 2,
          bottom: top + w,
          key: keyOf(el),
        });
        continue;
      }
      const left = ox + x - shift;
      const base = oy + y;
      boxes.push({
        what: text,
        x: left,
        y: base - 0.88 * size,
        right: left + w,
        bottom: base + 0.12 * size,
        key: keyOf(el),
      });
    }
  }
  return boxes;
}

/** Returns the boxes of drawn marks: bars (rect.shape, rect.ring) and dots (circles). */
export function markBoxes(svg: string): Box[] {
  const root = parse(svg);
  const boxes: Box[] = [];
  for (const el of Array.from(root.querySelectorAll('rect.shape, rect.ring, circle'))) {
    const [ox, oy] = offset(el);
    const what = `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`;
    if (el.tagName.toLowerCase() === 'circle') {
      const [cx, cy, r] = ['cx', 'cy', 'r'].map((a) => Number(el.getAttribute(a) ?? 0)) as [number, number, number];
      boxes.push({ what, x: ox + cx - r, y: oy + cy - r, right: ox + cx + r, bottom: oy + cy + r, key: keyOf(el) });
    } else {
      const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((a) => Number(el.getAttribute(a) ?? 0)) as [
        number,
        number,
        number,
        number,
      ];
      boxes.push({ what, x: ox + x, y: oy + y, right: ox + x + w, bottom: oy + y + h, key: keyOf(el) });
    }
  }
  return boxes;
}

/** The viewBox as a box. */
export function viewBox(svg: string): Box {
  const [x = 0, y = 0, w = 0, h = 0] = (parse(svg).getAttribute('viewBox') ?? '').split(/\s+/).map(Number);
  return { what: 'viewBox', x, y, right: x + w, bottom: y + h };
}

/** Tells whether two boxes share more than `slack` px in both directions. */
export function overlap(a: Box, b: Box, slack = 0.5): boolean {
  return (
    Math.min(a.right, b.right) - Math.max(a.x, b.x) > slack && Math.min(a.bottom, b.bottom) - Math.max(a.y, b.y) > slack
  );
}

/** Describes a box for a failure message. */
export function show(b: Box): string {
  return `"${b.what}" [${b.x.toFixed(1)}, ${b.y.toFixed(1)} → ${b.right.toFixed(1)}, ${b.bottom.toFixed(1)}]`;
}

/** Lists the text lines that collide with another text line. */
export function textCollisions(svg: string): string[] {
  const boxes = textBoxes(svg);
  const out: string[] = [];
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => {
      if (overlap(a, b)) out.push(`${show(a)} overlaps ${show(b)}`);
    }),
  );
  return out;
}

/** Lists the text lines that run into a bar or a dot. */
export function markCollisions(svg: string): string[] {
  const marks = markBoxes(svg);
  return textBoxes(svg).flatMap((t) => marks.filter((m) => overlap(t, m)).map((m) => `${show(t)} overlaps ${show(m)}`));
}

/** Lists the text lines the viewBox cuts. */
export function clipped(svg: string): string[] {
  const v = viewBox(svg);
  return textBoxes(svg)
    .filter((t) => t.x < v.x - 0.5 || t.right > v.right + 0.5 || t.y < v.y - 0.5 || t.bottom > v.bottom + 0.5)
    .map((t) => `${show(t)} outside the viewBox ${v.right}×${v.bottom}`);
}
