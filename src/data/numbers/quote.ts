/** Short exact quotes around a quantity, for draft dataset rows: they start and end at word boundaries. */
import type { Quantity } from './quantity.ts';

const STOP = /[，。；：！？、,;:!?\n（）()《》“”「」]/u;
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** Returns the offsets where words begin (with the word's length) in the text; its end is a boundary too. */
export function wordBoundaries(text: string): Map<number, number> {
  const at = new Map<number, number>([[text.length, 0]]);
  for (const s of segmenter.segment(text)) at.set(s.index, s.segment.length);
  return at;
}

/**
 * Returns a short exact quote around a quantity: from a word boundary up to about eight characters before it, within
 * its clause, to a word boundary after its unit and qualifier. Neither end falls inside another quantity.
 */
export function quoteFor(text: string, q: Quantity, all: readonly Quantity[], bounds = wordBoundaries(text)): string {
  const inside = (i: number) => all.some((o) => o !== q && o.start < i && i < o.stop);
  let left = q.reach ?? q.start;
  while (left > 0 && q.start - left < 8 && !STOP.test(text[left - 1]!)) left--;
  // A quote does not open on a one-character fragment of a longer word (省|级高新技术企业).
  const fragment = (i: number) => bounds.get(i) === 1 && /\p{Script=Han}/u.test(text[i - 1] ?? '');
  const latest = q.reach ?? q.start;
  while (left < latest && (!bounds.has(left) || inside(left) || fragment(left))) left++;
  let right = q.stop;
  while (right < text.length && (!bounds.has(right) || inside(right)) && !STOP.test(text[right]!)) right++;
  // 增长（12.5%）: a bracket opened in the quote closes in it.
  const opened =
    (text.slice(left, right).match(/[（(]/gu)?.length ?? 0) - (text.slice(left, right).match(/[）)]/gu)?.length ?? 0);
  if (opened > 0 && /[）)]/u.test(text[right] ?? '')) right++;
  return text.slice(left, right);
}
