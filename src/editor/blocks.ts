/**
 * Splits a received report into blocks with their offsets, and guesses each block's role and section: a page holds
 * several articles (引题, headline, 副题, 本报讯 or 本报记者…报道, body, an ending such as （记者 赵明）), column
 * mastheads, photo captions and the page credit.
 */

export type Role =
  'headline' | 'subtitle' | 'label' | 'summary' | 'heading' | 'body' | 'kicker' | 'column' | 'credit' | 'caption';
export type SectionKind = 'feature' | 'brief' | 'column' | 'credit';

export interface RawBlock {
  /** The block as received, trimmed. */
  text: string;
  /** Offsets of `text` in the (CRLF-normalised) input. */
  start: number;
  end: number;
}

export interface DraftBlock extends RawBlock {
  id: string;
  role: Role;
  /** For a caption: its text and the photographer's credit split off the end (本报记者 张旭 摄), when printed. */
  caption?: { text: string; credit?: string };
}

export interface DraftSection {
  id: string;
  kind: SectionKind;
  blocks: DraftBlock[];
}

const BLANK_LINE = /\n[ \t\u3000]*\n/g;
/** Sentence-internal punctuation: a line holding any of these is prose, not a headline. */
const PROSE_MARK = /[，。；！？,;!?]/;
/** A photo caption with its credit at the end (… 本报记者 张旭 摄). */
export const CAPTION = /^(.+?)[ \t\u3000]+((?:本报|新华社)?(?:特约)?(?:记者|通讯员)[^\n]{0,20}?摄)$/u;
/** A caption printed without a credit: 图为…, or marked ▲ / △ / 上图 / 下图. */
const BARE_CAPTION = /^(?:图为|[▲△]|[上下左右]图[：:]?)[^\n]{2,80}[。.]?$/u;
/** A byline block: 本报记者 王小明 李红 报道, 本报通讯员 孙丽 报道. */
const BYLINE = /^(?:本报|新华社)?(?:特约)?(?:记者|通讯员)[\p{Script=Han}\s、·]{1,30}报道$/u;
const CREDIT = /^本版(?:稿件|文字|图文)?.{0,20}(?:采写|撰稿|撰文)$/u;
const COLUMN = /^[■□▲◆●]/u;
const LABEL = /^(?:核心提示|编者按|导读|编者的话)$/u;
const SUBTITLE = /^(?:——|—|－－|--)/u;
const DATELINE = /^(?:本报讯|本报.{0,10}电|新华社|本报(?:特约)?(?:记者|通讯员))/u;
/** The end of an article: （记者 赵明）, （孙丽）, (记者 赵明) after the last sentence. */
const ARTICLE_END =
  /[（(](?:(?:本报)?(?:记者|通讯员)[ \t\u3000]*)?[\p{Script=Han}]{2,4}(?:[ \t\u3000、][\p{Script=Han}]{2,4})*[）)]$/u;
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** Normalises line endings; every offset the importer reports is into this text. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Splits text at blank lines, as src/data/repairs.ts splitBlocks does, keeping each block's offsets. */
export function splitRawBlocks(text: string): RawBlock[] {
  const out: RawBlock[] = [];
  let from = 0;
  const push = (a: number, b: number) => {
    const slice = text.slice(a, b);
    const lead = slice.length - slice.trimStart().length;
    const trimmed = slice.trim();
    if (trimmed) out.push({ text: trimmed, start: a + lead, end: a + lead + trimmed.length });
  };
  for (const m of text.matchAll(BLANK_LINE)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return out;
}

/** True when a block ends a sentence (。！？…, or a closing quote after one). */
export function endsSentence(text: string): boolean {
  return /(?:[。！？!?…]|[。！？!?][”’」』）)])$/u.test(text);
}

/** True when a block ends an article with its writer's name in brackets (（记者 赵明）, （孙丽）). */
export function endsArticle(text: string): boolean {
  return ARTICLE_END.test(text);
}

/** True when a block ends a sentence or an article, so whatever follows starts afresh. */
export function isClosed(text: string): boolean {
  return endsSentence(text) || endsArticle(text);
}

