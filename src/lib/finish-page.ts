/**
 * The last touch every HTML page gets, in one place for the pages Astro renders (src/middleware.ts) and the embed
 * pages the build writes from story pages (src/lib/embed-page.ts): its Content-Security-Policy <meta> first in
 * <head> (src/lib/csp-first.ts), the component styles it uses (src/lib/page-css.ts) minus the rules that match
 * nothing on it (src/lib/css-purge.ts), and a policy listing the hashes of its own inline scripts and styles only.
 */
import { inlineHashes, policyFirst, withOwnHashes } from './csp-first.ts';
import { pageSheets, withPageSheets } from './page-css.ts';
import { pageNames, type PageNames } from './page-names.ts';
import { purgeUnusedCss } from './css-purge.ts';

/** Returns the page as it is published. */
export function finishPage(html: string): string {
  // Read once for every step: moving the policy and adding the sheets' CSS to <style> add no class="" and no tag.
  const names = pageNames(html);
  const at = html.indexOf('</head>');
  if (at < 0) return finishHead(html, names, new Set(), new Set());
  // Every step changes the <head> alone: the rest of the page (a story's charts and text, most of its length) is
  // read for its names and hashes but copied once, when the finished head is put back in front of it, instead of
  // by each step (each copy of a story page is a large object for the collector).
  const cut = at + '</head>'.length;
  const rest = html.slice(cut);
  const scripts = new Set<string>();
  const styles = new Set<string>();
  return finishHead(html.slice(0, cut), names, scripts, styles, rest) + rest;
}

/** Finishes a page's head; `rest`, the page after it, is read for the hashes of its inline scripts and styles. */
function finishHead(head: string, names: PageNames, scripts: Set<string>, styles: Set<string>, rest = ''): string {
  const sheeted = withPageSheets(policyFirst(head), pageSheets, names);
  // The development server's styles are not minified (and not in this <style>): only built pages are trimmed.
  const trimmed = import.meta.env.PROD ? purgeUnusedCss(sheeted, names) : sheeted;
  inlineHashes(trimmed, scripts, styles);
  inlineHashes(rest, scripts, styles);
  return withOwnHashes(trimmed, scripts, styles);
}
