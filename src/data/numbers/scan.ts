/**
 * The one scanner of quantities in report text. The data check (numbers in a quote), the coverage check (every
 * number the report prints) and the importer (numbers.json of a draft) all read text through scanQuantities, so
 * they count the same things as numbers.
 */
import { UNIT_NAMES, isDateUnit } from '../units.ts';
import { joinRanges } from './ranges.ts';
import type { Numeral, Quantity } from './quantity.ts';

export type { Numeral, Quantity, QuantityKind } from './quantity.ts';
import { CHINESE_DIGITS, CHINESE_NUMERAL_CHARS, halfWidthDigits, parseChineseNumeral } from './numerals.ts';
import {
  AFTER_QUALIFIERS,
  BEFORE_QUALIFIERS,
  CHANGE_WORDS,
  DATE_QUALIFIERS,
  INNER_QUALIFIERS,
  PLAN_QUALIFIERS,
  PLAN_VERBS,
  type Qualifier,
} from './qualifiers.ts';

/** Counting words that are not dataset units but still make a Chinese numeral a count (五大行动, 三篇, 两次). */
export const MEASURE_WORDS = ['大', '篇', '位', '次', '类', '件', '年', '倍', '周', '期', '届', '轮', '层', '辆', '栋'];

const AMOUNT_UNITS = [...UNIT_NAMES.filter((u) => !isDateUnit(u)), ...MEASURE_WORDS].sort(
  (a, b) => b.length - a.length,
);
const MULTIPLIERS = ['万亿', '万', '亿'];

/** Words after a numeral that make it part of a name: places, campaigns, enumerations. */
const NAME_AFTER: [RegExp, string][] = [
  [/^(?:家子|道沟|营子|间房|道岭|里堡)/u, '地名 place name'],
  [/^年(?:攻坚|行动|大变样|规划)/u, '行动名称 campaign name'],
  [/^次?产业/u, '产业分类 enumeration of sectors'],
];
const ARABIC = /\d+(?:\.\d+)?|\.\d+/gu;
const CHINESE = new RegExp(`[${CHINESE_NUMERAL_CHARS}]+`, 'gu');
const HAS_DIGIT = new RegExp(`[${CHINESE_DIGITS}]|^十`, 'u');
const LATIN = /[A-Za-z]/;
const CLAUSE_END = /[，。；：！？、,;:!?\n]/u;

const startsWithAny = <W extends string>(text: string, at: number, words: readonly W[]) =>
  words.find((w) => text.startsWith(w, at));
const endsWithAny = <W extends string>(text: string, at: number, words: readonly W[]) =>
  words.find((w) => at >= w.length && text.startsWith(w, at - w.length));

