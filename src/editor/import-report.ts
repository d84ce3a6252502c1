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
      { id: string; role: 'caption'; text: string; credit?: string } | { id: string; role: string; text: string }
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

/**
 * Builds the draft from the received text; the block texts are the input split at blank lines, unchanged. Block
 * ids start with the report id (`<id>-s1-p01`), so they are unique across the site.
 */
export function importReport(received: string, sourceName = 'the received report', id = 'draft'): ImportResult {
  const text = normaliseText(received);
  const sections = guessSections(splitRawBlocks(text), id);
  const report: DraftReport = {
    $comment:
      `DRAFT made by npm run import:report from ${sourceName}. Text is exactly as received, split at blank lines; nothing is repaired. ` +
      'Check every role (the section ids may be renamed, keeping the report id as prefix); do not edit the texts: ' +
      'decide each flag in decisions.json, and npm run publish:report applies and logs the repairs.',
    sections: sections.map((s) => ({
      id: s.id,
      kind: s.kind,
      blocks: s.blocks.map((b) =>
        b.role === 'caption' && b.caption
          ? {
              id: b.id,
              role: 'caption' as const,
              text: b.caption.text,
              ...(b.caption.credit ? { credit: b.caption.credit } : {}),
            }
          : { id: b.id, role: b.role, text: b.text },
      ),
    })),
  };
  return { report, flags: findFlags(text, sections), ...listNumbers(report.sections.flatMap((s) => s.blocks)) };
}

/** Lists every quantity of the blocks (draft dataset rows) and the numerals that are not quantities. */
export function listNumbers(blocks: readonly { id: string; text: string }[]): {
  numbers: DraftNumber[];
  notData: DraftNotData[];
} {
  const numbers = blocks.flatMap((b) =>
    extractNumbers(b.text).map(({ index: _index, end: _end, ...n }) => ({ paragraph: b.id, ...n })),
  );
  const notData = blocks.flatMap((b) =>
    notQuantities(b.text).map((n: NotQuantity) => ({ paragraph: b.id, text: n.text, reason: n.why })),
  );
  return { numbers, notData };
}

/** The numbers.json of a draft or a report: what listNumbers finds, with a comment for the editor. */
export function numbersJson(blocks: readonly { id: string; text: string }[], source: string): string {
  const comment =
    'Every quantity the report prints (draft dataset rows: value, unit, qualifier, quote) and, under notData, the ' +
    'numerals that are not quantities, as candidate content/data/not-data.json entries. A reading aid for making ' +
    'datasets: nothing here is published; npm run check:data checks the datasets made from it.';
  return JSON.stringify({ $comment: comment, source, ...listNumbers(blocks) }, null, 2) + '\n';
}

/**
 * A meta.json draft holding only what the page prints: the first headline as title, the credit lines, the photo
 * credits and the byline. Place, period and the sort key are left null for the editor; publication and date stay
 * null unless the page prints them.
 */
export function draftMeta(report: DraftReport): Record<string, unknown> {
  const blocks = report.sections.flatMap((s) => s.blocks);
  const credits = blocks.filter((b) => b.role === 'credit').map((b) => b.text);
  // 本报记者 王小明 报道, or the （记者 赵明） of the first article, as printed.
  const bracketed = blocks
    .map((b) => /[（(]((?:本报)?(?:记者|通讯员)[ \t\u3000]*[^（）()]{2,20})[）)]/u.exec(b.text)?.[1])
    .find(Boolean);
  const byline = credits.find((c) => /报道$/u.test(c))?.replace(/\s*报道$/u, '') ?? bracketed ?? null;
  const photoCredits = [
    ...new Set(blocks.flatMap((b) => ('credit' in b && b.role === 'caption' && b.credit ? [b.credit] : []))),
  ];
  return {
    $comment:
      'DRAFT made by npm run import:report: only what the page prints. Fill key (sortable, e.g. "2022-03"), place and ' +
      'period (in words, as the page speaks of it) from the text; keep publication and date null unless printed. ' +
      'npm run publish:report checks every field.',
    key: null,
    title: blocks.find((b) => b.role === 'headline')?.text ?? null,
    place: null,
    period: null,
    publication: null,
    date: null,
    credits: credits.filter((c) => !/报道$/u.test(c)),
    byline,
    photoCredits,
  };
}
