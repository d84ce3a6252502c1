/** robots.txt: everything may be crawled; names the sitemap when SITE_URL is set (a sitemap needs absolute URLs). */
import type { APIRoute } from 'astro';
import { href } from '../lib/url.ts';

export const GET: APIRoute = ({ site }) => {
  const lines = ['User-agent: *', 'Allow: /'];
  if (site) lines.push(`Sitemap: ${new URL(href('sitemap-index.xml'), site).href}`);
  return new Response(`${lines.join('\n')}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
