/** The cleaned report (content/source/report.json) and its corrections log, validated and indexed by block id. */
import { z } from 'astro/zod';
import { PARAGRAPH_ID, SLUG } from './ids.ts';
import reportJson from '../../content/source/report.json' with { type: 'json' };
import correctionsJson from '../../content/source/corrections.json' with { type: 'json' };

const blockId = z.string().regex(PARAGRAPH_ID, 'a block id looks like "feature-p07"');

const blockSchema = z.discriminatedUnion('role', [
  z.object({ id: blockId, role: z.literal('caption'), text: z.string().min(1), credit: z.string().min(1) }),
  z.object({
    id: blockId,
    role: z.enum(['headline', 'subtitle', 'label', 'summary', 'heading', 'body', 'kicker', 'column', 'credit']),
    text: z.string().min(1),
  }),
]);

const reportSchema = z.object({
  sections: z.array(
    z.object({
      id: z.string().regex(SLUG),
      kind: z.enum(['feature', 'brief', 'column', 'credit']),
      blocks: z.array(blockSchema).min(1),
    }),
  ),
});

const repairSchema = z.object({
  id: z.string(),
  paragraph: z.union([blockId, z.literal('*')]),
  kind: z.enum([
    'punctuation',
    'column-break',
    'lost-character',
    'stray-word',
    'caption-in-sentence',
    'doubled-character',
  ]),
  before: z.string().min(1),
  after: z.string(),
  map: z.record(z.string(), z.string()).optional(),
  why: z.string().min(10),
});

const correctionsSchema = z.object({
  repairs: z.array(repairSchema),
  noted: z.array(z.object({ id: z.string(), paragraph: blockId, text: z.string().min(1), note: z.string().min(10) })),
});

export type Block = z.infer<typeof blockSchema>;
export type Section = z.infer<typeof reportSchema>['sections'][number];
export type Corrections = z.infer<typeof correctionsSchema>;

export const report = reportSchema.parse(reportJson);
export const corrections: Corrections = correctionsSchema.parse(correctionsJson);

const byId = new Map<string, { block: Block; section: Section }>();
for (const section of report.sections) {
  for (const block of section.blocks) {
    if (byId.has(block.id)) throw new Error(`content/source/report.json: block id "${block.id}" is used twice`);
    byId.set(block.id, { block, section });
  }
}

/** Returns the block with this id, or undefined. */
export function findBlock(id: string): { block: Block; section: Section } | undefined {
  return byId.get(id);
}

/** Returns the repairs and doubts that touch any of these block ids (global repairs included). */
export function correctionsFor(ids: readonly string[]) {
  const wanted = new Set(ids);
  return {
    repairs: corrections.repairs.filter((r) => r.paragraph === '*' || wanted.has(r.paragraph)),
    noted: corrections.noted.filter((n) => wanted.has(n.paragraph)),
  };
}
