/**
 * Places where the layout lost the digits of a number: 占地.4亩, 安排余人就业, 至少户, 比年一季度, 存栏万头.
 * The text reads on, but a quantity is missing its numeral; only the printed page can restore it.
 */
import { UNIT_NAMES } from '../units.ts';

export interface LostDigits {
  index: number;
  end: number;
  /** What remains of the quantity as printed. */
  printed: string;
  why: string;
}

const COUNTS = '户人家个名位项处所头只枝亩吨元';
const BIG_UNITS = UNIT_NAMES.filter((u) => /^[万亿]/u.test(u) && u !== '万').sort((a, b) => b.length - a.length);
const NUMERAL_BEFORE = /[\d０-９零〇一二两三四五六七八九十百千万亿数上近成几过逾破超余多]/u;

const RULES: { re: RegExp; why: string }[] = [
  { re: /(?<![\d０-９])[.．]\d+/gu, why: '数字从小数点开始，整数部分丢失 the number starts at its decimal point' },
  {
    re: new RegExp(`(?<![\\d０-９零〇一二两三四五六七八九十百千万其业剩结多盈有残课])余[${COUNTS}]`, 'gu'),
    why: '“余”前面没有数字 余 with no number before it',
  },
  {
    re: new RegExp(`(?:至少|超过|不少于|不足|不到|逾)[${COUNTS}]`, 'gu'),
    why: '限定词后直接是量词，数字丢失 a qualifier followed by a measure word, the number between is gone',
  },
  {
    re: /(?<=[比较于和与、])年(?=[一二三四]季度|同期|[上下]半年|\d{1,2}月)/gu,
    why: '“年”前面没有年份 年 with no year before it',
  },
  {
    re: new RegExp(`(?<=\\p{Script=Han})(?:${BIG_UNITS.join('|')})(?=[，。；、,;]|$)`, 'gu'),
    why: '单位前面没有数字 a unit with no number before it',
  },
];

/** Returns every place in the text where a quantity lost its digits. */
export function lostDigits(text: string): LostDigits[] {
  const out: LostDigits[] = [];
  for (const { re, why } of RULES) {
    for (const m of text.matchAll(re)) {
      if (why.startsWith('单位') && NUMERAL_BEFORE.test(text[m.index - 1] ?? '')) continue;
      out.push({ index: m.index, end: m.index + m[0].length, printed: m[0], why });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
