/**
 * What a chart kind declares: its renderer, the zod schema of its options (the single source for the <Chart>
 * props, the MDX check and the guide's option table) and the rows it accepts (read by src/data/comparability.ts).
 */
import type { z } from 'astro/zod';
import type { ChartDatum, ChartOutput } from './types.ts';

/** The relationship a kind shows, after the FT's Visual Vocabulary; decides which rows may share a drawing. */
export type Relationship =
  /** Rows compared on one axis: they must share dimension, unit and what they count. */
  | 'magnitude'
  /** Parts of one whole (summed, stacked, shares): the dataset must declare them disjoint parts of it. */
  | 'part-to-whole'
  /** A part against its whole, one pair at a time: each part must be declared part of that whole. */
  | 'progress'
  /** Dated rows on a time axis; durations may sit beside them. */
  | 'sequence'
  /** Targets, one tile each: bars compare only targets of the same measure. */
  | 'targets'
  /** Named parts of a structure (a schematic), with a figure or two beside them. */
  | 'structure';

export interface Accepts {
  relationship: Relationship;
  /** Fewest rows that make the chart worth drawing; fewer is a key figure, a fact box or a sentence. */
  minRows: number;
  /** What the rows' values must be: amounts (numbers), dates, or anything. */
  values: 'amount' | 'date' | 'any';
}

export interface KindDefinition<S extends z.ZodObject = z.ZodObject> {
  name: string;
  /** One line for the guide: what the kind is for (Chinese, English). */
  use: { zh: string; en: string };
  options: S;
  accepts: Accepts;
  render: (data: readonly ChartDatum[], options: z.input<S>) => ChartOutput;
}

/** Declares a chart kind (typed, so the registry knows each kind's options). */
export function defineKind<S extends z.ZodObject>(kind: KindDefinition<S>): KindDefinition<S> {
  return kind;
}
