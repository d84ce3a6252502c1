/** Numerals as newspapers print them: Arabic (half- or full-width) and Chinese, and how to read each. */

/** Characters of a Chinese numeral: digits, then the place words 十 百 千 and the multipliers 万 亿. */
export const CHINESE_DIGITS = '零〇一二两三四五六七八九';
export const CHINESE_NUMERAL_CHARS = `${CHINESE_DIGITS}十百千万亿`;

const DIGIT_VALUES: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const PLACES: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const MULTIPLIERS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Parses 十, 两, 二十五, 一百零八, 三万, 一亿二千万 …; undefined for a run that is not one number (一二三, 十四五). */
export function parseChineseNumeral(s: string): number | undefined {
  let total = 0;
  let section = 0;
  let pending: number | undefined;
  let lastWasDigit = false;
  let lastMultiplier = Infinity;
  for (const ch of s) {
    const digit = DIGIT_VALUES[ch];
    const place = PLACES[ch];
    const multiplier = MULTIPLIERS[ch];
    if (digit !== undefined) {
      // Two digits in a row are a list (一二三), except after 零 (一百零八).
      if (lastWasDigit && pending !== 0) return undefined;
      pending = digit;
      lastWasDigit = true;
    } else if (place !== undefined) {
      if (pending === undefined && !(place === 10 && section === 0 && total === 0)) return undefined;
      section += (pending ?? 1) * place;
      pending = undefined;
      lastWasDigit = false;
    } else if (multiplier !== undefined) {
      if ((pending === undefined && section === 0) || multiplier >= lastMultiplier) return undefined;
      total += (section + (pending ?? 0)) * multiplier;
      lastMultiplier = multiplier;
      section = 0;
      pending = undefined;
      lastWasDigit = false;
    } else return undefined;
  }
  return total + section + (pending ?? 0);
}

/** Returns true if the text holds any numeral character, even one the scanner does not read as a quantity (两高). */
export function hasNumeral(text: string): boolean {
  return new RegExp(`[0-9０-９${CHINESE_DIGITS}十双]`, 'u').test(text);
}

const FULL_WIDTH_DIGIT = /[０-９]/u;
const FULL_WIDTH_NUMBER = /[0-9０-９]+(?:[.．][0-9０-９]+)*/gu;

/**
 * Returns text with full-width digits (０-９) and a full-width decimal point between digits turned half-width.
 * Every replaced character is one UTF-16 unit, as its replacement is, so offsets into the result hold for the input.
 */
export function halfWidthDigits(text: string): string {
  return text
    .replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/(?<=\d)．(?=\d)/gu, '.');
}

export interface FullWidthProblem {
  /** Offsets of the run as written. */
  index: number;
  end: number;
  found: string;
  fix: string;
}

/**
 * Finds numbers written with full-width digits (２０２１, ８４．４): the report and the datasets print numbers with
 * half-width digits, so a quote or value typed this way never matches. Returns each run and the corrected text.
 */
export function fullWidthProblems(text: string): { problems: FullWidthProblem[]; corrected: string } {
  const problems: FullWidthProblem[] = [];
  for (const m of text.matchAll(FULL_WIDTH_NUMBER)) {
    if (!FULL_WIDTH_DIGIT.test(m[0])) continue;
    problems.push({ index: m.index, end: m.index + m[0].length, found: m[0], fix: halfWidthDigits(m[0]) });
  }
  return { problems, corrected: halfWidthDigits(text) };
}
