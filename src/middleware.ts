/**
 * Every HTML page leaves the renderer finished (src/lib/finish-page.ts: its Content-Security-Policy first, only its
 * own hashes, the component styles it uses minus the rules that match nothing on it) during the build itself,
 * rather than in a later pass that reads and writes every built file again. In a build, the page the search index
 * will read is kept as it is finished (src/lib/search-pages.ts).
 */
import { defineMiddleware } from 'astro:middleware';
import { finishPage } from './lib/finish-page.ts';
import { keepForSearch, pageFile } from './lib/search-pages.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = finishPage(await response.text());
  if (import.meta.env.PROD && context.isPrerendered)
    keepForSearch(process.cwd(), pageFile(context.url.pathname, import.meta.env.BASE_URL), html);
  return new Response(html, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
});