/** True when the end of `a` and the start of `b` make one word (冷链物 / 流中心): a break inside a word. */
export function splitsWord(a: string, b: string): boolean {
  const left = a.slice(-4);
  const joined = left + b.slice(0, 4);
  if (!/\p{Script=Han}$/u.test(left) || !/^\p{Script=Han}/u.test(b)) return false;
  for (const s of segmenter.segment(joined)) {
    if (s.index < left.length && s.index + s.segment.length > left.length && s.isWordLike) return true;
  }
  return false;
}

function isShortLine(text: string): boolean {
  // A line ending in 、 or ： stops mid-sentence, so it is prose cut by the layout, never a headline.
  return [...text].length <= 40 && !PROSE_MARK.test(text) && !endsSentence(text) && !/[、：:]$/u.test(text);
}

function fixedRole(text: string): Role | undefined {
  if (COLUMN.test(text)) return 'column';
  if (CREDIT.test(text) || BYLINE.test(text)) return 'credit';
  if (LABEL.test(text)) return 'label';
  if (CAPTION.test(text) || BARE_CAPTION.test(text)) return 'caption';
  if (SUBTITLE.test(text)) return 'subtitle';
  return undefined;
}

/**
 * Groups blocks into sections, one per article, and guesses roles. Ids are `<prefix>-s1-p01` …: prefixed by the
 * report id so that they are unique across the site; an editor may rename the sections before publishing.
 */
export function guessSections(blocks: readonly RawBlock[], prefix = 'draft'): DraftSection[] {
  const sections: { kind?: SectionKind; blocks: Omit<DraftBlock, 'id'>[] }[] = [];
  let current: (typeof sections)[number] | undefined;
  let prevRole: Role | undefined;
  let prevText = '';
  const open = (kind?: SectionKind) => {
    current = { kind, blocks: [] };
    sections.push(current);
    return current;
  };

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const { text } = block;
    const next = blocks[i + 1]?.text ?? '';
    const afterNext = blocks[i + 2]?.text ?? '';
    const prose = prevRole === 'body' || prevRole === 'summary';
    const continues = prose && !isClosed(prevText);
    // After （记者 赵明） the article is over: a short line that follows is the next article's headline.
    const closedArticle = prose && endsArticle(prevText);
    let role = fixedRole(text);
    const isCredit = role === 'credit' && CREDIT.test(text);

    if (role === 'column') open('column');
    else if (isCredit) open('credit');
    else if (role === undefined && !continues && isShortLine(text) && !splitsWord(text, next)) {
      const nextRole = fixedRole(next);
      const startsStory =
        nextRole === 'subtitle' ||
        DATELINE.test(next) ||
        closedArticle ||
        !current ||
        current.kind === 'column' ||
        current.kind === 'credit';
      const kickerOver =
        isShortLine(next) && !fixedRole(next) && (DATELINE.test(afterNext) || fixedRole(afterNext) === 'subtitle');
      if (prevRole === 'kicker') role = 'headline';
      else if (kickerOver) {
        role = 'kicker';
        open();
      } else if (startsStory) {
        role = 'headline';
        open();
      } else role = 'heading';
    } else if (role === undefined) {
      role = prevRole === 'label' ? 'summary' : 'body';
    }
    if (!current) open();
    const draft: Omit<DraftBlock, 'id'> = { ...block, role: role ?? 'body' };
    if (role === 'caption') {
      const m = CAPTION.exec(text);
      draft.caption = m ? { text: m[1]!.trim(), credit: m[2]!.trim() } : { text };
    }
    current!.blocks.push(draft);
    // A caption interrupts the page, not the sentence: what follows it may still continue the paragraph before.
    if (role !== 'caption') {
      prevRole = role;
      prevText = text;
    }
  }

  return sections.map((s, n) => {
    const id = `${prefix}-s${n + 1}`;
    const roles = new Set(s.blocks.map((b) => b.role));
    const kind: SectionKind =
      s.kind ?? (roles.has('subtitle') || roles.has('label') || roles.has('heading') ? 'feature' : 'brief');
    return { id, kind, blocks: s.blocks.map((b, j) => ({ ...b, id: `${id}-p${String(j + 1).padStart(2, '0')}` })) };
  });
}
