/**
 * The site's own build steps as an Astro integration (astro.config.mjs): after the pages are built, each live
 * chart's embed page and standalone SVG are made from its built story page (registered by the embed route:
 * src/lib/standalone-files.ts, src/lib/embed-page.ts) and written to embed/<id>/index.html and charts/<id>.svg, with
 * the withdrawn charts' SVGs. Story pages copied from the incremental-build cache are in `dir` too, so a rebuild
 * writes the same files as a cold build. The search index (src/lib/search-index.ts) is started before them, by
 * searchIndexFirst(), when memory allows, and waited for here; otherwise scripts/build.mjs runs it once this process
 * has exited. In `astro dev`, where no build runs, the embed route renders embed pages and
 * src/pages/charts/_standalone.ts serves the SVGs. Prints "[build-step] <name> <seconds> s" like scripts/build.mjs,
 * for npm run bench.
 */
import { stopPredraw } from './chart-predraw.ts';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { takeChartPages, takeStandaloneSvgs, type ChartPage } from './standalone-files.ts';
import { chartFileWriters } from './chart-file-writers.ts';
import { embedCache, embedCodeKey } from './embed-cache.ts';
import { buildMemoryBudgetMB, buildSearchIndex, searchAlongside, searchPeakMB } from './search-index.ts';
import { forgetSearchPages, searchPages } from './search-pages.ts';

const seconds = (ms: number) => (ms / 1000).toFixed(2);

/** The search index started by searchIndexFirst(), for siteBuildSteps() to wait for. */
let searching: { done: Promise<number> | undefined; stop: AbortController; rssMB: number; pages: number } | undefined;

/**
 * Starts the search index (src/lib/search-index.ts) as the first thing once the pages are built, when memory
 * allows, so it reads them while the other integrations write the downloads, share images, embed pages and SVGs;
 * siteBuildSteps(), the last integration, waits for it. Otherwise scripts/build.mjs runs it once this process has
 * exited. Listed before the integrations whose files it does not read.
 */
export function searchIndexFirst(): AstroIntegration {
  let project = process.cwd();
  return {
    name: 'shushuo:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        project = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        // The copies of the indexed pages, without their chart figures: what the index reads (src/lib/search-pages.ts).
        const site = fileURLToPath(dir);
        let copies: Awaited<ReturnType<typeof searchPages>> | undefined;
        try {
          copies = await searchPages(site, project);
          logger.info(
            `search index to read ${copies.pages} page(s) without their chart figures: ${copies.rendered} rendered now, ${copies.kept} kept from the last build, ${copies.read} read from ${site}`,
          );
        } catch (error) {
          // A cache that cannot be written costs time, not the index: Pagefind reads the site's own pages.
          forgetSearchPages(project);
          logger.warn(
            `the search index reads the built pages: their copies could not be kept in node_modules/.cache/shushuo/search/ (${error instanceof Error ? error.message : String(error)})`,
          );
        }
        const rssMB = process.memoryUsage.rss() / 2 ** 20;
        const stop = new AbortController();
        const done = searchAlongside(rssMB, pages.length)
          ? buildSearchIndex(site, project, stop.signal, copies?.dir)
          : undefined;
        // Until it is awaited, a failure is kept for then rather than reported as unhandled; a build that stops
        // before (a failed step, an exit) stops it too.
        done?.catch(() => undefined);
        process.once('exit', () => stop.abort());
        searching = { done, stop, rssMB, pages: pages.length };
      },
    },
  };
}

