/**
 * A report's metadata as printed, content/reports/<id>/meta.json. Only what the page itself prints: a publication
 * name or date the text does not print is null, never guessed.
 */
import { z } from 'astro/zod';

const printed = z.string().min(1);

export const reportMetaSchema = z.strictObject({
  $comment: z.string().optional(),
  /** Sorts reports newest first (compared as a string, e.g. "2021-09"); not shown to readers. */
  key: z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'is a sortable key such as "2021-09" or "2021-09-01"'),
  /** The place the report is about, as the text names it (a district and its city, as printed). */
  place: printed,
  /** The time the report speaks of, in words (a year and month). */
  period: printed,
  /** The newspaper's name, only if printed. */
  publication: printed.nullable(),
  /** The publication date, only if printed (words as printed). */
  date: printed.nullable(),
  /** The page's credit lines exactly as printed (本版稿件由本报记者…采写). */
  credits: z.array(printed).min(1, 'lists at least one credit line as printed'),
  /** The byline a story of this report carries by default (本报记者 …). */
  byline: printed,
  /** Photo credits exactly as printed under the captions (本报记者 … 摄). */
  photoCredits: z.array(printed).default([]),
  /** How the site names the report in lists and citations, e.g. its lead headline and column names. */
  title: printed,
});

export type ReportMeta = z.infer<typeof reportMetaSchema>;
