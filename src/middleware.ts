/**
 * Every HTML page leaves the renderer with its Content-Security-Policy <meta> first in <head>, listing only the hashes
 * of its own inline scripts and styles (src/lib/csp-first.ts), and with the component styles it uses
 * (src/lib/page-css.ts) minus the rules that match nothing on it (src/lib/css-purge.ts),
 * during the build itself, rather than in a later pass that reads and writes every built file again.
 */
import { defineMiddleware } from 'astro:middleware';
import { ownHashesOnly, policyFirst } from './lib/csp-first.ts';
import { withPageSheets } from './lib/page-css.ts';
import { purgeUnusedCss } from './lib/css-purge.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = withPageSheets(policyFirst(await response.text()));
  // The development server's styles are not minified (and not in this <style>): only built pages are trimmed.
  const trimmed = import.meta.env.PROD ? purgeUnusedCss(html) : html;
  return new Response(ownHashesOnly(trimmed), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
});
