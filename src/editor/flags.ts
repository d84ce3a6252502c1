/** Finds suspected layout damage in a draft report; every finding is a suggestion, the text is never changed. */
import { lostDigits } from '../data/numbers.ts';
import { isClosed, type DraftSection, type DraftBlock } from './blocks.ts';
import { punctuationFlag } from './punctuation.ts';

export type FlagKind =
  | 'punctuation'
  | 'column-break'
  | 'caption-in-sentence'
  | 'stray-word'
  | 'doubled-character'
  | 'doubled-word'
  | 'lost-digit'
  | 'continuation-start';

/** A repair in the format of a report's corrections.json, applied by publish:report once the editor accepts it. */
export interface SuggestedRepair {
  paragraph: string;
  kind: 'punctuation' | 'column-break' | 'caption-in-sentence' | 'stray-word' | 'doubled-character' | 'lost-character';
  before: string;
  after: string;
  map?: Record<string, string>;
  why: string;
}

export interface Flag {
  id: string;
  /** Draft block id, or "*" for a finding across the whole text. */
  paragraph: string;
  kind: FlagKind;
  /** likely: almost certainly damage; check: often legitimate, an editor decides. */
  confidence: 'likely' | 'check';
  /** The received text around the finding, exactly as in the input (blank lines shown as they are). */
  excerpt: string;
  /** A short exact piece of the paragraph the finding concerns, kept as the doubt's text if the flag is rejected. */
  text?: string;
  message: string;
  suggestion?: SuggestedRepair;
  /** For the punctuation finding: how many marks each block holds. */
  counts?: Record<string, number>;
}

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’—…·]/u;
const CONTINUATION_START = /^[，、。；：,;:）)」』”’…的地得了着过之]|^[a-z]/u;
/** Reduplications that are ordinary Chinese, not doubled type. */
const COMMON_DOUBLES = new Set(
  '紧紧 件件 常常 渐渐 纷纷 人人 处处 个个 层层 步步 天天 家家 户户 时时 事事 样样 默默 深深 大大 刚刚 往往 稳稳 慢慢 久久 轻轻 悄悄 静静 好好 多多 仅仅 种种 点点 滴滴 条条 项项 片片 声声 句句 字字 实实 在在 明明 清清 楚楚'.split(
    ' ',
  ),
);
const LATIN_FIXES: Record<string, string> = { and: '和', or: '或', with: '与', of: '的', the: '', in: '在', to: '到' };

/** A finding inside one block, with its offset for reading order. */
type Found = Omit<Flag, 'id'> & { at: number };

/** Returns every suspected piece of layout damage, punctuation first, then in reading order. */
export function findFlags(text: string, sections: readonly DraftSection[]): Flag[] {
  const blocks = sections.flatMap((s) => s.blocks);
  const flags: Omit<Flag, 'id'>[] = [];
  const punctuation = punctuationFlag(text, blocks);
  // Later suggestions quote the text as it reads once the punctuation repair is applied, as corrections.json does.
  const mapped = punctuation?.suggestion?.map ? applyMap(text, punctuation.suggestion.map) : text;
  if (punctuation) flags.push(punctuation);

  for (let i = 0; i < blocks.length; i++) {
    const a = blocks[i]!;
    if (a.role === 'column') continue;
    const inside = [
      ...lineBreaks(mapped, text, a),
      ...strayWords(mapped, text, a),
      ...doubles(mapped, text, a),
      ...doubledWords(mapped, text, a),
      ...lost(text, a),
    ];
    flags.push(...inside.sort((x, y) => x.at - y.at).map(({ at: _at, ...f }) => f));
    const b = blocks[i + 1];
    if (!b) continue;
    const prose = a.role === 'body' || a.role === 'summary';
    if (prose && !isClosed(a.text)) {
      const c = blocks[i + 2];
      if (b.role === 'caption' && c && c.role === 'body') flags.push(captionInSentence(mapped, text, a, b, c));
      else flags.push(columnBreak(mapped, text, a, b, b.role === 'body' ? 'likely' : 'check'));
    } else if (b.role === 'body' && CONTINUATION_START.test(b.text)) {
      flags.push({
        ...columnBreak(mapped, text, a, b, 'check'),
        kind: 'continuation-start',
        message: `段落以“${b.text[0]}”开头，像是接着上一段的句子；请核对是否分栏断开或丢了文字。 The paragraph starts like the middle of a sentence.`,
      });
    }
  }
  return flags.map((f, n) => ({ id: `f${String(n + 1).padStart(3, '0')}`, ...f }));
}

function applyMap(text: string, map: Record<string, string>): string {
  return [...text].map((ch) => map[ch] ?? ch).join('');
}

/** Widens [start, end) by `pad` characters, then further until the slice occurs once in `text`. */
function uniqueSlice(
  text: string,
  start: number,
  end: number,
  pad: number,
  min = 0,
  max = text.length,
): [number, number] {
  let a = Math.max(min, start - pad);
  let b = Math.min(max, end + pad);
  while (text.indexOf(text.slice(a, b)) !== text.lastIndexOf(text.slice(a, b)) && (a > 0 || b < text.length)) {
    a = Math.max(0, a - 1);
    b = Math.min(text.length, b + 1);
  }
  return [a, b];
}

