// Every page of the built dist/, loaded once in headless Chromium and checked the way a reader meets it:
// - axe-core, every rule, in the light and the dark theme: 0 violations;
// - a Content-Security-Policy <meta>, no console error, no CSP violation, no failed request and no request to any
//   host but the test server;
// - no horizontal overflow at 375 px or 1280 px;
// and, on every page with a chart, a second load with JavaScript switched off: every chart complete (SVG + table).
// One load serves all the checks of a page (they used to be two suites that loaded every page twice).
import { describe, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations } from '../helpers/axe.ts';
import { builtPages } from '../helpers/pages.ts';
import { useSite } from '../helpers/site.ts';

const pages = builtPages('dist');
// Story pages, plus any other page that carries a chart (embeds, the data pages).
const chartPages = pages.filter((p) => p.story || readFileSync(join('dist', p.file), 'utf8').includes('chart-figure'));
const widths = [375, 1280] as const;
const themes = ['light', 'dark'] as const;

const site = useSite();

interface Visit {
  page: Page;
  context: BrowserContext;
  /** Console errors (CSP violations included) and uncaught exceptions. */
  errors: string[];
  /** Requests to any host other than the test server (all aborted). */
  foreign: string[];
  /** Requests answered with 4xx/5xx (except the page under test when it is the 404 page). */
  failed: string[];
}

/**
 * Opens a page with every request intercepted; anything not on 127.0.0.1 is recorded and aborted. The page's own
 * CSP stays in force, so a reference to another host fails either way: the policy blocks it (a CSP violation,
 * reported on the console) or the browser requests it (caught here).
 */
async function visit(path: string, options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Visit> {
  const context = await site.browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  const origin = new URL(site.url).origin;
  const foreign: string[] = [];
  const failed: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  // Chromium reports CSP violations on the console too, but the event also names the directive and the blocked URI.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        `CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && !(path === '404.html' && r.url() === site.url + path))
      failed.push(`${r.status()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    if (!foreign.includes(r.url())) failed.push(`failed ${r.url()} (${r.failure()?.errorText})`);
  });
  await page.goto(site.url + path, { waitUntil: 'load' });
  return { page, context, errors, foreign, failed };
}

/** How far the page scrolls sideways at its current width, naming the widest offenders. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const doc = document.scrollingElement ?? document.documentElement;
    const width = window.innerWidth;
    const wide = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= width + 0.5)
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} (right edge ${Math.round(el.getBoundingClientRect().right)} px)`,
      );
    return { scrollWidth: doc.scrollWidth, innerWidth: width, wide };
  });
}

/** Shows `theme` as a reader who chose it would see it, once colour transitions have finished. */
async function showTheme(page: Page, theme: (typeof themes)[number]) {
  // The site follows the system preference and a stored choice on <html data-theme>; set both.
  await page.emulateMedia({ colorScheme: theme });
  await page.evaluate((t) => {
    document.documentElement.dataset.theme = t;
  }, theme);
  // Let colour transitions finish so axe measures the final contrast.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

// Pages are independent, so they are checked a few at a time (Vitest's maxConcurrency).
describe.concurrent('every built page', () => {
  it('was found in dist/', ({ expect }) => {
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.map((p) => p.path)).toContain('');
  });

  it.for(pages.map((p) => [p.path || '/', p] as const))(
    '%s: no axe violation (light, dark), console error, CSP violation, bad request or overflow (375, 1280 px)',
    // The largest pages (/data/, the guide, the lead story) take axe many seconds each when the machine is busy.
    { timeout: 180_000 },
    async ([, p], { expect }) => {
      // Loaded at the phone width first: scripts that measure the page on load see the narrow layout.
      const v = await visit(p.path, { width: widths[0] });
      try {
        // Give late scripts (deferred modules, idle callbacks) a moment to run and complain.
        await v.page.waitForLoadState('networkidle');
        const csp = await v.page.getAttribute('meta[http-equiv="content-security-policy"]', 'content');
        expect.soft(csp, 'the page carries a Content-Security-Policy <meta>').toMatch(/script-src [^;]*'self'/);
        expect.soft(csp).toMatch(/default-src 'self'/);

        const overflows: string[] = [];
        for (const width of widths) {
          await v.page.setViewportSize({ width, height: 900 });
          const o = await overflow(v.page);
          if (o.scrollWidth > o.innerWidth)
            overflows.push(
              `at ${width} px: scrollWidth ${o.scrollWidth} > innerWidth ${o.innerWidth}; widest: ${o.wide.join(', ') || '?'}`,
            );
        }
        expect.soft(overflows, 'horizontal overflow').toEqual([]);

        // axe at the desktop width, in each theme on the same load.
        const reports: string[] = [];
        for (const theme of themes) {
          await showTheme(v.page, theme);
          const violations = await axeViolations(v.page);
          if (violations) reports.push(`${p.path || '/'} (${theme}):\n${violations}`);
        }
        expect.soft(reports.join('\n'), 'axe violations').toBe('');

        // Read last, so anything the page did while it was checked counts too.
        const problems = [...v.foreign.map((u) => `third-party request: ${u}`), ...v.failed, ...v.errors];
        expect(problems, 'third-party requests, failed requests, console errors and CSP violations').toEqual([]);
      } finally {
        await v.context.close();
      }
    },
  );

  it.for(chartPages.map((p) => [p.path, p] as const))(
    '%s with JavaScript switched off: every chart figure has its SVG and its table',
    async ([, p], { expect }) => {
      const v = await visit(p.path, { javaScriptEnabled: false });
      try {
        const figures = await v.page.$$eval('figure.chart-figure', (figs) =>
          figs.map((fig, i) => {
            const svg = fig.querySelector('svg.chart[role="img"]');
            const box = svg?.getBoundingClientRect();
            const table = fig.querySelector('table');
            const empty = /暂无数据/.test(fig.textContent ?? '');
            return {
              name: fig.id || fig.querySelector('figcaption')?.textContent?.trim().slice(0, 30) || `figure ${i + 1}`,
              svg: Boolean(svg),
              svgLabelled: Boolean(
                svg &&
                (svg.getAttribute('aria-label') || svg.getAttribute('aria-labelledby') || svg.querySelector('title')),
              ),
              svgDrawn: Boolean(
                box && box.width > 0 && box.height > 0 && svg!.querySelector('path, rect, line, circle, text'),
              ),
              table: Boolean(table),
              rows: table?.querySelectorAll('tbody tr').length ?? 0,
              empty,
            };
          }),
        );
        // A story's figures are its charts, key figures and fact boxes (a single number or a list earns no chart).
        if (p.story) {
          const others = await v.page.locator('figure.key-figure, figure.fact-box').count();
          expect(figures.length + others, 'a story page without a figure').toBeGreaterThan(0);
        }
        const incomplete = figures
          .filter((f) => !f.empty && !(f.svg && f.svgLabelled && f.svgDrawn && f.table && f.rows > 0))
          .map((f) => `${f.name}: ${JSON.stringify(f)}`);
        expect(incomplete, 'charts missing their SVG, its label, its marks or a table with rows').toEqual([]);
        expect(v.errors).toEqual([]);
      } finally {
        await v.context.close();
      }
    },
  );
});
