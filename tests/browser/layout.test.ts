// The story page as a reader sees it on a phone (390 px) and a desktop (1280 px): a centred text column, chart text
// at one size in CSS pixels at both widths and never larger than the body text, one line of chrome under each
// chart whose one control opens the table, the downloads and the embed code, and nothing wider than the window.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from '../helpers/site.ts';
import { builtPages } from '../helpers/pages.ts';

const stories = builtPages('dist').filter((p) => p.story);
const widths = [390, 1280] as const;

const site = useSite();

async function open(path: string, width: number, javaScriptEnabled = true): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(`${site.url}${path}`);
  return page;
}

interface Measures {
  bodyFont: number;
  column: { left: number; right: number; width: number };
  viewport: number;
  overflow: number;
  /** Per chart: the size of its label text as drawn, in CSS px (font size × the drawing's scale). */
  chartText: Record<string, number>;
  /** Per chart, key figure and fact box: the chrome's height and its line height, and what it holds. */
  chrome: Record<string, { height: number; line: number; controls: number; sourceLinks: number }>;
}

function measure(page: Page): Promise<Measures> {
  return page.evaluate(() => {
    const body = document.querySelector('.prose.body')!;
    const box = body.getBoundingClientRect();
    const chartText: Record<string, number> = {};
    const chrome: Measures['chrome'] = {};
    const figures = document.querySelectorAll<HTMLElement>('figure.chart-figure, figure.key-figure, figure.fact-box');
    figures.forEach((fig, i) => {
      const name = fig.id || `${fig.className} ${i + 1}`;
      const svg = [...fig.querySelectorAll<SVGSVGElement>('.chart-view:not([hidden]) svg')].find(
        (s) => s.getBoundingClientRect().width > 0,
      );
      const label = svg?.querySelector<SVGTextElement>('text.label, .label text') ?? svg?.querySelector('text');
      if (svg && label) {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        chartText[name] = Math.round(parseFloat(getComputedStyle(label).fontSize) * scale * 100) / 100;
      }
      const c = fig.querySelector<HTMLElement>('.chrome')!;
      chrome[name] = {
        height: c.getBoundingClientRect().height,
        line: parseFloat(getComputedStyle(c).lineHeight),
        controls: c.querySelectorAll('summary, button').length,
        sourceLinks: c.querySelectorAll('.chrome-source a').length,
      };
    });
    return {
      bodyFont: parseFloat(getComputedStyle(body.querySelector('p')!).fontSize),
      column: { left: box.left, right: box.right, width: box.width },
      viewport: document.documentElement.clientWidth,
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      chartText,
      chrome,
    };
  });
}

describe.each(stories.map((s) => [s.path] as const))('%s', (path) => {
  const seen = new Map<number, Measures>();

  it.each(widths.map((w) => [w] as const))('at %i px: centred column, no overflow, one line of chrome', async (w) => {
    const page = await open(path, w);
    const m = await measure(page);
    seen.set(w, m);
    await page.context().close();

    expect(m.overflow, 'page wider than the window').toBeLessThanOrEqual(0);
    // Centred: the space left of the text column equals the space right of it.
    expect(Math.abs(m.column.left - (m.viewport - m.column.right))).toBeLessThanOrEqual(1);
    if (w >= 1280) expect(m.column.width).toBeGreaterThan(500);
    for (const [id, c] of Object.entries(m.chrome)) {
      expect(c.height, `${id}: chrome taller than one line`).toBeLessThanOrEqual(c.line * 1.2);
      expect(c.controls, `${id}: one control`).toBe(1);
      expect(c.sourceLinks, `${id}: source paragraph(s) and dataset`).toBeGreaterThanOrEqual(2);
    }
    for (const [id, size] of Object.entries(m.chartText)) {
      expect(size, `${id}: chart text larger than body text`).toBeLessThanOrEqual(m.bodyFont);
      expect(size, `${id}: chart text smaller than 12 px`).toBeGreaterThanOrEqual(12);
    }
  });

  it('draws chart text at the same size on the phone and the desktop', () => {
    const phone = seen.get(390)!;
    const desktop = seen.get(1280)!;
    expect(phone && desktop, 'both widths measured').toBeTruthy();
    expect(Object.keys(desktop.chartText).sort()).toEqual(Object.keys(phone.chartText).sort());
    for (const [id, size] of Object.entries(desktop.chartText)) expect(phone.chartText[id], id).toBe(size);
  });
});

