/**
 * The decisions file of a draft, content/drafts/<id>/decisions.json: every flag with its suggested repair and the
 * editor's decision. Nothing is applied until the editor decides: accept (apply the suggestion), reject (keep the
 * text as received and log the place as a doubt), or edit (apply the repair the editor writes in "edited").
 */
import { z } from 'astro/zod';
import type { Flag, SuggestedRepair } from './flags.ts';

export const DECISIONS = ['accept', 'reject', 'edit'] as const;
export type Decision = (typeof DECISIONS)[number];

const repairShape = z.object({
  paragraph: z.string(),
  kind: z.enum([
    'punctuation',
    'column-break',
    'caption-in-sentence',
    'stray-word',
    'doubled-character',
    'lost-character',
  ]),
  before: z.string().min(1),
  after: z.string(),
  map: z.record(z.string(), z.string()).optional(),
  why: z.string().min(10, 'must say why in a sentence (10 characters or more)'),
});

const entrySchema = z.object({
  id: z.string(),
  kind: z.string(),
  paragraph: z.string(),
  confidence: z.string(),
  excerpt: z.string(),
  text: z.string().optional(),
  message: z.string(),
  repair: repairShape.nullable(),
  decision: z.enum(DECISIONS).nullable(),
  edited: repairShape.partial().nullable(),
  note: z.string().nullable(),
});

export const decisionsSchema = z.object({
  $comment: z.string().optional(),
  source: z.string(),
  report: z.string(),
  flags: z.array(entrySchema),
});

export type DecisionEntry = z.infer<typeof entrySchema>;
export type Decisions = z.infer<typeof decisionsSchema>;

const HOW =
  'Decide every flag: set "decision" to "accept" (apply "repair" as suggested), "reject" (keep the text as received; ' +
  'the place is logged as a doubt, with "note" if you write one) or "edit" (apply the repair you write in "edited": ' +
  'before, after and why, each defaulting to the suggestion). Check each against the printed page. ' +
  'npm run publish:report refuses while any decision is null. 逐条核对版面后填写 decision：accept 接受建议修复，' +
  'reject 保留原文并记为存疑，edit 按 edited 中你写的修复处理。';

/** Renders the decisions file for a draft's flags, every decision still open. */
export function decisionsJson(flags: readonly Flag[], source: string, report: string): string {
  const entries: DecisionEntry[] = flags.map((f) => ({
    id: f.id,
    kind: f.kind,
    paragraph: f.paragraph,
    confidence: f.confidence,
    excerpt: f.excerpt,
    ...(f.text ? { text: f.text } : {}),
    message: f.message,
    repair: (f.suggestion as SuggestedRepair | undefined) ?? null,
    decision: null,
    edited: null,
    note: null,
  }));
  return JSON.stringify({ $comment: HOW, source, report, flags: entries }, null, 2) + '\n';
}

/** Returns the 1-based line of a flag's "decision" field in the file text (its "id" line when not found). */
export function decisionLine(fileText: string, id: string): number {
  const lines = fileText.split('\n');
  const at = lines.findIndex((l) => l.includes(`"id": ${JSON.stringify(id)}`));
  if (at < 0) return 1;
  const decision = lines.findIndex((l, i) => i > at && /"decision"\s*:/.test(l));
  return (decision >= 0 ? decision : at) + 1;
}

/** The repair a decided flag asks for, or undefined for a rejected flag; a string says what is wrong. */
export function chosenRepair(entry: DecisionEntry): SuggestedRepair | undefined | string {
  if (entry.decision === 'reject') return undefined;
  if (entry.decision === 'accept') {
    if (!entry.repair)
      return 'has no suggested repair to accept: choose "reject" (keep as a doubt) or "edit" with the repair in "edited"';
    return entry.repair;
  }
  if (entry.decision === 'edit') {
    const merged = { ...(entry.repair ?? {}), ...(entry.edited ?? {}) } as Partial<SuggestedRepair>;
    const kind = merged.kind ?? (entry.kind === 'lost-digit' ? 'lost-character' : undefined);
    const paragraph = merged.paragraph ?? entry.paragraph;
    if (!merged.before || merged.after === undefined || !kind || !merged.why || merged.why.length < 10)
      return 'is "edit" but "edited" does not give before, after and why (10 characters or more)';
    return { ...merged, kind, paragraph, before: merged.before, after: merged.after, why: merged.why };
  }
  return 'is undecided: set "decision" to "accept", "reject" or "edit"';
}
