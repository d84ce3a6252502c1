/**
 * The pages the search index reads, kept between builds in node_modules/.cache/shushuo/search/ (git-ignored, delete
 * it freely): a copy of every indexed page (one with data-pagefind-body) without its chart figures, which Pagefind
 * ignores (data-pagefind-ignore) but still parses, half the bytes of a story page. Pagefind cannot add to an index,
 * so a rebuild after one story changed indexed every page again, and the index was the last step to finish: it read
 * 71 MB of story pages at 1,000 stories (README "Build cost"). It now reads the copies, and gives the same index.
 *
 * The middleware (src/middleware.ts) writes the copy of each page it finishes, while the pages build; a page Astro
 * restores from its incremental cache is the one rendered last time, so its copy from then is still right. The list
 * of the indexed pages is kept with the copies once a build has them all (`searchPages`). A build marks the folder
 * as its own while it writes copies, and clears the mark with the list: a mark found by another build is one that
 * stopped halfway, so its list is not trusted, and every page not rendered now is taken from the output folder.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { buildRegistry } from './build-registry.ts';
import { elementEnd } from './chart-figure.ts';
import { NOT_PAGES } from './search-index.ts';

/** Where the copies are kept, under the project root. */
export const SEARCH_PAGES_DIR = 'node_modules/.cache/shushuo/search';
/** The list of the pages indexed by the last build that had every copy, in the folder above. */
const LIST = '.indexed.json';
/** The mark of a build writing copies: its process id. */
const MARK = '.building';

/** Whether Pagefind indexes this page: the site marks what it indexes with data-pagefind-body. */
export const isIndexed = (html: string): boolean => html.includes('data-pagefind-body');

/** Returns the page without its chart figures (each `<figure class="chart-figure …" … data-pagefind-ignore>`). */
export function searchCopy(html: string): string {
  let out = '';
  let from = 0;
  for (
    let at = html.indexOf('<figure class="chart-figure');
    at >= 0;
    at = html.indexOf('<figure class="chart-figure', from)
  ) {
    const end = elementEnd(html, at, 'figure');
    const open = html.slice(at, html.indexOf('>', at) + 1);
    // Only a figure the index ignores is left out: anything else would change what it finds.
    if (/\sdata-pagefind-ignore[\s>=]/.test(open)) {
      out += html.slice(from, at);
      from = end;
    } else {
      out += html.slice(from, end);
      from = end;
    }
  }
  return out + html.slice(from);
}

/** The file of a page under the output folder, from its path on the site: /stories/x/ is stories/x/index.html. */
export function pageFile(pathname: string, base = '/'): string {
  let path = decodeURIComponent(pathname);
  if (path.startsWith(base)) path = path.slice(base.length);
  path = path.replace(/^\/+/, '');
  if (path === '' || path.endsWith('/')) return `${path}index.html`;
  return path.endsWith('.html') ? path : `${path}.html`;
}

interface Rendered {
  /** The page's file under the output folder. */
  file: string;
  indexed: boolean;
  /** Its copy, being written. */
  written: Promise<void>;
}

const rendered = buildRegistry<Rendered>('search-pages', (page) => page.file);

/** Whether a build other than this process left its mark: it stopped before it had every copy. */
function stoppedBuild(dir: string): boolean {
  try {
    return readFileSync(join(dir, MARK), 'utf8') !== String(process.pid);
  } catch {
    return false;
  }
}

/**
 * Keeps the copy the index will read of a page the build has just rendered (or notes that it has none), in the
 * project's cache folder. The first call of a build marks the folder as this build's, after removing the list of
 * the last build's pages if a build that stopped halfway left its mark.
 */
