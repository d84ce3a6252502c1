/** String helpers shared by every chart kind: escaping, text measure, the root element, marks and the empty chart. */
import { escapeHtml } from '../lib/escape.ts';
import { formatValue } from '../lib/format.ts';
import type { ChartDatum } from './types.ts';

export const FONT = 13;
export const SMALL = 12;

/** Escapes text for SVG content and attribute values (the site's one escaper, under the short name charts use). */
export const esc = escapeHtml;

/** Rounds a coordinate to two decimals so output stays small and stable. */
export function r(n: number): number {
  return Math.round(n * 100) / 100;
}

/** A character set a full em wide: CJK and other wide scripts, general punctuation (— “ ”) and full-width forms. */
export function isWideChar(code: number): boolean {
  return code >= 0x2e80 || (code >= 0x2010 && code <= 0x206f) || (code >= 0xff00 && code <= 0xffef);
}

/**
 * Estimates the rendered width of a string: CJK and full-width characters 1em, digits and Latin about 0.6em, plus
 * 1/8em wherever a CJK character meets a letter or digit (browsers' default text-autospace: 2021年 measures 3.67em
 * in Chromium, not 3.4em).
 */
export function textWidth(text: string, size = FONT): number {
  let em = 0;
  let prev: 'han' | 'alnum' | 'other' = 'other';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const kind = c >= 0x3400 && c <= 0x9fff ? 'han' : /[A-Za-z0-9]/.test(ch) ? 'alnum' : 'other';
    if ((kind === 'han' && prev === 'alnum') || (kind === 'alnum' && prev === 'han')) em += 0.125;
    prev = kind;
    if (isWideChar(c)) em += 1;
    else if (ch === ' ') em += 0.3;
    else if (/[.,:;|!'il]/.test(ch)) em += 0.32;
    else if (/[MW%@]/.test(ch)) em += 0.9;
    else em += 0.6;
  }
  return em * size;
}

const noLineStart = /^[，。、；：？！）》」』”’%]/;

/** Breaks text into lines no wider than maxWidth (CJK breaks anywhere, Latin/number runs stay whole); caps the line count with an ellipsis. */
export function wrap(text: string, maxWidth: number, size = FONT, maxLines = 3): string[] {
  const tokens = text.match(/[A-Za-z0-9.%-]+|./gsu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const t of tokens) {
    if (line && textWidth(line + t, size) > maxWidth) {
      if (!noLineStart.test(t)) {
        lines.push(line);
        line = t.trimStart();
        continue;
      }
      // A closing mark may not start a line: take the last CJK character down with it rather than overflow.
      const chars = [...line];
      const last = chars[chars.length - 1]!;
      if (chars.length > 1 && textWidth(last, size) >= size && !noLineStart.test(last)) {
        lines.push(chars.slice(0, -1).join(''));
        line = last + t;
        continue;
      }
    }
    line += t;
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    let last = kept[maxLines - 1]!;
    while (last.length > 1 && textWidth(`${last}…`, size) > maxWidth) last = last.slice(0, -1);
    kept[maxLines - 1] = `${last}…`;
    return kept;
  }
  return lines;
}

/** Returns `label：value`, with （计算值） for derived rows: the text of a tooltip. */
export function tip(d: ChartDatum, value = formatValue(d.value, d.unit, d.qualifier)): string {
  return `${d.label}：${value}${d.derived ? '（计算值）' : ''}`;
}

/** Opens the group that wraps one datum's shapes and labels; the client script reads data-key and data-tip. */
export function markOpen(d: ChartDatum, extraClass = '', tipText: string = tip(d)): string {
  const cls = ['mark', extraClass, d.derived ? 'mark-derived' : ''].filter(Boolean).join(' ');
  return `<g class="${cls}" data-key="${esc(d.key)}" data-tip="${esc(tipText)}">`;
}

/** Writes one text element; multi-line text becomes tspans. Attributes are given pre-escaped except the text. */
export function text(x: number, y: number, content: string | string[], attrs = '', lineHeight = 16): string {
  const lines = Array.isArray(content) ? content : [content];
  const a = attrs ? ` ${attrs}` : '';
  if (lines.length === 1) return `<text x="${r(x)}" y="${r(y)}"${a}>${esc(lines[0])}</text>`;
  const spans = lines.map((l, i) => `<tspan x="${r(x)}"${i ? ` dy="${lineHeight}"` : ''}>${esc(l)}</tspan>`).join('');
  return `<text x="${r(x)}" y="${r(y)}"${a}>${spans}</text>`;
}

/** Wraps a chart body in the accessible root element every chart shares. */
export function frame(o: {
  id: string;
  kind: string;
  title: string;
  description: string;
  width: number;
  height: number;
  body: string;
}): string {
  const id = esc(o.id);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${r(o.width)} ${Math.ceil(o.height)}" role="img" ` +
    `aria-labelledby="${id}-title ${id}-desc" class="chart chart-${esc(o.kind)}">` +
    `<title id="${id}-title">${esc(o.title)}</title><desc id="${id}-desc">${esc(o.description)}</desc>${o.body}</svg>`
  );
}

/** Returns the placeholder chart shown when a dataset has no rows: still an image with a name. */
export function emptyChart(kind: string, o: { id: string; title: string }, width = 320) {
  const description = `${o.title}：暂无数据。`;
  const body = `<rect class="track" x="0.5" y="0.5" width="${width - 1}" height="79" rx="4"/>${text(width / 2, 46, '暂无数据', 'class="muted" text-anchor="middle"')}`;
  return { svg: frame({ id: o.id, kind, title: o.title, description, width, height: 80, body }), description };
}

/** Returns a note line (e.g. the derived-value legend) at y, in muted small text, hidden from screen readers. */
export function note(x: number, y: number, content: string): string {
  return text(x, y, content, `class="muted note" aria-hidden="true"`);
}

/** The note explaining dashed marks, used when any datum is derived. */
export const DERIVED_NOTE = '虚线框：本站计算值，非原文所载';

/** Keeps only usable rows: a key, a label and a finite value. */
export function usable(data: readonly ChartDatum[]): ChartDatum[] {
  return (data ?? []).filter((d) => d && typeof d.key === 'string' && Number.isFinite(d.value));
}
