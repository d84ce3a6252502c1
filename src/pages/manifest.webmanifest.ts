/** The web app manifest. Its URLs are relative to the manifest itself, so they hold under any BASE_PATH. */
import type { APIRoute } from 'astro';
import { site } from '../lib/site.ts';

export const GET: APIRoute = () => {
  const manifest = {
    name: site.name,
    short_name: site.name,
    description: site.description,
    lang: 'zh-CN',
    start_url: './',
    scope: './',
    display: 'browser',
    background_color: '#fdfcf9',
    theme_color: '#a3261c',
    icons: [
      { src: 'favicon.svg', type: 'image/svg+xml', sizes: 'any' },
      { src: 'icon-192.png', type: 'image/png', sizes: '192x192' },
      { src: 'icon-512.png', type: 'image/png', sizes: '512x512' },
    ],
  };
  return new Response(`${JSON.stringify(manifest, null, 2)}\n`, {
    headers: { 'content-type': 'application/manifest+json' },
  });
};
