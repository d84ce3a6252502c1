/** The punctuation finding: half-width marks in Chinese text, and one map that turns them full-width. */
import type { DraftBlock } from './blocks.ts';
import type { Flag } from './flags.ts';

export const HALF_TO_FULL: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '(': '（',
  ')': '）',
  '!': '！',
  '?': '？',
};
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’—…·]/u;

/** The nearest letter (Han or Latin) before or after offset i, looking past spaces, line breaks, digits and marks. */
function nearestLetter(text: string, i: number, step: 1 | -1): string {
  for (let k = i + step, n = 0; k >= 0 && k < text.length && n < 16; k += step, n++) {
    const ch = text[k]!;
    if (/[\p{Script=Han}A-Za-z]/u.test(ch)) return ch;
  }
  return '';
}

/** Pairs each half-width ( with its ); an unpaired bracket pairs with nothing. */
function bracketPairs(text: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') open.push(i);
    else if (text[i] === ')' && open.length) {
      const at = open.pop()!;
      pairs.set(at, i).set(i, at);
    }
  }
  return pairs;
}

/** True when a half-width mark sits in Chinese text: its nearest letter is Han (a bracket: its content or its left). */
function inChinese(text: string, i: number, pairs: ReadonlyMap<number, number>): boolean {
  const han = (ch: string) => CJK.test(ch) && ch !== '';
  const ch = text[i]!;
  if (ch === '(' || ch === ')') {
    const other = pairs.get(i);
    if (other === undefined) return han(nearestLetter(text, i, -1)) || han(nearestLetter(text, i, 1));
    const [a, b] = ch === '(' ? [i, other] : [other, i];
    return /\p{Script=Han}/u.test(text.slice(a + 1, b)) || han(nearestLetter(text, a, -1));
  }
  return han(nearestLetter(text, i, -1)) || han(nearestLetter(text, i, 1));
}

/** Returns the one punctuation finding for the whole text, or undefined when every mark is full-width. */
export function punctuationFlag(text: string, blocks: readonly DraftBlock[]): Omit<Flag, 'id'> | undefined {
  const chinese = new Map<string, number>();
  const other = new Set<string>();
  const counts: Record<string, number> = {};
  const pairs = bracketPairs(text);
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!(ch in HALF_TO_FULL)) continue;
    if (inChinese(text, i, pairs)) {
      chinese.set(ch, (chinese.get(ch) ?? 0) + 1);
      if (first < 0) first = i;
      const block = blocks.find((b) => b.start <= i && i < b.end);
      if (block) counts[block.id] = (counts[block.id] ?? 0) + 1;
    } else other.add(ch);
  }
  if (chinese.size === 0) return undefined;
  // A mark also used between Latin letters or digits stays out of the map: a global swap would damage those uses.
  let safe = [...chinese.keys()].filter((ch) => !other.has(ch));
  // Brackets change together, or the repair would leave （…) unbalanced.
  if (safe.includes('(') !== safe.includes(')') && (chinese.has('(') || chinese.has(')')))
    safe = safe.filter((ch) => ch !== '(' && ch !== ')');
  const summary = [...chinese].map(([ch, n]) => `“${ch}”${n}处`).join('、');
  const flag: Omit<Flag, 'id'> = {
    paragraph: '*',
    kind: 'punctuation',
    confidence: 'likely',
    excerpt: text.slice(Math.max(0, first - 8), first + 8),
    message:
      `中文文本中出现半角标点（${summary}），多半是文本提取时全角标点被转成了半角。 Half-width punctuation inside Chinese text.` +
      (other.size ? ` 其中 ${[...other].join(' ')} 也出现在非中文语境中，没有放进替换表，请逐处处理。` : ''),
    counts,
  };
  if (safe.length) {
    // Every mark in safe was found in HALF_TO_FULL.
    const swaps = safe.flatMap((ch) => {
      const full = HALF_TO_FULL[ch];
      return full ? [[ch, full] as const] : [];
    });
    const map = Object.fromEntries(swaps);
    flag.suggestion = {
      paragraph: '*',
      kind: 'punctuation',
      before: safe.join(' '),
      after: swaps.map(([, full]) => full).join(' '),
      map,
      why: `文本提取时，全角中文标点被转成了半角符号（${summary}）。按中文排版规范恢复为全角。请先确认没有数字或英文用到这些符号。`,
    };
  }
  return flag;
}
