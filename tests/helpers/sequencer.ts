/**
 * The order in which the `site` project's files start, on its two workers: the longest first, so that neither worker
 * is left with a long file at the end while the other idles. The order is fixed, not taken from Vitest's timing cache,
 * so a fresh clone (as CI runs it) schedules exactly like a warm checkout and two runs do the same work in the same
 * order. Files not listed follow in path order; the `unit` project keeps Vitest's own order.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Longest first, as measured (README, "What `npm test` runs"). */
const siteOrder = [
  'tests/browser/pages.test.ts',
  'tests/build/report-path.test.ts',
  'tests/build/drafts.test.ts',
  'tests/build/hostile.test.ts',
  'tests/browser/reader.test.ts',
  'tests/build/archive.test.ts',
  'tests/build/rebuild.test.ts',
  'tests/build/editor-path.test.ts',
  'tests/build/determinism.test.ts',
];

export class SiteSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root.replace(/\/?$/, '/');
    const path = (f: TestSpecification) => f.moduleId.slice(root.length);
    const rank = (f: TestSpecification) => {
      const i = siteOrder.indexOf(path(f));
      return i < 0 ? siteOrder.length : i;
    };
    const site = sorted.filter((f) => f.project.name === 'site');
    site.sort((a, b) => rank(a) - rank(b) || (path(a) < path(b) ? -1 : path(a) > path(b) ? 1 : 0));
    return [...sorted.filter((f) => f.project.name !== 'site'), ...site];
  }
}
