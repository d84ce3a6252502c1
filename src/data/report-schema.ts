/** The cleaned report of one folder, content/reports/<id>/report.json: sections of blocks with stable ids. */
import { z } from 'astro/zod';
import { ID_RULES, PARAGRAPH_ID, SLUG } from './ids.ts';

/** The files every report folder holds: the cleaned report, its metadata, its corrections and the text as received. */
export const REPORT_FILES = ['report.json', 'meta.json', 'corrections.json', 'received.txt'] as const;
/** The files a report folder may hold besides: the figures its editors chose for the home page and its strip. */
export const OPTIONAL_REPORT_FILES = ['key-figures.json'] as const;
export type ReportFileName = (typeof REPORT_FILES)[number] | (typeof OPTIONAL_REPORT_FILES)[number];

export const blockId = z.string().regex(PARAGRAPH_ID, `must be ${ID_RULES.paragraph}`);

export const blockSchema = z.discriminatedUnion('role', [
  // A photo credit only where the page prints one (图为… captions often have none).
  z.object({ id: blockId, role: z.literal('caption'), text: z.string().min(1), credit: z.string().min(1).optional() }),
  z.object({
    id: blockId,
    role: z.enum(['headline', 'subtitle', 'label', 'summary', 'heading', 'body', 'kicker', 'column', 'credit']),
    text: z.string().min(1),
  }),
]);

export const reportSchema = z.object({
  $comment: z.string().optional(),
  sections: z.array(
    z.object({
      id: z.string().regex(SLUG),
      kind: z.enum(['feature', 'brief', 'column', 'credit']),
      blocks: z.array(blockSchema).min(1),
    }),
  ),
});

export type Block = z.infer<typeof blockSchema>;
export type Section = z.infer<typeof reportSchema>['sections'][number];
export type ReportBody = z.infer<typeof reportSchema>;
