/** The <Chart> calls of the guide's pages, read with the same parser as a story's. */
import { chartCallsIn, type ChartSpec } from '../../../data/chart-specs.ts';

/** Blanks out fenced code blocks and code spans (the guide quotes <Chart> calls there), keeping line numbers. */
export function withoutCode(body: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, ' ');
  return body.replace(/^```[\s\S]*?^```/gm, blank).replace(/`[^`\n]*`/g, blank);
}

/** Returns the guide's chart specs and every problem: unreadable calls, and ids used twice or by a story's chart. */
export function guideCharts(
  pages: readonly { file: string; id: string; body: string; firstLine?: number }[],
  storyChartIds: ReadonlySet<string>,
): { specs: ChartSpec[]; errors: string[] } {
  const specs: ChartSpec[] = [];
  const errors: string[] = [];
  const seen = new Map<string, string>();
  for (const page of pages) {
    const found = chartCallsIn(withoutCode(page.body), page.id, page.file, page.firstLine);
    errors.push(...found.errors);
    for (const spec of found.specs) {
      const other = seen.get(spec.id) ?? (storyChartIds.has(spec.id) ? 'a story' : undefined);
      if (other)
        errors.push(
          `${page.file}: <Chart id="${spec.id}"> uses an id already used in ${other}; chart ids must be unique across the site`,
        );
      if (!/^(guide|gallery)-/.test(spec.id))
        errors.push(`${page.file}: <Chart id="${spec.id}"> ids in the guide start with "guide-" or "gallery-"`);
      seen.set(spec.id, page.file);
      specs.push(spec);
    }
  }
  return { specs, errors };
}