function columnBreak(
  mapped: string,
  raw: string,
  a: DraftBlock,
  b: DraftBlock,
  confidence: Flag['confidence'],
): Omit<Flag, 'id'> {
  const [from, to] = uniqueSlice(mapped, a.end, b.start, 4, a.start, b.end);
  const before = mapped.slice(from, to);
  return {
    paragraph: a.id,
    kind: 'column-break',
    confidence,
    excerpt: raw.slice(Math.max(a.start, a.end - 12), Math.min(b.end, b.start + 12)),
    text: raw.slice(Math.max(a.start, a.end - 6), a.end),
    message: `${a.id} 末尾没有句末标点，${b.id} 像是从句子中间开始：分栏可能把一句话拆成了两段。断口处若不成词（如“工业互网”），可能还丢了字。 The paragraph ends mid-sentence; a column break probably split it.`,
    suggestion: {
      paragraph: a.id,
      kind: 'column-break',
      before,
      after: mapped.slice(from, a.end) + mapped.slice(b.start, to),
      why: `分栏把一句话拆成两段（“${mapped.slice(Math.max(a.start, a.end - 4), a.end)}”之后断开），后一段从句子中间开始。`,
    },
  };
}

function captionInSentence(
  mapped: string,
  raw: string,
  a: DraftBlock,
  cap: DraftBlock,
  c: DraftBlock,
): Omit<Flag, 'id'> {
  const from = Math.max(a.start, a.end - 6);
  const to = Math.min(c.end, c.start + 5);
  const caption = cap.caption?.text ?? cap.text;
  return {
    paragraph: a.id,
    kind: 'caption-in-sentence',
    confidence: 'likely',
    excerpt: raw.slice(from, to),
    text: raw.slice(Math.max(a.start, a.end - 6), a.end),
    message: `图片说明 ${cap.id}（“${caption}”）夹在一句话的两半之间：${a.id} 没有句末标点，${c.id} 接着这句话。 A photo caption sits between two halves of a sentence.`,
    suggestion: {
      paragraph: a.id,
      kind: 'caption-in-sentence',
      before: mapped.slice(from, to),
      after: mapped.slice(from, a.end) + mapped.slice(c.start, to),
      why: `图片说明 ${cap.id}（“${caption}”）及署名被插进了一句话中间。句子接回后，图片说明作为单独的图片说明放在被打断的段落之后。`,
    },
  };
}

function strayWords(mapped: string, raw: string, block: DraftBlock): Found[] {
  const out: Found[] = [];
  for (const m of block.text.matchAll(/[A-Za-z]+/g)) {
    const start = block.start + m.index;
    const end = start + m[0].length;
    const touching = (raw[start - 1] ?? '') + (raw[end] ?? '');
    // 5G, G101, 150MW, 5G+: codes and units written against their numbers.
    if (/[0-9+\-.]/.test(touching)) continue;
    const left = raw.slice(block.start, start).trimEnd().slice(-1);
    const right = raw.slice(end, block.end).trimStart().slice(0, 1);
    if (!CJK.test(left) || !CJK.test(right)) continue;
    const word = m[0];
    const lower = word === word.toLowerCase();
    let s = start;
    let e = end;
    while (s > block.start && raw[s - 1] === ' ') s--;
    while (e < block.end && raw[e] === ' ') e++;
    const [from, to] = uniqueSlice(mapped, s, e, 4, block.start, block.end);
    const replacement = LATIN_FIXES[word.toLowerCase()] ?? '';
    out.push({
      at: start,
      paragraph: block.id,
      kind: 'stray-word',
      confidence: lower ? 'likely' : 'check',
      text: raw.slice(Math.max(block.start, start - 4), Math.min(block.end, end + 4)),
      excerpt: raw.slice(Math.max(block.start, s - 8), Math.min(block.end, e + 8)),
      message: lower
        ? `中文句子里夹着英文单词“${word}”，多半是转换或排版错误${replacement ? `（可能应为“${replacement}”）` : ''}。 A Latin word inside Chinese text.`
        : `中文句子里夹着大写拉丁字母“${word}”：可能是缩写、拼音刊头或品牌，也可能是误排，请核对。 Capital Latin letters inside Chinese text; often legitimate.`,
      suggestion: lower
        ? {
            paragraph: block.id,
            kind: 'stray-word',
            before: mapped.slice(from, to),
            after: mapped.slice(from, s) + replacement + mapped.slice(e, to),
            why: `中文句子中误排了英文单词“${word}”${replacement ? `，应为“${replacement}”` : ''}，属转换或排版错误。`,
          }
        : undefined,
    });
  }
  return out;
}

