// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import icon from 'astro-icon';
import sitemap from '@astrojs/sitemap';
import { fileURLToPath } from 'node:url';
import { contentCheck } from './src/data/content-check-integration.ts';
import { searchIndexFirst, siteBuildSteps } from './src/lib/build-integration.ts';
import { filesAfterPages } from './src/lib/files-after-pages.ts';
import { withMdxCache } from './src/lib/mdx-cache.ts';
import { storyCodeSplitting } from './src/lib/story-chunks.ts';
import { shareImagesAhead } from './src/lib/share-ahead.ts';

/** BASE_PATH=/sub/path/ builds the site for a sub-path; it is normalised to one leading and one trailing slash. */
function basePath(raw = '/') {
  const trimmed = raw.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * Datasets, diagrams and reports are read with node:fs, not imported, so Vite does not know a page depends on them:
 * in `npm run dev`, reload the open page when a file under content/data/, content/diagrams/ or content/reports/
 * changes (the loaders notice the change and read the file again; pages read them as they render, since the dev
 * server keeps what getStaticPaths() returned).
 */
function reloadOnContentData() {
  const folders = ['content/data/', 'content/diagrams/', 'content/reports/'].map((f) =>
    fileURLToPath(new URL(f, import.meta.url)),
  );
  return {
    name: 'shushuo:reload-on-content-data',
    /** @param {import('vite').ViteDevServer} server */
    configureServer(server) {
      server.watcher.add(folders);
      /** @param {string} file */
      const reload = (file) => {
        if (folders.some((f) => file.startsWith(f))) server.ws.send({ type: 'full-reload', path: '*' });
      };
      for (const event of ['add', 'change', 'unlink']) server.watcher.on(event, reload);
    },
  };
}

export default defineConfig({
  base: basePath(process.env.BASE_PATH),
  // Absolute URLs (canonical, feeds, sitemap) are only emitted when the host says where the site lives.
  site: process.env.SITE_URL || undefined,
  // OUT_DIR lets tests build a second copy (for example under another BASE_PATH) without touching dist/.
  outDir: process.env.OUT_DIR || './dist',
  trailingSlash: 'always',
  // concurrency: pages render while sharp encodes share images on its own threads (1,000 stories: see README).
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
  devToolbar: { enabled: false },
  vite: {
    plugins: [reloadOnContentData()],
    build: {
      rolldownOptions: {
        // Every MDX story's propagated-assets module starts with "use astro:head-inject", which rolldown warns about
        // (one warning of ten lines per story: withastro/astro#18087, harmless); the site has no other directive.
        checks: { moduleLevelDirective: false },
        // The server bundle holds the stories in 100 chunks instead of one each (src/lib/story-chunks.ts).
        output: { codeSplitting: storyCodeSplitting },
      },
    },
  },
  // Pages whose getStaticPaths() gives a cacheKey (the stories: src/lib/cache.ts) are copied from node_modules/.astro/
  // when neither their content nor their code changed since the last build.
  experimental: { incrementalBuild: true },
  // A sitemap needs absolute URLs, so it is only written when SITE_URL says where the site lives.
  // The content check runs first: a mistake in content stops the build with its messages before anything renders.
  integrations: [
    // Share images drawn ahead of the pages, at the lowest priority, on the core the check and bundling leave idle.
    shareImagesAhead(),
    contentCheck(),
    // Each story's compiled MDX is kept between production builds, keyed by its text (src/lib/mdx-cache.ts).
    withMdxCache(mdx()),
    icon(),
    // The search index, started first once the pages are built, when memory allows (src/lib/build-integration.ts).
    searchIndexFirst(),
    // Dataset downloads and share images written after the pages rather than as 3,000 routes (src/lib/files-after-pages.ts).
    filesAfterPages(),
    // Embed pages and standalone chart SVGs written from the story pages after them, rather than as 10,000 routes
    // (src/lib/build-integration.ts). Last: it waits for the search index.
    siteBuildSteps(),
    ...(process.env.SITE_URL ? [sitemap({ filter: (page) => !/\/404\/?$/.test(page) })] : []),
  ],
  // No Shiki: its inline styles would break the CSP, and the articles have no code blocks.
  markdown: { syntaxHighlight: false },
  // Content-Security-Policy as a <meta> on every page: Astro hashes its bundled/inlined scripts and styles into
  // script-src and style-src; everything else may only come from this origin. Hosts that set headers: README
  // "Security headers". Inline style="" attributes (SVG charts) are allowed; they cannot run code.
  // An `is:inline` script is not hashed by Astro: call Astro.csp?.insertScriptHash('sha256-…') for it.
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // Pagefind's search runs WebAssembly, which needs 'wasm-unsafe-eval' (it allows no JavaScript eval).
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: {
        resources: [
          { resource: "'self'", kind: 'element' },
          { resource: "'unsafe-inline'", kind: 'attribute' },
        ],
      },
    },
  },
});
