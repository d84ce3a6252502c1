/**
 * The last touch every HTML page gets, in one place for the pages Astro renders (src/middleware.ts) and the embed
 * pages the build writes from story pages (src/lib/embed-page.ts): its Content-Security-Policy <meta> first in
 * <head> (src/lib/csp-first.ts), the component styles it uses (src/lib/page-css.ts) minus the rules that match
 * nothing on it (src/lib/css-purge.ts), and a policy listing the hashes of its own inline scripts and styles only.
 */
import { ownHashesOnly, policyFirst } from './csp-first.ts';
import { pageSheets, withPageSheets } from './page-css.ts';
import { pageNames } from './page-names.ts';
import { purgeUnusedCss } from './css-purge.ts';

/** Returns the page as it is published. */
export function finishPage(html: string): string {
  const first = policyFirst(html);
  // Read once for both steps: adding the sheets' CSS to <style> adds no class="" and no tag.
  const names = pageNames(first);
  const sheeted = withPageSheets(first, pageSheets, names);
  // The development server's styles are not minified (and not in this <style>): only built pages are trimmed.
  return ownHashesOnly(import.meta.env.PROD ? purgeUnusedCss(sheeted, names) : sheeted);
}
