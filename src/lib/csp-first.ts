import { createHash } from 'node:crypto';

/**
 * Puts a page's Content-Security-Policy <meta> first in <head> (right after <meta charset>). Astro writes it after
 * the page's own head elements, and a policy only governs what comes after it: an inline script placed early in
 * <head> (the theme script) would otherwise run unchecked. Applied to every page as it renders (src/middleware.ts).
 */
export function policyFirst(html: string): string {
  const meta = /<meta http-equiv="content-security-policy"[^>]*>/i.exec(html);
  if (!meta) return html;
  const without = html.slice(0, meta.index) + html.slice(meta.index + meta[0].length);
  const charset = /<head>\s*(<meta charset="[^"]*">)?/i.exec(without);
  if (!charset || charset.index > meta.index) return html;
  const at = charset.index + charset[0].length;
  return without.slice(0, at) + meta[0] + without.slice(at);
}

const SCRIPT = /<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi;
const STYLE = /<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/gi;
const HASH = /\s*'sha256-[A-Za-z0-9+/=]+'/g;
/** Script types the browser runs (anything else, such as application/json, is a data block and needs no hash). */
const RUNS = /^\s*(?:|module|text\/javascript|application\/javascript)\s*$/i;

/** Hashes by text: the same stylesheet and scripts recur on thousands of pages (embeds), so each is hashed once. */
const hashes = new Map<string, string>();
const sha256 = (text: string) => {
  let hash = hashes.get(text);
  if (hash === undefined) {
    if (hashes.size >= 2000) hashes.clear();
    hash = `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    hashes.set(text, hash);
  }
  return hash;
};

/**
 * Astro lists in every page's policy the hash of every inline script and style of the whole site (19 of them,
 * about 1 KB gzip of random bytes per page). This keeps only the hashes of the inline <script> and <style> elements
 * the page itself holds, so each page allows exactly its own inline code and nothing the site has elsewhere.
 */
export function ownHashesOnly(html: string): string {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  inlineHashes(html, scripts, styles);
  return withOwnHashes(html, scripts, styles);
}

/**
 * Adds to `scripts` and `styles` the hashes of the inline scripts (those the browser runs) and styles in a piece of
 * a page, in order: a page read in pieces (its head, then the rest) gives the hashes the whole page gives.
 */
export function inlineHashes(html: string, scripts: Set<string>, styles: Set<string>): void {
  for (const m of html.matchAll(SCRIPT)) {
    const attrs = m[1] ?? '';
    if (/\ssrc=/i.test(attrs)) continue;
    const type = /\stype="([^"]*)"/i.exec(attrs)?.[1] ?? '';
    if (RUNS.test(type)) scripts.add(sha256(m[2] ?? ''));
  }
  for (const m of html.matchAll(STYLE)) styles.add(sha256(m[1] ?? ''));
}

/** Returns the page (or its head) with its policy listing these hashes instead of Astro's list of the site's. */
export function withOwnHashes(html: string, scripts: ReadonlySet<string>, styles: ReadonlySet<string>): string {
  const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"[^>]*>/i.exec(html);
  if (!meta) return html;
  const directives = meta[1]!.split(';').map((part) => {
    const name = part.trim().split(/\s+/)[0]?.toLowerCase();
    const own =
      name === 'script-src' || name === 'script-src-elem' ? scripts : name === 'style-src-elem' ? styles : null;
    if (!own || !part.includes("'sha256-")) return part;
    return `${part.replace(HASH, '').trimEnd()} ${[...own].join(' ')}`.trimEnd();
  });
  const policy = directives.join(';');
  return html.slice(0, meta.index) + meta[0].replace(meta[1]!, policy) + html.slice(meta.index + meta[0].length);
}
