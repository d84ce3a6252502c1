/**
 * Every HTML page leaves the renderer finished (src/lib/finish-page.ts: its Content-Security-Policy first, only its
 * own hashes, the component styles it uses minus the rules that match nothing on it) during the build itself,
 * rather than in a later pass that reads and writes every built file again.
 */
import { defineMiddleware } from 'astro:middleware';
import { finishPage } from './lib/finish-page.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  return new Response(finishPage(await response.text()), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
});
