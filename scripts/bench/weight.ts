/**
 * Page weight: loads each page in Chromium (JS on) from the local server, records every request it makes until
 * the network is idle, and splits the bytes into HTML, CSS, JS and other, raw and gzip -9. Inline <style> counts
 * as CSS and inline <script> as JS, so a site that inlines everything is not flattered.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Browser } from 'playwright-core';
import { byteLength, gzipSize } from './stats.ts';

export interface Bytes {
  raw: number;
  gzip: number;
}

export interface RequestRecord {
  url: string;
  type: string;
  status: number;
  raw: number;
  gzip: number;
}

export interface PageWeight {
  /** Path under dist/, e.g. "stories/feature/index.html". */
  file: string;
  url: string;
  html: Bytes;
  css: Bytes;
  js: Bytes;
  other: Bytes;
  /** What goes over the wire if each response is gzipped: gzip(document) + gzip of each subresource. */
  total: Bytes;
  /** Requests made to render the page, the document included (until the network is idle). */
  requests: number;
  failed: number;
  requestList: RequestRecord[];
}

/** Every .html file under dir, as paths relative to it with "/" separators, sorted. */
export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.html')) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The URL a file is served at: "stories/x/index.html" -> "<root>stories/x/". */
export function urlFor(root: string, file: string): string {
  return root + file.replace(/(^|\/)index\.html$/, '$1');
}

/** Splits an HTML document into its inline CSS, inline JS and the rest (data scripts such as JSON stay in HTML). */
export function splitInline(html: string): { html: string; css: string; js: string } {
  let css = '';
  let js = '';
  const rest = html
    .replace(/(<style\b[^>]*>)([\s\S]*?)(<\/style>)/gi, (_m, open: string, body: string, close: string) => {
      css += body;
      return open + close;
    })
    .replace(
      /(<script\b([^>]*)>)([\s\S]*?)(<\/script>)/gi,
      (m, open: string, attrs: string, body: string, close: string) => {
        if (/type\s*=\s*["']?application\/(ld\+)?json/i.test(attrs)) return m;
        js += body;
        return open + close;
      },
    );
  return { html: rest, css, js };
}

const add = (a: Bytes, raw: number, gzip: number) => {
  a.raw += raw;
  a.gzip += gzip;
};

/** Loads one URL in a fresh context (cold cache) and measures it. */
export async function measurePage(browser: Browser, url: string, file: string): Promise<PageWeight> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const responses: import('playwright-core').Response[] = [];
  let failed = 0;
  page.on('response', (r) => responses.push(r));
  page.on('requestfailed', () => failed++);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle').catch(() => {});
  const result: PageWeight = {
    file,
    url,
    html: { raw: 0, gzip: 0 },
    css: { raw: 0, gzip: 0 },
    js: { raw: 0, gzip: 0 },
    other: { raw: 0, gzip: 0 },
    total: { raw: 0, gzip: 0 },
    requests: 0,
    failed,
    requestList: [],
  };
  for (const response of responses) {
    const request = response.request();
    if (request.url().startsWith('data:')) continue;
    const type = request.resourceType();
    const body = await response.body().catch(() => Buffer.alloc(0));
    const gz = gzipSize(body);
    result.requestList.push({ url: request.url(), type, status: response.status(), raw: body.length, gzip: gz });
    add(result.total, body.length, gz);
    if (type === 'document' && request.frame() === page.mainFrame() && request.url() === url) {
      const parts = splitInline(body.toString('utf8'));
      add(result.html, byteLength(parts.html), gzipSize(parts.html));
      if (parts.css) add(result.css, byteLength(parts.css), gzipSize(parts.css));
      if (parts.js) add(result.js, byteLength(parts.js), gzipSize(parts.js));
    } else if (type === 'document') add(result.html, body.length, gz);
    else if (type === 'stylesheet') add(result.css, body.length, gz);
    else if (type === 'script') add(result.js, body.length, gz);
    else add(result.other, body.length, gz);
  }
  result.requests = result.requestList.length + failed;
  await context.close();
  return result;
}