describe('the chart control', () => {
  it('opens the data table, the downloads and the embed code, without JavaScript', async () => {
    const page = await open('stories/feature/', 390, false);
    const figure = page.locator('figure.chart-figure').first();
    const panel = figure.locator('.chrome-panel');
    expect(await panel.isVisible()).toBe(false);
    await figure.locator('summary', { hasText: '数据与下载' }).click();
    expect(await panel.locator('table tbody tr').count()).toBeGreaterThan(0);
    expect(await panel.locator('a[download]').allTextContents()).toEqual(['CSV', 'JSON', 'SVG']);
    expect(await panel.locator('pre code').textContent()).toMatch(/^<iframe src="[^"]*embed\/[a-z0-9-]+\/"/);
    await page.context().close();
  });

  it('gives the embed page its embed code too', async () => {
    const page = await open('stories/feature/', 1280);
    const embed = await page.locator('figure.chart-figure a', { hasText: '单独查看' }).first().getAttribute('href');
    await page.goto(new URL(embed!, page.url()).href);
    const code = await page.locator('.chrome-embed pre code').textContent();
    expect(code).toContain(new URL(page.url()).pathname);
    await page.context().close();
  });
});

// Every width a reader's window may have, not only 390 and 1280: the edges of the layout's steps (40 rem = 640 px,
// 52 rem = 832 px) and the widths between them, where a breakout figure once showed its 343 px phone drawing.
const sweep = [320, 375, 480, 639, 640, 700, 800, 831, 832, 1024, 1280, 1600] as const;
/** 13 px text drawn for a 343 px column, shown in the 288 px column of a 320 px screen, is 10.9 px. */
const SMALLEST_TEXT = 10.8;
const chartStories = builtPages('dist')
  .filter((p) => p.story)
  .filter((p) => readFileSync(`dist/${p.file}`, 'utf8').includes('class="chart-figure'));

interface Drawing {
  chart: string;
  /** How many drawings of the chart's current view are on screen (one). */
  shown: number;
  breakout: boolean;
  width: number;
  left: number;
  right: number;
  /** The chart's base text size as drawn: the SVG's font size × the drawing's scale, in CSS px. */
  text: number;
}

function drawings(page: Page) {
  return page.evaluate(() => {
    const out: Drawing[] = [];
    for (const fig of document.querySelectorAll<HTMLElement>('figure.chart-figure')) {
      const view = fig.querySelector<HTMLElement>('.chart-view:not([hidden])')!;
      const shown = [...view.querySelectorAll<SVGSVGElement>('.chart-render > svg')].filter(
        (s) => s.getBoundingClientRect().width > 0,
      );
      const svg = shown[0]!;
      const box = svg.getBoundingClientRect();
      const scale = box.width / svg.viewBox.baseVal.width;
      out.push({
        chart: fig.dataset.chart ?? fig.id,
        shown: shown.length,
        breakout: fig.classList.contains('chart-breakout'),
        width: box.width,
        left: box.left,
        right: box.right,
        text: Math.round(parseFloat(getComputedStyle(svg).fontSize) * scale * 100) / 100,
      });
    }
    const p = document.querySelector('.prose.body p')!;
    return {
      out,
      column: p.getBoundingClientRect().width,
      bodyFont: parseFloat(getComputedStyle(p).fontSize),
      viewport: document.documentElement.clientWidth,
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
}

describe.each(chartStories.map((s) => [s.path] as const))('%s from 320 to 1600 px', (path) => {
  it('shows the drawing made for the width available, its text readable and no larger than body text', async () => {
    const page = await open(path, sweep[0]);
    const problems: string[] = [];
    for (const w of sweep) {
      await page.setViewportSize({ width: w, height: 900 });
      const m = await drawings(page);
      if (m.overflow > 0) problems.push(`${w} px: page ${m.overflow} px wider than the window`);
      for (const d of m.out) {
        const at = `${w} px, ${d.chart}`;
        if (d.shown !== 1) problems.push(`${at}: ${d.shown} drawings shown`);
        if (d.left < 0 || d.right > m.viewport) problems.push(`${at}: drawing outside the window`);
        if (d.text < SMALLEST_TEXT) problems.push(`${at}: chart text ${d.text} px`);
        if (d.text > Math.min(14, m.bodyFont)) problems.push(`${at}: chart text ${d.text} px, body ${m.bodyFont} px`);
        // From 40 rem up the text column is wider than a phone drawing: a chart spans it (a breakout figure more).
        if (w >= 640 && d.width < m.column - 1)
          problems.push(`${at}: ${d.width} px drawing in a ${m.column} px column`);
      }
    }
    await page.context().close();
    expect(problems).toEqual([]);
  });
});
