// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import icon from 'astro-icon';

/** BASE_PATH=/sub/path/ builds the site for a sub-path; it is normalised to one leading and one trailing slash. */
function basePath(raw = '/') {
  const trimmed = raw.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export default defineConfig({
  base: basePath(process.env.BASE_PATH),
  // Absolute URLs (canonical, feeds, sitemap) are only emitted when the host says where the site lives.
  site: process.env.SITE_URL || undefined,
  // OUT_DIR lets tests build a second copy (for example under another BASE_PATH) without touching dist/.
  outDir: process.env.OUT_DIR || './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  integrations: [mdx(), icon()],
});
