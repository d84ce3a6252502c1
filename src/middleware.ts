/**
 * Every HTML page leaves the renderer with its Content-Security-Policy <meta> first in <head>, listing only the hashes
 * of its own inline scripts and styles (src/lib/csp-first.ts), and with the component styles it uses
 * (src/lib/page-css.ts),
 * during the build itself, rather than in a later pass that reads and writes every built file again.
 */
import { defineMiddleware } from 'astro:middleware';
import { ownHashesOnly, policyFirst } from './lib/csp-first.ts';
import { withPageSheets } from './lib/page-css.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  return new Response(ownHashesOnly(withPageSheets(policyFirst(html))), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
});
