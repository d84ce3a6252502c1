/** Finds suspected layout damage in a draft report; every finding is a suggestion, the text is never changed. */
import { endsSentence, type DraftSection, type DraftBlock } from './blocks.ts';

export type FlagKind =
  'punctuation' | 'column-break' | 'caption-in-sentence' | 'stray-word' | 'doubled-character' | 'continuation-start';

/** A repair in the format of content/source/corrections.json, for the editor to copy once checked. */
export interface SuggestedRepair {
  paragraph: string;
  kind: 'punctuation' | 'column-break' | 'caption-in-sentence' | 'stray-word' | 'doubled-character';
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
  message: string;
  suggestion?: SuggestedRepair;
  /** For the punctuation finding: how many marks each block holds. */
  counts?: Record<string, number>;
}

const HALF_TO_FULL: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '(': '（',
  ')': '）',
  '!': '！',
  '?': '？',
};
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’—…·]/u;
const CONTINUATION_START = /^[，、。；：,;:）)」』”’…的地得了着过之]|^[a-z]/u;
/** Reduplications that are ordinary Chinese, not doubled type. */
const COMMON_DOUBLES = new Set(
  '紧紧 件件 常常 渐渐 纷纷 人人 处处 个个 层层 步步 天天 家家 户户 时时 事事 样样 默默 深深 大大 刚刚 往往 稳稳 慢慢 久久 轻轻 悄悄 静静 好好 多多 仅仅 种种 点点 滴滴 条条 项项 片片 声声 句句 字字 实实 在在 明明 清清 楚楚'.split(
    ' ',
  ),
);
const LATIN_FIXES: Record<string, string> = { and: '和', or: '或', with: '与', of: '的', the: '', in: '在', to: '到' };

/** Returns every suspected piece of layout damage, punctuation first, then in reading order. */
export function findFlags(text: string, sections: readonly DraftSection[]): Flag[] {
  const blocks = sections.flatMap((s) => s.blocks);
  const flags: Omit<Flag, 'id'>[] = [];
  const punctuation = punctuationFlag(text, blocks);
  // Later suggestions quote the text as it reads once the punctuation repair is applied, as corrections.json does.
  const mapped = punctuation?.suggestion?.map ? applyMap(text, punctuation.suggestion.map) : text;
  if (punctuation) flags.push(punctuation);

  for (let i = 0; i < blocks.length; i++) {
    const a = blocks[i];
    if (a.role === 'column') continue;
    flags.push(...strayWords(mapped, text, a), ...doubles(mapped, text, a));
    const b = blocks[i + 1];
    if (!b) continue;
    const prose = a.role === 'body' || a.role === 'summary';
    if (prose && !endsSentence(a.text)) {
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

function punctuationFlag(text: string, blocks: readonly DraftBlock[]): Omit<Flag, 'id'> | undefined {
  const chinese = new Map<string, number>();
  const other = new Set<string>();
  const counts: Record<string, number> = {};
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (!(ch in HALF_TO_FULL)) continue;
    if (CJK.test(text[i - 1] ?? '') || CJK.test(text[i + 1] ?? '')) {
      chinese.set(ch, (chinese.get(ch) ?? 0) + 1);
      if (first < 0) first = i;
      const block = blocks.find((b) => b.start <= i && i < b.end);
      if (block) counts[block.id] = (counts[block.id] ?? 0) + 1;
    } else other.add(ch);
  }
  if (chinese.size === 0) return undefined;
  // A mark also used between Latin letters or digits stays out of the map: a global swap would damage those uses.
  const safe = [...chinese.keys()].filter((ch) => !other.has(ch));
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
    const map = Object.fromEntries(safe.map((ch) => [ch, HALF_TO_FULL[ch]]));
    flag.suggestion = {
      paragraph: '*',
      kind: 'punctuation',
      before: safe.join(' '),
      after: safe.map((ch) => HALF_TO_FULL[ch]).join(' '),
      map,
      why: `文本提取时，全角中文标点被转成了半角符号（${summary}）。按中文排版规范恢复为全角。请先确认没有数字或英文用到这些符号。`,
    };
  }
  return flag;
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
    message: `图片说明 ${cap.id}（“${caption}”）夹在一句话的两半之间：${a.id} 没有句末标点，${c.id} 接着这句话。 A photo caption sits between two halves of a sentence.`,
    suggestion: {
      paragraph: a.id,
      kind: 'caption-in-sentence',
      before: mapped.slice(from, to),
      after: mapped.slice(from, a.end) + mapped.slice(c.start, to),
      why: `图片说明“${caption}”及署名被插进了一句话中间。句子接回后，图片说明应作为单独的图片说明放在被打断的段落之后。`,
    },
  };
}

function strayWords(mapped: string, raw: string, block: DraftBlock): Omit<Flag, 'id'>[] {
  const out: Omit<Flag, 'id'>[] = [];
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
      paragraph: block.id,
      kind: 'stray-word',
      confidence: lower ? 'likely' : 'check',
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

function doubles(mapped: string, raw: string, block: DraftBlock): Omit<Flag, 'id'>[] {
  const out: Omit<Flag, 'id'>[] = [];
  for (const m of block.text.matchAll(/(\p{Script=Han})\1/gu)) {
    if (COMMON_DOUBLES.has(m[0])) continue;
    const start = block.start + m.index;
    const [from, to] = uniqueSlice(mapped, start, start + 2, 3, block.start, block.end);
    out.push({
      paragraph: block.id,
      kind: 'doubled-character',
      confidence: 'check',
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
