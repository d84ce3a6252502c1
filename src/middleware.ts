/**
 * Every HTML page leaves the renderer with its Content-Security-Policy <meta> first in <head> (src/lib/csp-first.ts),
 * during the build itself, rather than in a later pass that reads and writes every built file again.
 */
import { defineMiddleware } from 'astro:middleware';
import { policyFirst } from './lib/csp-first.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  return new Response(policyFirst(html), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
});
