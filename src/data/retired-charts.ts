/**
 * Charts that were published and later withdrawn (content/retired-charts.json). Their addresses stay alive: an
 * embed on another site, or a link to the SVG, shows that the chart was withdrawn and where its figures are now.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { SLUG } from './ids.ts';
import { escapeHtml } from '../lib/escape.ts';

export const RETIRED_FILE = 'content/retired-charts.json';

const retiredSchema = z.strictObject({
  $comment: z.string().optional(),
  /** Why the charts were withdrawn, in Chinese, shown on each withdrawn chart's address. */
  reason: z.string().min(10),
  charts: z.array(
    z.strictObject({
      id: z.string().regex(SLUG, 'must be the withdrawn chart id (kebab-case)'),
      /** The story the chart appeared in; its figures are there now. */
      story: z.string().regex(SLUG),
      /** The chart's title as it was published. */
      title: z.string().min(2),
    }),
  ),
});

export type RetiredCharts = z.infer<typeof retiredSchema>;
export type RetiredChart = RetiredCharts['charts'][number];

/** Reads and checks the list; a mistake names the file and the field. */
export function loadRetiredCharts(root = process.cwd()): RetiredCharts {
  let text: string;
  try {
    text = readFileSync(join(root, RETIRED_FILE), 'utf8');
  } catch {
    return { reason: '', charts: [] };
  }
  const parsed = retiredSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${RETIRED_FILE}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return parsed.data;
}

/**
 * Returns the withdrawn charts, refusing one whose id is a live chart again or whose story does not exist, so an
 * address never means two things.
 */
export function retiredCharts(liveChartIds: ReadonlySet<string>, storyIds: ReadonlySet<string>): RetiredCharts {
  const list = loadRetiredCharts();
  list.charts.forEach((chart, i) => {
    if (liveChartIds.has(chart.id))
      throw new Error(`${RETIRED_FILE}: charts[${i}].id: "${chart.id}" is a chart in a story again; remove it here`);
    if (!storyIds.has(chart.story))
      throw new Error(`${RETIRED_FILE}: charts[${i}].story: "${chart.story}" is not a story in content/stories/`);
  });
  return list;
}

/** Returns the SVG file left at /charts/<id>.svg of a withdrawn chart: one line saying so. */
export function retiredSvg(chart: RetiredChart): string {
  const text = `此图（${chart.title}）已撤下，数字见原文章`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 48" ` +
    `width="640" height="48" role="img" aria-label="${escapeHtml(text)}"><title>${escapeHtml(text)}</title>` +
    `<rect width="640" height="48" fill="#fdfcf9"/><text x="12" y="30" font-size="15" fill="#1d1d1b" ` +
    `font-family="'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif">${escapeHtml(text)}</text></svg>\n`
  );
}
