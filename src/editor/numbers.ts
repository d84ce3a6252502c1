/** Finds every number a report states, with its unit, qualifier and a short exact quote, for draft datasets. */

export interface FoundNumber {
  value: number;
  /** The unit as printed (亿元, 家, %, …), or "?" when the number has none the tool knows. */
  unit: string;
  /** 约, 多, 以上, 左右, 第 (an ordinal), 下限 / 上限 (the two ends of a range such as 5万元至200万元). */
  qualifier?: string;
  /** A short exact substring of the text around the number, ready to be a dataset row's source quote. */
  quote: string;
  /** Offset of the number's first character in the text. */
  index: number;
}

// Longest first, so 万美元 wins over 万 and 个月 over 个.
const ARABIC_UNITS = [
  '平方公里',
  '平方米',
  '万美元',
  '亿美元',
  '万千瓦',
  '亿元',
  '万元',
  '万吨',
  '万套',
  '万亩',
  '兆瓦',
  '千瓦',
  '公里',
  '公顷',
  '个月',
  '美元',
  'MW',
  'GW',
  'km',
  '%',
  '％',
  '万',
  '亿',
  '元',
  '吨',
  '亩',
  '米',
  '家',
  '个',
  '项',
  '户',
  '年',
  '月',
  '日',
  '天',
  '人',
  '名',
  '位',
  '镇',
  '街',
  '村',
  '批',
  '套',
  '台',
  '次',
  '条',
  '座',
  '处',
  '件',
  '种',
  '类',
  '倍',
  '篇',
  '级',
];
// A Chinese numeral counts as a number only before one of these measure words (两个, 十项, 三级 …).
const CHINESE_MEASURES = [
  '个月',
  '个',
  '项',
  '家',
  '户',
  '篇',
  '级',
  '批',
  '条',
  '名',
  '位',
  '次',
  '座',
  '处',
  '种',
  '类',
  '件',
  '套',
  '台',
  '年',
  '天',
];

const PREFIX = '(约|近|超过|逾|不到|不足|第)?';
const SUFFIX = '(以上|左右|以下|之多|余|多)?';
const unitAlt = (units: string[]) => units.join('|');

const ARABIC = new RegExp(`${PREFIX}(\\d+(?:\\.\\d+)?)(多|余)?(${unitAlt(ARABIC_UNITS)})?${SUFFIX}`, 'gu');
const CHINESE = new RegExp(
  `${PREFIX}([零〇一二两三四五六七八九十百千万]+)(多|余)?(${unitAlt(CHINESE_MEASURES)})${SUFFIX}`,
  'gu',
);
const RANGE_JOIN = /^(至|到|~|～|-|—|－)$/;
const STOP = /[，。；：！？、,;:!?\n（）()《》]/;

interface Raw {
  value: number;
  unit: string;
  prefix?: string;
  inner?: string;
  suffix?: string;
  index: number;
  start: number;
  end: number;
}

/** Returns every number in the text in reading order, Arabic and Chinese, with unit, qualifier and quote. */
export function extractNumbers(text: string): FoundNumber[] {
  const raws = [...arabic(text), ...chinese(text)].sort((a, b) => a.index - b.index);
  markRanges(text, raws);
  return raws.map((r) => {
    const qualifier = [r.prefix, r.inner, r.suffix].filter(Boolean).join('');
    const found: FoundNumber = {
      value: r.value,
      unit: r.unit,
      quote: quoteAround(text, r.start, r.end, r.unit === '?'),
      index: r.index,
    };
    if (qualifier) found.qualifier = qualifier;
    return found;
  });
}

function arabic(text: string): Raw[] {
  const out: Raw[] = [];
  for (const m of text.matchAll(ARABIC)) {
    const [whole, prefix, digits, inner, unit, suffix] = m;
    const index = m.index + (prefix?.length ?? 0);
    const after = text[m.index + whole.length] ?? '';
    const before = text[index - 1] ?? '';
    // 5G, G101, A4: codes, not quantities.
    if (/[A-Za-z]/.test(before) || (!unit && /[A-Za-z]/.test(after))) continue;
    if (/[.\d]/.test(before)) continue;
    out.push({
      value: Number(digits),
      unit: unit ?? '?',
      prefix,
      inner,
      suffix,
      index,
      start: m.index,
      end: m.index + whole.length,
    });
  }
  return out;
}

function chinese(text: string): Raw[] {
  const out: Raw[] = [];
  for (const m of text.matchAll(CHINESE)) {
    const [whole, prefix, numeral, inner, unit, suffix] = m;
    const value = parseChineseNumeral(numeral);
    if (value === undefined) continue;
    // A bare 一 before a measure word is nearly always the article "a" (一批, 一件件), not a count.
    if (value === 1 && prefix !== '第') continue;
    const index = m.index + (prefix?.length ?? 0);
    out.push({ value, unit, prefix, inner, suffix, index, start: m.index, end: m.index + whole.length });
  }
  return out;
}

/** Parses 十, 两, 二十五, 一百零八, 三万 …; returns undefined for a run that is not one number (一二三, 十四五). */
export function parseChineseNumeral(s: string): number | undefined {
  const digits: Record<string, number> = {
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
  const units: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
  let total = 0;
  let section = 0;
  let pending: number | undefined;
  let lastWasDigit = false;
  for (const ch of s) {
    if (ch in digits) {
      if (lastWasDigit && !(pending === 0)) return undefined;
      pending = digits[ch];
      lastWasDigit = true;
    } else if (ch in units) {
      if (pending === undefined && !(ch === '十' && section === 0 && total === 0)) return undefined;
      section += (pending ?? 1) * units[ch];
      pending = undefined;
      lastWasDigit = false;
    } else if (ch === '万') {
      if (pending === undefined && section === 0) return undefined;
      total += (section + (pending ?? 0)) * 10000;
      section = 0;
      pending = undefined;
      lastWasDigit = false;
    } else return undefined;
  }
  return total + section + (pending ?? 0);
}

function markRanges(text: string, raws: Raw[]): void {
  for (let i = 0; i + 1 < raws.length; i++) {
    const a = raws[i];
    const b = raws[i + 1];
    if (a.suffix || b.prefix || !RANGE_JOIN.test(text.slice(a.end, b.start))) continue;
    if (a.unit === '?' && b.unit !== '?') a.unit = b.unit;
    if (a.unit !== b.unit) continue;
    a.suffix = '下限';
    b.prefix = '上限';
    a.end = b.end;
    b.start = a.start;
  }
}

function quoteAround(text: string, start: number, end: number, unknownUnit: boolean): string {
  let left = start;
  // Latin letters stop the context too, so 150MW风力发电等15个 quotes 风力发电等15个.
  while (left > 0 && start - left < 8 && !STOP.test(text[left - 1]) && !/[A-Za-z]/.test(text[left - 1])) left--;
  let right = end;
  // A number with no known unit keeps the character after it, so the editor sees what it counts (53所).
  if (unknownUnit && right < text.length && !STOP.test(text[right])) right++;
  while (right < text.length && end - left + (right - end) < 6 && !STOP.test(text[right])) right++;
  return text.slice(left, right).trim() || text.slice(start, end);
}