export function siteBuildSteps(): AstroIntegration {
  let project = process.cwd();
  let base = '/';
  return {
    name: 'shushuo:build-steps',
    hooks: {
      'astro:config:done': ({ config }) => {
        project = fileURLToPath(config.root);
        base = config.base;
      },
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command === 'dev')
          injectRoute({
            pattern: '/charts/[id].svg',
            entrypoint: './src/pages/charts/_standalone.ts',
            prerender: true,
          });
      },
      'astro:build:done': async ({ dir, logger }) => {
        // Every page is built: the worker that drew charts ahead of them is done (or drew for pages never rendered).
        const predrawn = stopPredraw();
        if (predrawn)
          logger.info(`${predrawn.given} of ${predrawn.jobs} chart drawing(s) made ahead on a worker thread`);
        const root = fileURLToPath(dir);
        const search = searching;
        searching = undefined;
        try {
          await writeChartFiles(root, project, base, logger);
        } catch (error) {
          // A failed step fails the build: the index is not left writing into the folder being removed.
          search?.stop.abort();
          throw error;
        }
        if (search?.done) {
          const waiting = performance.now();
          const searchS = await search.done;
          logger.info(
            `search index built alongside the last steps (${searchS.toFixed(2)} s; ${((performance.now() - waiting) / 1000).toFixed(2)} s waited for it)`,
          );
          console.log(`[build-step] search index ${searchS.toFixed(2)} s`);
        } else if (search)
          // After the build, by scripts/build.mjs: run here, it would add its peak to this process's memory.
          logger.info(
            `search index left until this process has exited: ${Math.round(search.rssMB)} MB in use and about ${Math.round(searchPeakMB(search.pages))} MB for the index would pass BUILD_MEMORY_MB (${buildMemoryBudgetMB()})`,
          );
      },
    },
  };
}

/**
 * Writes each live chart's embed page and standalone SVG from its built story page (or the embed cache), and the
 * withdrawn charts' SVGs. This thread makes each story's files while writer threads write the last ones and link
 * them into the cache (src/lib/chart-file-writers.ts); the two are one step, since each chart's two files are made
 * together from its figure.
 */
async function writeChartFiles(root: string, project: string, base: string, logger: AstroIntegrationLogger) {
  const started = performance.now();
  const svgDir = join(root, 'charts');
  // Each story page is read once, for all its charts.
  const byStory = new Map<string, ChartPage[]>();
  for (const chart of takeChartPages()) {
    const list = byStory.get(chart.story);
    if (list) list.push(chart);
    else byStory.set(chart.story, [chart]);
  }
  const retired = takeStandaloneSvgs();
  if (byStory.size || retired.length) mkdirSync(svgDir, { recursive: true });
  // A story whose page, chart texts and code are those of an earlier build gets that build's files
  // (src/lib/embed-cache.ts).
  const cache = embedCache(project, embedCodeKey(project, base));
  const writers = chartFileWriters(project);
  let fromCache = 0;
  try {
    for (const [story, charts] of byStory) {
      // A turn of the event loop per story, so the build's other work (the search index's output, sharp's files) goes
      // on while this loop runs.
      await nextTurn();
      // Read as bytes: the cache's key hashes them as they are, and only a story made again needs the text.
      const page = readFileSync(join(root, 'stories', story, 'index.html'));
      const inputs = charts.map((chart) => [chart.id, chart.inputs]);
      const cached = cache.lookup(page, inputs);
      const paths = charts.map((chart) => ({
        id: chart.id,
        embed: join(root, 'embed', chart.id, 'index.html'),
        svg: join(svgDir, `${chart.id}.svg`),
      }));
      if (cached.place(paths)) {
        fromCache += 1;
        continue;
      }
      const storyHtml = page.toString('utf8');
      await writers.write({ entry: cached.entry, paths, files: charts.map((chart) => chart.files(storyHtml)) });
    }
    for (const entry of retired) writeFileSync(join(svgDir, `${entry.id}.svg`), entry.svg());
    const written = await writers.finish();
    for (const why of written.notKept) cache.notKept(why);
    if (written.here)
      logger.warn(
        `${written.here} stories' chart files written on the build's main thread: its writer threads could not start or stopped`,
      );
  } catch (error) {
    await writers.stop();
    throw error;
  }
  const kept = await cache.finish();
  if (kept.notKept)
    logger.warn(
      `${kept.notKept} stories' embed files could not be kept in node_modules/.cache/shushuo/embed/ (${kept.error}); the next build makes them again`,
    );
  const pages = [...byStory.values()].reduce((n, charts) => n + charts.length, 0);
  logger.info(
    `${pages} embed page(s) written to embed/ from their story pages (${fromCache} of ${byStory.size} stories' from the cache)`,
  );
  logger.info(`${pages + retired.length} standalone chart SVG(s) written to charts/`);
  console.log(`[build-step] embed pages and SVGs ${seconds(performance.now() - started)} s`);
}