function doubles(mapped: string, raw: string, block: DraftBlock): Found[] {
  const out: Found[] = [];
  for (const m of block.text.matchAll(/(\p{Script=Han})\1/gu)) {
    // 2021年年底, 5月月末: the first is the date's own character.
    if (COMMON_DOUBLES.has(m[0]) || /\d/.test(block.text[m.index - 1] ?? '')) continue;
    // ABAB is a doubled word, flagged on its own (积极积极).
    if (/(\p{Script=Han}{2})\1/u.test(block.text.slice(Math.max(0, m.index - 2), m.index + 4))) continue;
    const start = block.start + m.index;
    const [from, to] = uniqueSlice(mapped, start, start + 2, 3, block.start, block.end);
    out.push({
      at: start,
      paragraph: block.id,
      kind: 'doubled-character',
      confidence: 'check',
      text: raw.slice(Math.max(block.start, start - 2), Math.min(block.end, start + 4)),
      excerpt: raw.slice(Math.max(block.start, start - 6), Math.min(block.end, start + 8)),
      message: `“${m[0]}”字重复：可能是误排（如“推进进村委会”），也常是两个词相接（如“产品品类”“2021年年底”），请核对。 A doubled character; often legitimate.`,
      suggestion: {
        paragraph: block.id,
        kind: 'doubled-character',
        before: mapped.slice(from, to),
        after: mapped.slice(from, start + 1) + mapped.slice(start + 2, to),
        why: `“${m[1]}”字重复，应删去一个。`,
      },
    });
  }
  return out;
}

/** A single line break inside a paragraph: the layout broke a line, often inside a word (农产品加⏎工). */
function lineBreaks(mapped: string, raw: string, block: DraftBlock): Found[] {
  const out: Found[] = [];
  for (const m of block.text.matchAll(/[ \t\u3000]*\n[ \t\u3000]*/gu)) {
    const start = block.start + m.index;
    const end = start + m[0].length;
    const [from, to] = uniqueSlice(mapped, start, end, 4, block.start, block.end);
    const left = mapped.slice(Math.max(block.start, start - 4), start);
    out.push({
      at: start,
      paragraph: block.id,
      kind: 'column-break',
      confidence: 'likely',
      excerpt: raw.slice(Math.max(block.start, start - 8), Math.min(block.end, end + 8)),
      text: raw.slice(Math.max(block.start, start - 4), start),
      message: `${block.id} 段内有一个换行（“${left}”之后）：分栏或转行把一行拆开了，常在词中间（如“加⏎工”）。 A line break inside a paragraph.`,
      suggestion: {
        paragraph: block.id,
        kind: 'column-break',
        before: mapped.slice(from, to),
        after: mapped.slice(from, start) + mapped.slice(end, to),
        why: `分栏或转行在“${left}”之后把一行拆开，段落中间多了一个换行。`,
      },
    });
  }
  return out;
}

/** A word printed twice in a row (积极积极): doubled type, not Chinese reduplication of a verb in news prose. */
function doubledWords(mapped: string, raw: string, block: DraftBlock): Found[] {
  const out: Found[] = [];
  for (const m of block.text.matchAll(/(\p{Script=Han}{2,4})\1/gu)) {
    const word = m[1]!;
    if (COMMON_DOUBLES.has(word.slice(0, 2)) && word.length === 2 && word[0] === word[1]) continue;
    const start = block.start + m.index;
    const [from, to] = uniqueSlice(mapped, start, start + m[0].length, 2, block.start, block.end);
    out.push({
      at: start,
      paragraph: block.id,
      kind: 'doubled-word',
      confidence: 'likely',
      excerpt: raw.slice(Math.max(block.start, start - 6), Math.min(block.end, start + m[0].length + 6)),
      text: raw.slice(start, start + m[0].length),
      message: `“${word}”连印了两遍（“${m[0]}”），多半是排版重复。 A word printed twice.`,
      suggestion: {
        paragraph: block.id,
        kind: 'doubled-character',
        before: mapped.slice(from, to),
        after: mapped.slice(from, start) + mapped.slice(start + word.length, to),
        why: `“${word}”重复排印了一次，删去重复的一个。`,
      },
    });
  }
  return out;
}

/** Numbers that lost their digits (占地.4亩, 安排余人, 至少户): only the printed page can restore them. */
function lost(raw: string, block: DraftBlock): Found[] {
  return lostDigits(block.text).map((l) => {
    const start = block.start + l.index;
    return {
      at: start,
      paragraph: block.id,
      kind: 'lost-digit' as const,
      confidence: 'likely' as const,
      excerpt: raw.slice(Math.max(block.start, start - 8), Math.min(block.end, block.start + l.end + 8)),
      text: raw.slice(Math.max(block.start, start - 2), Math.min(block.end, block.start + l.end + 2)),
      message: `“${l.printed}”处丢了数字：${l.why}。无法从文本推断原数，请核对版面：找到原数就选 edit 并写出修复（kind lost-character），否则选 reject，作为存疑保留。 Digits lost here; restore them from the printed page or keep the place as a doubt.`,
    };
  });
}
