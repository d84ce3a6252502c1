/** When the search index may run alongside the build's last steps, and which pages it reads (src/lib/search-index.ts). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMemoryBudgetMB, searchAlongside, searchGlob, searchPeakMB } from '../../src/lib/search-index.ts';

describe('the search index alongside the last steps', () => {
  it('runs alongside when the process and the index fit the budget, after them when they do not', () => {
    // 1,000 stories: about 1,000 MB in use and 1,216 pages to read.
    expect(searchAlongside(1000, 1216, 1800)).toBe(true);
    // 3,000 stories: about 1,500 MB in use and 3,650 pages (730 MB for the index) would pass a 2 GB runner.
    expect(searchAlongside(1500, 3650, 1800)).toBe(false);
    expect(searchAlongside(1800 - searchPeakMB(100), 100, 1800)).toBe(true);
    expect(searchAlongside(1800 - searchPeakMB(100) + 1, 100, 1800)).toBe(false);
    // Measured: 245 MB for 1,216 pages, 683 MB for 3,650.
    expect(searchPeakMB(1216)).toBeGreaterThanOrEqual(245);
    expect(searchPeakMB(3650)).toBeGreaterThanOrEqual(683);
  });

  it('takes its budget from BUILD_MEMORY_MB, or 1,800 MB', () => {
    expect(buildMemoryBudgetMB({})).toBe(1800);
    expect(buildMemoryBudgetMB({ BUILD_MEMORY_MB: '4096' })).toBe(4096);
    expect(buildMemoryBudgetMB({ BUILD_MEMORY_MB: 'lots' })).toBe(1800);
    expect(buildMemoryBudgetMB({ BUILD_MEMORY_MB: '0' })).toBe(1800);
  });
});

describe('searchGlob', () => {
  const site = mkdtempSync(join(tmpdir(), 'shushuo-search-'));
  afterAll(() => rmSync(site, { recursive: true, force: true }));

  it('reads the top pages and every folder of pages, but not embed pages, SVGs, share images or assets', () => {
    for (const dir of ['stories/a', 'reports/r', 'embed/c', 'charts', 'og', '_astro', 'pagefind', 'data'])
      mkdirSync(join(site, dir), { recursive: true });
    writeFileSync(join(site, 'index.html'), '');
    const glob = searchGlob(site);
    expect(glob.startsWith('{*.html,')).toBe(true);
    const folders = glob
      .slice(1, -1)
      .split(',')
      .slice(1)
      .map((g) => g.replace('/**/*.html', ''))
      .sort();
    expect(folders).toEqual(['data', 'reports', 'stories']);
  });
});
