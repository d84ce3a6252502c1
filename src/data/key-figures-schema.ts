/** A report's home-page figures, content/reports/<id>/key-figures.json (optional): dataset rows chosen by an editor. */
import { z } from 'astro/zod';
import { ROW_ID, SLUG } from './ids.ts';

export const keyFigureRefSchema = z.strictObject({
  /** The story the figure links to (a story of this report). */
  story: z.string().regex(SLUG),
  /** The dataset (of this report) and row that hold the number. */
  dataset: z.string().regex(SLUG),
  row: z.string().regex(ROW_ID),
  /** A shorter label for the home page than the row's own. */
  label: z.string().min(2).optional(),
  /** Shown on the story's card (the lead's beside the lead story). */
  card: z.boolean().optional(),
  /** Shown in the strip of headline numbers. */
  strip: z.boolean().optional(),
});

export const keyFiguresSchema = z.strictObject({
  $comment: z.string().optional(),
  figures: z.array(keyFigureRefSchema),
});

export type KeyFigureRef = z.infer<typeof keyFigureRefSchema>;
