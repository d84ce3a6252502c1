/** Finds every internal link and asset reference in a built site that does not resolve to a file or fragment. */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface BrokenLink {
  page: string;
  ref: string;
  reason: string;
}

/** Every .html file under `dir`, recursively. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return htmlFiles(p);
    return e.name.endsWith('.html') ? [p] : [];
  });
}

const idCache = new Map<string, Set<string>>();
function idsIn(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    ids = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
    idCache.set(file, ids);
  }
  return ids;
}

/** Returns the file a site path maps to, or undefined. */
function fileFor(dist: string, sitePath: string): string | undefined {
  const candidate = join(dist, decodeURIComponent(sitePath));
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  const index = join(candidate, 'index.html');
  return existsSync(index) ? index : undefined;
}

/** Checks href/src/srcset/content-URL references of every page in `dist`, built for `base`. */
export function findBrokenLinks(dist: string, base = '/'): { pages: number; refs: number; broken: BrokenLink[] } {
  idCache.clear();
  const broken: BrokenLink[] = [];
  const files = htmlFiles(dist);
  let refs = 0;
  for (const file of files) {
    const rel = relative(dist, file).split(sep).join('/');
    const pageUrl = new URL(base + rel.replace(/(^|\/)index\.html$/, '$1'), 'http://site.test');
    const html = readFileSync(file, 'utf8');
    const found = [...html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map((m) => m[1]!);
    for (const m of html.matchAll(/\ssrcset="([^"]*)"/g))
      found.push(...m[1]!.split(',').map((s) => s.trim().split(/\s+/)[0]!));
    for (const raw of found) {
      const ref = raw.replaceAll('&amp;', '&');
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(ref) && !ref.startsWith('http://site.test')) continue;
      refs += 1;
      const url = new URL(ref, pageUrl);
      if (!url.pathname.startsWith(base)) {
        broken.push({ page: rel, ref, reason: `outside the base path ${base}` });
        continue;
      }
      const reason = resolveUrl(dist, base, url).reason;
      if (reason) broken.push({ page: rel, ref, reason });
    }
  }
  return { pages: files.length, refs, broken };
}

/** Resolves a URL of the site (under `base`) to its file in `dist`; a fragment must name an element of the page. */
export function resolveUrl(dist: string, base: string, url: URL): { file?: string; reason?: string } {
  if (!url.pathname.startsWith(base)) return { reason: `outside the base path ${base}` };
  const file = fileFor(dist, url.pathname.slice(base.length));
  if (!file) return { reason: 'no such file' };
  if (url.hash && file.endsWith('.html')) {
    const id = decodeURIComponent(url.hash.slice(1));
    if (!idsIn(file).has(id)) return { file, reason: `no element with id "${id}"` };
  }
  return { file };
}
