/** The corrections log of one report, content/reports/<id>/corrections.json: every repair and every doubt. */
import { z } from 'astro/zod';
import { blockId } from './report-schema.ts';

export const repairSchema = z.object({
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

export const correctionsSchema = z.object({
  $comment: z.string().optional(),
  repairs: z.array(repairSchema),
  noted: z.array(z.object({ id: z.string(), paragraph: blockId, text: z.string().min(1), note: z.string().min(10) })),
});

export type Corrections = z.infer<typeof correctionsSchema>;
