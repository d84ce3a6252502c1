/**
 * The search index: Pagefind run on the built site, by the site's build integration (src/lib/build-integration.ts)
 * once the pages are written. It runs alongside the build's last steps (the embed pages and standalone SVGs) when
 * the build's memory allows, else after them: Pagefind holds every page it reads, about 0.2 MB a page (245 MB for
 * the 1,216 pages of a 1,000-story archive, 683 MB for 3,650), and together with the build's own process that could
 * pass the memory a small CI runner has (README "Build cost").
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Pagefind's peak memory per page it reads, in MB (measured: see above). */
export const SEARCH_MB_PER_PAGE = 0.2;
/** What Pagefind holds whatever the site: its Node launcher and its own process (about 50 MB). */
export const SEARCH_BASE_MB = 50;

/**
 * The memory the build may use, in MB: BUILD_MEMORY_MB, or 1,800 (a 2 GB runner, less what the system needs). The
 * search index runs alongside the last steps only when the build's process and the index's expected peak fit.
 */
export function buildMemoryBudgetMB(env: NodeJS.ProcessEnv = process.env): number {
  const given = Number(env.BUILD_MEMORY_MB);
  return Number.isFinite(given) && given > 0 ? given : 1800;
}

/** Whether Pagefind may run alongside the build's last steps: the process's memory plus its expected peak fit. */
export function searchAlongside(rssMB: number, pages: number, budgetMB = buildMemoryBudgetMB()): boolean {
  return rssMB + searchPeakMB(pages) <= budgetMB;
}

/** Pagefind's expected peak memory for a site of this many pages, in MB. */
export const searchPeakMB = (pages: number): number => SEARCH_BASE_MB + pages * SEARCH_MB_PER_PAGE;

/** Top folders of a built site that hold no page the index reads (embed pages are not indexed; the rest are files). */
export const NOT_PAGES: ReadonlySet<string> = new Set(['embed', 'charts', 'og', '_astro', 'pagefind']);

/**
 * The pages Pagefind reads: every folder but embed/ (one page per chart, none of them marked data-pagefind-body, so
 * none indexed; reading 5,000 of them only costs time) and the folders that hold no pages.
 */
export function searchGlob(site: string): string {
  const dirs = readdirSync(site, { withFileTypes: true }).filter((e) => e.isDirectory() && !NOT_PAGES.has(e.name));
  return `{*.html,${dirs.map((d) => `${d.name}/**/*.html`).join(',')}}`;
}

/**
 * The arguments for Node to run Pagefind on a built site: its entry point, the pages it reads and where it writes
 * `pagefind/`. Given `pages`, the folder of the indexed pages' copies that the build keeps (src/lib/search-pages.ts),
 * it reads those and writes into the site; otherwise it reads the site's own pages.
 */
export function searchIndexArgs(site: string, project = process.cwd(), pages?: string): string[] {
  const entry = join(project, 'node_modules/pagefind/lib/runner/bin.cjs');
  return pages
    ? [entry, '--site', pages, '--output-path', join(site, 'pagefind')]
    : [entry, '--site', site, '--glob', searchGlob(site)];
}

/**
 * Runs Pagefind on a built site, from its entry point under this Node (not through npx: one process fewer), writing
 * `pagefind/` into it, from the copies of its pages in `pages` when given. Resolves with its wall time in seconds;
 * rejects when it fails or `signal` stops it.
 */
export function buildSearchIndex(
  site: string,
  project = process.cwd(),
  signal?: AbortSignal,
  pages?: string,
): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const run = spawn(process.execPath, searchIndexArgs(site, project, pages), {
      stdio: 'inherit',
      signal,
    });
    run.on('error', reject);
    run.on('exit', (code, signal) => {
      if (code === 0) resolve((performance.now() - started) / 1000);
      else reject(new Error(`the search index (pagefind --site ${site}) failed: ${signal ?? `exit ${code}`}`));
    });
  });
}