export function keepForSearch(root: string, file: string, html: string): void {
  const dir = join(root, SEARCH_PAGES_DIR);
  const store = globalThis as { [key: symbol]: true | { error: unknown } | undefined };
  const started = Symbol.for('shushuo.search-pages.started');
  if (!store[started]) {
    try {
      mkdirSync(dir, { recursive: true });
      if (stoppedBuild(dir)) rmSync(join(dir, LIST), { force: true });
      writeFileSync(join(dir, MARK), String(process.pid));
      store[started] = true;
    } catch (error) {
      // No page fails for its copy: searchPages reports it, and the index reads the built pages.
      store[started] = { error };
    }
  }
  const state = store[started];
  const indexed = isIndexed(html);
  const path = join(dir, file);
  // Written here, not by node:fs/promises, whose round trips through this thread took 0.4 s of it at 1,000 stories.
  let written = Promise.resolve();
  if (state !== true) written = Promise.reject(state.error);
  else if (indexed)
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, searchCopy(html));
    } catch (error) {
      written = Promise.reject(error);
    }
  // A failed write is found by searchPages, which waits for every one.
  written.catch(() => undefined);
  rendered.register([{ file, indexed, written }]);
}

/**
 * The folder of copies when the last build left it whole (its list, and no build's mark), else undefined: for
 * scripts/build.mjs, which runs the index after the build's process when memory is short.
 */
export function searchPagesReady(root: string): string | undefined {
  const dir = join(root, SEARCH_PAGES_DIR);
  return existsSync(join(dir, LIST)) && !existsSync(join(dir, MARK)) ? dir : undefined;
}

/**
 * Forgets the copies' list after a failure to make them (a full or read-only disk): the index then reads the site's
 * own pages, and the next build takes every page it does not render from its output folder.
 */
export function forgetSearchPages(root: string): void {
  rmSync(join(root, SEARCH_PAGES_DIR, LIST), { force: true });
}

/** Every HTML file of the output folder that can be a page the index reads. */
function outputPages(site: string): string[] {
  return readdirSync(site, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(site, join(e.parentPath, e.name)).split('\\').join('/'))
    .filter((file) => !NOT_PAGES.has(file.split('/')[0]!))
    .sort();
}

/**
 * Once the pages are built: makes the cache folder hold the copy of every page of `site` the index reads, and only
 * those, and returns it with how many copies came from where. A page rendered now has its copy from the middleware;
 * a page restored from Astro's cache keeps the copy it had, when the last build's list names it; any other page of
 * the output folder is read from there (every page, after a build that stopped, or without the cache).
 */
export async function searchPages(
  site: string,
  root: string,
): Promise<{ dir: string; pages: number; rendered: number; kept: number; read: number }> {
  const dir = join(root, SEARCH_PAGES_DIR);
  const now = rendered.take();
  (globalThis as { [key: symbol]: unknown })[Symbol.for('shushuo.search-pages.started')] = undefined;
  await Promise.all(now.map((page) => page.written));
  const seen = new Map(now.map((page) => [page.file, page.indexed]));
  let last: Set<string> | undefined;
  try {
    if (!stoppedBuild(dir)) last = new Set(JSON.parse(readFileSync(join(dir, LIST), 'utf8')) as string[]);
  } catch {
    last = undefined;
  }
  mkdirSync(dir, { recursive: true });
  const indexed: string[] = [];
  let kept = 0;
  let read = 0;
  for (const file of outputPages(site)) {
    const known = seen.get(file);
    if (known !== undefined) {
      if (known) indexed.push(file);
    } else if (last?.has(file) && existsSync(join(dir, file))) {
      indexed.push(file);
      kept += 1;
    } else if (!last || last.has(file)) {
      // Not rendered now and no copy known to be its own: the page as built.
      const html = readFileSync(join(site, file), 'utf8');
      if (isIndexed(html)) {
        mkdirSync(dirname(join(dir, file)), { recursive: true });
        writeFileSync(join(dir, file), searchCopy(html));
        indexed.push(file);
        read += 1;
      }
    }
  }
  // Copies of pages this build does not index go: the folder is this build's pages alone.
  const wanted = new Set(indexed);
  for (const file of readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/')))
    if (!wanted.has(file)) rmSync(join(dir, file), { force: true });
  writeFileSync(join(dir, LIST), JSON.stringify(indexed));
  rmSync(join(dir, MARK), { force: true });
  return { dir, pages: indexed.length, rendered: now.filter((p) => p.indexed).length, kept, read };
}
