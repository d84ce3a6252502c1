/**
 * Layouts for schematic charts (content/diagrams/<id>.json): named parts of a structure the report describes,
 * each quoted from its paragraph. Names, not figures, so they live beside the datasets rather than in them.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { findBlock } from './report.ts';
import { ROW_ID } from './ids.ts';
import type { ChartDatum } from '../charts/types.ts';

const elementSchema = z.strictObject({
  id: z.string().regex(ROW_ID, 'must be kebab-case'),
  label: z.string().min(1),
  group: z.enum(['water', 'axis', 'route', 'area', 'node']),
  role: z.enum(['start']).optional(),
  detail: z.string().optional(),
  source: z.strictObject({ paragraph: z.string(), quote: z.string().min(1) }),
});

export const layoutSchema = z.object({
  id: z.string(),
  title: z.string().min(1),
  elements: z.array(elementSchema).min(1),
});

export type Layout = z.infer<typeof layoutSchema>;

/** Checks a parsed layout against the report; returns one message per problem, naming file and path. */
export function checkLayout(file: string, json: unknown): { layout?: Layout; errors: string[] } {
  const parsed = layoutSchema.safeParse(json);
  if (!parsed.success) {
    return { errors: parsed.error.issues.map((i) => `${file}: ${i.path.join('.') || '(root)'}: ${i.message}`) };
  }
  const errors: string[] = [];
  parsed.data.elements.forEach((e, i) => {
    const where = `${file}: elements[${i}]`;
    const block = findBlock(e.source.paragraph);
    if (!block) errors.push(`${where}.source.paragraph: "${e.source.paragraph}" is not a paragraph of the report`);
    else if (!block.block.text.includes(e.source.quote))
      errors.push(`${where}.source.quote: "${e.source.quote}" does not occur in ${e.source.paragraph}`);
    const name = e.label.replace(/（.*?）$/, '');
    if (!e.source.quote.includes(name))
      errors.push(`${where}.label: "${name}" does not occur in its quote "${e.source.quote}"`);
  });
  return { layout: parsed.data, errors };
}

/** Reads and checks content/diagrams/<id>.json; throws with every problem. */
export function loadLayout(id: string, root = process.cwd()): Layout {
  const file = join('content/diagrams', `${id}.json`);
  const path = join(root, file);
  if (!existsSync(path)) throw new Error(`layout="${id}": there is no ${file}`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const { layout, errors } = checkLayout(file, json);
  if (errors.length || !layout) throw new Error(errors.join('\n'));
  return layout;
}

/** Turns a layout's elements into chart data for the loop schematic (no values: names only). */
export function layoutChartData(layout: Layout): ChartDatum[] {
  return layout.elements.map((e) => ({ key: e.id, label: e.label, value: 0, unit: '', group: e.group, role: e.role }));
}
