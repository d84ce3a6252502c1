/**
 * Typing slips inside numbers that look right on screen but are not the number: full-width digits (８４.4, typed
 * with a Chinese input method; found by the number rules' fullWidthProblems), full-width letters beside a number
 * (１５０ＭＷ, ％) and a stray space (84. 4, 1 000). Messages name the slip and give the corrected text.
 */
import { fullWidthProblems } from './numbers.ts';

/** Full-width forms of ASCII (！ to ～) and the ideographic space. */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/g;

/** Converts full-width ASCII forms (０-９, Ａ-Ｚ, ａ-ｚ, ．, ％, the ideographic space) to their ASCII forms. */
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

const isFullDigit = (ch: string) => ch >= '０' && ch <= '９';

export interface NumberTypo {
  /** Offset and length of the slip's run in the text. */
  index: number;
  length: number;
  kind: 'full-width-digit' | 'full-width-letter' | 'stray-space';
  /** What is wrong, in words, quoting the text. */
  what: string;
  /** The run as it should be written. */
  corrected: string;
}

/** Names the slip in a token that should be a number (a JSON value such as ８４.4), if there is one. */
export function describeNumberTypo(word: string): { what: string; corrected: string } | undefined {
  const typo = findNumberTypos(word)[0];
  if (!typo) return undefined;
  const corrected = word.slice(0, typo.index) + typo.corrected + word.slice(typo.index + typo.length);
  return { what: typo.what.replace(`“${word.slice(typo.index, typo.index + typo.length)}”`, `“${word}”`), corrected };
}

/**
 * Returns every slip in a text: runs of digits that contain full-width digits, full-width letters beside digits
 * (units such as ＭＷ or ％), and a single space between two parts of one number (84. 4, 1 000, 84.4 亿).
 */
export function findNumberTypos(text: string): NumberTypo[] {
  const out: NumberTypo[] = [];
  for (const p of fullWidthProblems(text).problems) {
    // A full-width unit right after the number (１５０ＭＷ, ５％) belongs to the same slip.
    const tail = /^[％Ａ-Ｚａ-ｚ]*/.exec(text.slice(p.end))![0];
    const run = p.found + tail;
    out.push({
      index: p.index,
      length: run.length,
      kind: 'full-width-digit',
      what: `“${run}” is written with full-width digits (${[...new Set([...run].filter(isFullDigit))].join('')}), which are not the same characters as ${toHalfWidth(run)}`,
      corrected: toHalfWidth(run),
    });
  }
  for (const m of text.matchAll(/[0-9０-９][0-9０-９.．]*([％Ａ-Ｚａ-ｚ]+)/g)) {
    if (out.some((t) => t.index <= m.index && m.index < t.index + t.length)) continue;
    const letters = m[1]!;
    out.push({
      index: m.index,
      length: m[0].length,
      kind: 'full-width-letter',
      what: `“${m[0]}” is written with full-width letters (${[...new Set(letters)].join('')}), which are not the same characters as ${toHalfWidth(m[0])}`,
      corrected: toHalfWidth(m[0]),
    });
  }
  for (const m of text.matchAll(/(\d+\.?)[ \u3000](\.?\d+)/g)) {
    if (out.some((t) => t.index <= m.index && m.index < t.index + t.length)) continue;
    out.push({
      index: m.index,
      length: m[0].length,
      kind: 'stray-space',
      what: `a stray space inside the number “${m[0]}”`,
      corrected: `${m[1]}${m[2]}`,
    });
  }
  return out.sort((a, b) => a.index - b.index);
}
