/**
 * The building blocks of the chart kinds' option schemas, and the one parser of <Chart> options. MDX attributes
 * arrive as strings ("320"), direct calls as numbers; both parse here. An option a kind does not declare is refused
 * with the nearest declared name, so a misspelling never silently falls back to a default.
 */
import { z } from 'astro/zod';

/** Documentation of one option, shown in the editors' guide's option table. */
export type OptionDoc = { zh: string; en: string };

/** A number written as a number or as its digits (MDX attributes are strings). */
function mdxNumber() {
  return z.union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^-?\d+(\.\d+)?$/, 'must be a number such as "320"')
      .transform(Number),
  ]);
}

/** An integer option with bounds, from a number or a numeric string, with a default. */
export function intOption(min: number, fallback: number, doc: OptionDoc, max = 10_000) {
  return mdxNumber().pipe(z.number().int('must be a whole number').min(min).max(max)).default(fallback).meta(doc);
}

/** The drawing's width in SVG units: at least 240, default 320. */
export const widthOption = mdxNumber()
  .pipe(z.number().min(240, 'must be at least 240').max(2000, 'must be at most 2000'))
  .transform(Math.round)
  .default(320)
  .meta({ zh: '图的宽度（SVG 单位），至少240，默认320。', en: 'Drawing width in SVG units (240+, default 320).' });

/** A free text option. */
export function textOption(doc: OptionDoc) {
  return z.string().trim().min(1, 'must not be empty').optional().meta(doc);
}

/** Row order: the data's own order unless asked. */
export const sortOption = z
  .enum(['none', 'desc', 'asc'])
  .default('none')
  .meta({ zh: '排序：none（数据顺序）、desc（从大到小）、asc。', en: 'Order: none (data order), desc or asc.' });

/** Adds a 占比 view; the comparability check allows it only for declared disjoint parts of a whole. */
export const toggleOption = z.enum(['share']).optional().meta({
  zh: 'share：加一个“占比”视图；只用于数据集声明为互不重叠的整体组成部分的行。',
  en: 'share: add a 占比 view; only for rows the dataset declares disjoint parts of a whole.',
});

/** Names the row that is the whole, when the dataset's roles do not say. */
export const totalOption = z
  .string()
  .trim()
  .min(1)
  .optional()
  .meta({ zh: '哪一行是总数（行 id）。', en: 'The row id of the whole.' });

/** The options every kind takes: id and title come from the <Chart> call, width from the editor. */
export const baseOptions = {
  id: z.string().min(1),
  title: z.string(),
  width: widthOption,
};

/** Attributes of <Chart> that are not kind options (read by the chart call itself). */
export const CALL_ATTRIBUTES = ['id', 'dataset', 'kind', 'title', 'takeaway', 'rows'] as const;

/** Returns the edit distance between two short strings (for did-you-mean). */
export function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(
        up + 1,
        prev[j - 1]! + 1,
        diag + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1),
      );
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** Returns the known name nearest to a misspelt one, if it is near enough to be a likely typo. */
export function nearest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(name, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/** A problem with one option of a <Chart> call: the attribute, what is wrong and how to fix it. */
export interface OptionProblem {
  attribute: string;
  message: string;
  fix: string;
}

type Schema = z.ZodObject;

/** Parses options against a kind's schema; returns the parsed options or every problem, naming the attribute. */
export function parseOptions<S extends Schema>(
  kind: string,
  schema: S,
  raw: Record<string, unknown>,
): { options: z.output<S>; problems: [] } | { options?: undefined; problems: OptionProblem[] } {
  const result = schema.safeParse(raw);
  if (result.success) return { options: result.data, problems: [] };
  const known = Object.keys(schema.shape).filter((k) => k !== 'id' && k !== 'title');
  const problems: OptionProblem[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const near = nearest(key, [...known, ...CALL_ATTRIBUTES]);
        problems.push({
          attribute: key,
          message: `${key}="…" is not an option of kind="${kind}"`,
          fix: near
            ? `did you mean ${near}="…"?`
            : known.length
              ? `remove it; kind="${kind}" takes: ${known.join(', ')}`
              : `remove it; kind="${kind}" takes no options`,
        });
      }
      continue;
    }
    const attribute = String(issue.path[0] ?? '');
    const value = raw[attribute];
    problems.push({
      attribute,
      message: `${attribute}=${JSON.stringify(value)}: ${issue.message}`,
      fix: optionHint(schema.shape[attribute]),
    });
  }
  return { problems };
}

/** Says what an option accepts, from its schema's documentation. */
function optionHint(schema: unknown): string {
  const doc = (schema as { meta?: () => OptionDoc | undefined } | undefined)?.meta?.();
  return doc ? `${doc.en}` : 'see the option table in the editors’ guide';
}

/** Parses options or throws one message listing every problem (for direct calls of a kind's renderer). */
export function optionsOrThrow<S extends Schema>(kind: string, schema: S, raw: object): z.output<S> {
  const parsed = parseOptions(kind, schema, raw as Record<string, unknown>);
  if (parsed.problems.length)
    throw new Error(`<Chart kind="${kind}">: ${parsed.problems.map((p) => `${p.message} — ${p.fix}`).join('; ')}`);
  return parsed.options!;
}
