/** Turns a received report into a cleaned-source draft: blocks with ids and roles, damage flags and every number. */
import { guessSections, normaliseText, splitRawBlocks, type DraftSection } from './blocks.ts';
import { findFlags, type Flag } from './flags.ts';
import { extractNumbers, notQuantities, type FoundNumber, type NotQuantity } from './numbers.ts';

export interface DraftReport {
  $comment: string;
  sections: {
    id: string;
    kind: DraftSection['kind'];
    blocks: (
      { id: string; role: 'caption'; text: string; credit: string } | { id: string; role: string; text: string }
    )[];
  }[];
}

export type DraftNumber = { paragraph: string } & Omit<FoundNumber, 'index' | 'end'>;
/** A numeral that is not a quantity, in the shape of a content/data/not-data.json entry still to be checked. */
export type DraftNotData = { paragraph: string; text: string; reason: string };

export interface ImportResult {
  report: DraftReport;
  flags: Flag[];
  numbers: DraftNumber[];
  notData: DraftNotData[];
}

/** Builds the draft from the received text; the block texts are the input split at blank lines, unchanged. */
export function importReport(received: string, sourceName = 'the received report'): ImportResult {
  const text = normaliseText(received);
  const sections = guessSections(splitRawBlocks(text));
  const report: DraftReport = {
    $comment:
      `DRAFT made by npm run import:report from ${sourceName}. Text is exactly as received, split at blank lines; nothing is repaired. ` +
      'Rename the section ids, check every role, then apply the repairs you accept from flags.md (logging each in corrections.json).',
    sections: sections.map((s) => ({
      id: s.id,
      kind: s.kind,
      blocks: s.blocks.map((b) =>
        b.role === 'caption' && b.caption
          ? { id: b.id, role: 'caption' as const, text: b.caption.text, credit: b.caption.credit }
          : { id: b.id, role: b.role, text: b.text },
      ),
    })),
  };
  const blocks = report.sections.flatMap((s) => s.blocks);
  const numbers = blocks.flatMap((b) =>
    extractNumbers(b.text).map(({ index: _index, end: _end, ...n }) => ({ paragraph: b.id, ...n })),
  );
  const notData = blocks.flatMap((b) =>
    notQuantities(b.text).map((n: NotQuantity) => ({ paragraph: b.id, text: n.text, reason: n.why })),
  );
  return { report, flags: findFlags(text, sections), numbers, notData };
}

const KIND_TITLES: Record<Flag['kind'], string> = {
  punctuation: '半角标点 Half-width punctuation',
  'column-break': '分栏断句 Column breaks',
  'caption-in-sentence': '句中图片说明 Captions inside sentences',
  'stray-word': '误排英文 Stray Latin words',
  'doubled-character': '重复字 Doubled characters',
  'continuation-start': '段首像句中 Paragraphs starting mid-sentence',
};

const show = (s: string) => s.replace(/\n+/g, (m) => ` ${'⏎'.repeat(Math.min(m.length, 4))} `);

/** Renders the flags as a checklist an editor can work through. */
export function flagsMarkdown(flags: readonly Flag[], sourceName: string): string {
  const lines = [
    `# 疑似版面损伤 Suspected layout damage — ${sourceName}`,
    '',
    '这些只是提示：草稿文本没有任何改动。逐条核对原版面，接受的修复按 content/source/corrections.json 的格式记录（before/after 可直接复制；它们假定半角标点修复已先应用）。',
    'These are suggestions only; the draft text is unchanged. ⏎ marks a line break in the received text.',
    '',
    `共 ${flags.length} 条：${flags.filter((f) => f.confidence === 'likely').length} 条“很可能”(likely)，${flags.filter((f) => f.confidence === 'check').length} 条“待核对”(check)。`,
  ];
  for (const kind of Object.keys(KIND_TITLES) as Flag['kind'][]) {
    const group = flags.filter((f) => f.kind === kind);
    if (!group.length) continue;
    lines.push('', `## ${KIND_TITLES[kind]} (${group.length})`);
    for (const f of group) {
      lines.push(
        '',
        `- [ ] **${f.id}** \`${f.paragraph}\` · ${f.confidence === 'likely' ? '很可能 likely' : '待核对 check'}`,
        `  - 原文 Excerpt: 「${show(f.excerpt)}」`,
        `  - ${f.message}`,
      );
      if (f.counts)
        lines.push(
          `  - 分布 Per block: ${Object.entries(f.counts)
            .map(([id, n]) => `${id} ${n}`)
            .join(', ')}`,
        );
      if (f.suggestion)
        lines.push(`  - 建议 Suggest: 「${show(f.suggestion.before)}」 → 「${show(f.suggestion.after)}」`);
    }
  }
  return lines.join('\n') + '\n';
}