/** Returns the numerals of a text in reading order: Arabic runs and Chinese numeral runs. */
function numerals(text: string): Numeral[] {
  const out: Numeral[] = [];
  for (const m of text.matchAll(ARABIC)) {
    out.push({ printed: m[0], value: Number(m[0]), index: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(CHINESE)) {
    // A numeral never starts with a place word or a multiplier (千万, 万一, 百分之).
    const lead = /^[百千万亿]+/u.exec(m[0])?.[0].length ?? 0;
    let run = m[0].slice(lead);
    const index = m.index + lead;
    // 两万元, 三亿只: the multiplier belongs to the unit, as with Arabic numbers (2万元).
    const mult = MULTIPLIERS.find((x) => run.endsWith(x) && run.length > x.length);
    if (mult && startsWithAny(text, index + run.length - mult.length, AMOUNT_UNITS)?.startsWith(mult))
      run = run.slice(0, -mult.length);
    if (!run || !HAS_DIGIT.test(run)) continue;
    const value = parseChineseNumeral(run) ?? Number.NaN;
    out.push({ printed: run, value, index, end: index + run.length });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Reads the unit after a number at `at`: 万 + 余 + 亩 → 万亩 with 余; 多 + 万美元 → 万美元 with 多. */
function unitAt(text: string, at: number): { unit?: string; inner?: Qualifier; stop: number } {
  for (const mult of MULTIPLIERS) {
    if (!text.startsWith(mult, at)) continue;
    const inner = startsWithAny(text, at + mult.length, INNER_QUALIFIERS);
    if (!inner) continue;
    const rest = startsWithAny(
      text,
      at + mult.length + inner.length,
      AMOUNT_UNITS.map((u) => u),
    );
    const unit = AMOUNT_UNITS.find((u) => u === mult + (rest ?? ''));
    if (unit) return { unit, inner, stop: at + mult.length + inner.length + (rest?.length ?? 0) };
  }
  const inner = startsWithAny(text, at, INNER_QUALIFIERS);
  const direct = startsWithAny(text, at, AMOUNT_UNITS);
  if (inner && !direct) {
    const unit = startsWithAny(text, at + inner.length, AMOUNT_UNITS);
    if (unit) return { unit, inner, stop: at + inner.length + unit.length };
  }
  if (!direct) return { stop: at };
  // 1万余人: a bare multiplier counting people, then its qualifier.
  const afterMult = MULTIPLIERS.includes(direct)
    ? startsWithAny(text, at + direct.length, INNER_QUALIFIERS)
    : undefined;
  return { unit: direct, inner: afterMult, stop: at + direct.length + (afterMult?.length ?? 0) };
}

/** Reads a date starting with numeral i: 2021年9月1日, 2021年7月, 2025年, 9月1日, 11月末. */
function dateAt(text: string, list: Numeral[], i: number): { used: number; date: string; stop: number } | undefined {
  const pad = (n: number) => String(n).padStart(2, '0');
  const isInt = (n: Numeral | undefined) => !!n && /^\d+$/.test(n.printed);
  let k = i;
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  const first = list[i]!;
  let stop = first.index;
  if (
    isInt(first) &&
    first.printed.length === 4 &&
    text[first.end] === '年' &&
    first.value >= 1900 &&
    first.value <= 2100
  ) {
    year = first.value;
    stop = first.end + 1;
    k++;
  }
  const m = list[k];
  if (isInt(m) && m!.index === stop && text[m!.end] === '月' && m!.value >= 1 && m!.value <= 12) {
    month = m!.value;
    stop = m!.end + 1;
    k++;
    const d = list[k];
    if (isInt(d) && d!.index === stop && text[d!.end] === '日' && d!.value >= 1 && d!.value <= 31) {
      day = d!.value;
      stop = d!.end + 1;
      k++;
    }
  }
  if (year === undefined && month === undefined) return undefined;
  if (text[stop] === '份') stop++;
  const date = `${year ?? '-'}${month ? `-${pad(month)}` : ''}${day ? `-${pad(day)}` : ''}`;
  return { used: k - i, date, stop };
}

/** Returns every quantity printed in a text, in reading order, with its unit, qualifiers and kind. */
export function scanQuantities(printed: string): Quantity[] {
  // Full-width digits read as half-width; each replacement keeps its length, so offsets hold for the printed text.
  const text = halfWidthDigits(printed).replace(/％/gu, '%');
  const list = numerals(text);
  const out: Quantity[] = [];
  for (let i = 0; i < list.length; i++) {
    const n = list[i]!;
    const before = text[n.index - 1] ?? '';
    const after = text[n.end] ?? '';
    const arabic = /\d/.test(n.printed);
    const base = { numerals: [n], qualifiers: [] as Qualifier[], start: n.index, stop: n.end };

    if (arabic && (LATIN.test(before) || (LATIN.test(after) && !startsWithAny(text, n.end, AMOUNT_UNITS)))) {
      // The whole code: G101, 5G+.
      let start = n.index;
      let stop = n.end;
      while (start > 0 && /[A-Za-z0-9-]/.test(text[start - 1]!)) start--;
      while (stop < text.length && /[A-Za-z0-9+]/.test(text[stop]!)) stop++;
      out.push({ ...base, kind: 'name', value: Number.NaN, why: '代码或型号 a code (5G, G101)', start, stop });
      continue;
    }
    const date = arabic ? dateAt(text, list, i) : undefined;
    if (date) {
      const numeralsUsed = list.slice(i, i + date.used);
      const qualifier = startsWithAny(text, date.stop, DATE_QUALIFIERS);
      out.push({
        kind: 'date',
        value: Number.NaN,
        date: date.date,
        qualifiers: qualifier ? [qualifier] : [],
        numerals: numeralsUsed,
        start: n.index,
        stop: date.stop + (qualifier?.length ?? 0),
      });
      i += date.used - 1;
      continue;
    }
    const name = NAME_AFTER.find(([re]) => re.test(text.slice(n.end, n.end + 4)));
    if (name || Number.isNaN(n.value)) {
      if (!arabic && !name && n.printed.length < 2) continue;
      const word = name ? name[0].exec(text.slice(n.end, n.end + 4))![0] : '';
      out.push({
        ...base,
        kind: 'name',
        value: Number.NaN,
        why: name?.[1] ?? '序列或名称 a list or a name (十四五)',
        stop: n.end + word.length,
      });
      continue;
    }
    const { unit, inner, stop } = unitAt(text, n.end);
    // A lone 一 is the article (一批, 一站式) or a rank (第一书记), never data; a multiplier makes it a number (一万元).
    if (n.printed === '一' && !/^[万亿]/u.test(unit ?? '')) continue;
    if (before === '第') {
      out.push({ ...base, kind: 'ordinal', value: n.value, unit, start: n.index - 1, stop });
      continue;
    }
    // A lone Chinese numeral counts only before a measure word.
    if (!arabic && n.printed.length === 1 && !unit) continue;

    const qualifiers: Qualifier[] = [];
    let start = n.index;
    let shownUnit = unit;
    if (text.startsWith('百分之', start - 3)) {
      shownUnit = '%';
      start -= 3;
    }
    let direct = endsWithAny(text, start, BEFORE_QUALIFIERS);
    // 最近3年, 接近: 近 inside a word.
    if (direct === '近' && /[最接将临附]/u.test(text[start - 2] ?? '')) direct = undefined;
    if (direct) start -= direct.length;
    const verb = endsWithAny(text, start, PLAN_VERBS) ?? '';
    const plan = endsWithAny(text, start - verb.length, PLAN_QUALIFIERS);
    if (plan) start -= verb.length + plan.length;
    qualifiers.push(...(plan ? [plan] : []), ...(direct ? [direct] : []));
    let change: string | undefined;
    if (shownUnit === '%' || shownUnit === '个百分点' || shownUnit === '倍') {
      // 增长了57%, 增长（12.5%）: one character may sit between the change and the number.
      const gap = /[了达为（(]/u.test(text[start - 1] ?? '') && !endsWithAny(text, start, CHANGE_WORDS) ? 1 : 0;
      change = endsWithAny(text, start - gap, CHANGE_WORDS);
      if (change) start -= gap + change.length;
    }
    if (inner) qualifiers.push(inner);
    const suffix = startsWithAny(text, stop, AFTER_QUALIFIERS);
    if (suffix) qualifiers.push(suffix);
    // 力争建成园区10个以上: a plan earlier in the clause makes the number a target; it comes after the number's own.
    const clause = text.slice(0, start).split(CLAUSE_END).at(-1) ?? '';
    const planAhead = !plan && PLAN_QUALIFIERS.find((p) => clause.includes(p));
    if (planAhead) qualifiers.push(planAhead);
    const reach = planAhead ? start - clause.length + clause.lastIndexOf(planAhead) : undefined;
    out.push({
      ...base,
      kind: change ? 'rate' : 'quantity',
      value: n.value,
      unit: shownUnit,
      qualifiers,
      ...(change ? { change } : {}),
      ...(reach !== undefined ? { reach } : {}),
      start,
      stop: stop + (suffix?.length ?? 0),
    });
  }
  return joinRanges(text, out);
}
