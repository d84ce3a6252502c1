// Page-level quality gates, run on every page of the built dist/ in headless Chromium:
// no console errors, no Content-Security-Policy violations, no request to any host but the test server,
// no horizontal overflow at 375 px and 1280 px, and every chart complete (SVG + table) with JavaScript off.
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useSite } from '../helpers/site.ts';
import { builtPages } from '../helpers/pages.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const pages = builtPages('dist');
// Story pages, plus any other page that carries a chart (embeds, the data pages).
const chartPages = pages.filter((p) => p.story || readFileSync(join('dist', p.file), 'utf8').includes('chart-figure'));
const widths = [375, 1280];

const site = useSite();

interface Visit {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Requests to any host other than the test server (all aborted). */
  foreign: string[];
  /** Requests answered with 4xx/5xx (except the page under test when it is the 404 page). */
  failed: string[];
}

/** Opens a page with every request intercepted; anything not on 127.0.0.1 is recorded and aborted. */
async function visit(
  path: string,
  options: { javaScriptEnabled?: boolean; width?: number; idle?: boolean; bypassCSP?: boolean } = {},
): Promise<Visit> {
  const context = await site.browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    bypassCSP: options.bypassCSP ?? false,
    viewport: { width: options.width ?? 1280, height: 900 },
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
  // Give late scripts (deferred modules, idle callbacks) a moment to run and complain.
  if (options.idle !== false) await page.waitForLoadState('networkidle');
  return { page, context, errors, foreign, failed };
}

async function overflow(page: Page) {
  return page.evaluate(() => {
    const doc = document.scrollingElement ?? document.documentElement;
    const width = window.innerWidth;
    // Name the widest offenders so a failure says where to look.
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

// Pages are independent, so they are visited a few at a time (Vitest's maxConcurrency).
describe.concurrent('every built page', () => {
  it('was found in dist/', ({ expect }) => {
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.map((p) => p.path)).toContain('');
  });

  it.for(pages.map((p) => [p.path || '/', p] as const))(
    '%s loads with no console error, no CSP violation, no failed or third-party request',
    async ([, p], { expect }) => {
      const v = await visit(p.path);
      try {
        const csp = await v.page.getAttribute('meta[http-equiv="content-security-policy"]', 'content');
        expect(csp, 'the page carries a Content-Security-Policy <meta>').toMatch(/script-src [^;]*'self'/);
        expect(csp).toMatch(/default-src 'self'/);
        const problems = [...v.foreign.map((u) => `third-party request: ${u}`), ...v.failed, ...v.errors];
        expect(problems, 'third-party requests, failed requests, console errors and CSP violations').toEqual([]);
      } finally {
        await v.context.close();
      }
    },
  );

  it.for(pages.map((p) => [p.path || '/', p] as const))(
    '%s does not overflow horizontally at 375 px or 1280 px (nor request another host without its CSP)',
    async ([, p], { expect }) => {
      const problems: string[] = [];
      // Without the page's CSP here, so a third-party reference is requested (and caught) even if a host drops the
      // <meta>: the policy and the request interception are two separate gates.
      const v = await visit(p.path, { width: widths[0], idle: false, bypassCSP: true });
      try {
        problems.push(...v.foreign.map((u) => `third-party request (CSP bypassed): ${u}`));
        for (const width of widths) {
          await v.page.setViewportSize({ width, height: 900 });
          const o = await overflow(v.page);
          if (o.scrollWidth > o.innerWidth) {
            problems.push(
              `at ${width} px: scrollWidth ${o.scrollWidth} > innerWidth ${o.innerWidth}; widest: ${o.wide.join(', ') || '?'}`,
            );
          }
        }
      } finally {
        await v.context.close();
      }
      expect(problems).toEqual([]);
    },
  );
});

describe('charts with JavaScript switched off', () => {
  it.each(chartPages.map((p) => [p.path, p] as const))(
    '%s: every chart figure has its SVG and its table',
    async (_, p) => {
      const v = await visit(p.path, { javaScriptEnabled: false, idle: false });
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
