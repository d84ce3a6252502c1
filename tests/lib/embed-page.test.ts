// A live chart's embed page and standalone SVG, made from its built story page (src/lib/embed-page.ts). The story
// page and chart below are fiction, written for this test: no report's facts.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { parseHTML } from 'linkedom';
import { chartFiles, type EmbedChart } from '../../src/lib/embed-page.ts';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const script = '<script type="module">customElements.define("chart-frame",class extends HTMLElement{})</script>';
const figure =
  `<figure class="chart-figure" id="chart-fiction-bars" data-chart="fiction-bars" data-kind="bar" data-pagefind-ignore>` +
  `<figcaption><p class="chart-title">虚构的柱状图</p><p class="chart-takeaway">虚构要点</p></figcaption>` +
  `<chart-frame class="chart-frame"><div class="chart-view" data-view="数值">` +
  `<div class="chart-render chart-render--column"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 608 90" class="chart"><rect class="shape"/></svg></div>` +
  `<div class="chart-render chart-render--phone"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 343 90" class="chart"><rect class="shape"/></svg></div>` +
  `</div></chart-frame><div class="chrome"><a href="/charts/fiction-bars.svg" download>SVG</a><a href="/embed/fiction-bars/">单独查看</a></div></figure>`;
const storyPage =
  `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="content-security-policy" ` +
  `content="default-src 'self'; script-src 'self' ${hash('story()')}; style-src-elem 'self' ${hash('story{}')}; style-src-attr 'unsafe-inline';">` +
  `<script>story()</script><style>story{}</style></head><body><article><h1>虚构报道</h1>${figure}${script}</article></body></html>`;
const chart: EmbedChart = {
  id: 'fiction-bars',
  title: '虚构的柱状图',
  takeaway: '虚构要点 <"引号">',
  story: { id: 'fiction-story', title: '虚构报道 & 标题' },
};

describe('chartFiles', () => {
  const { embed, svg } = chartFiles(storyPage, chart);
  const { document } = parseHTML(embed);

  it('makes an embed page titled by the chart, not indexed, with the chart as its one heading', () => {
    expect(document.documentElement.getAttribute('lang')).toBe('zh-CN');
    expect(document.querySelector('title')?.textContent).toBe('虚构的柱状图 | 数说龙城');
    expect(document.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(chart.takeaway);
    expect(document.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(document.querySelector('link[rel="icon"]')?.getAttribute('href')).toBe('/favicon.svg');
    expect([...document.querySelectorAll('h1')].map((h) => h.outerHTML)).toEqual([
      '<h1 class="chart-title">虚构的柱状图</h1>',
    ]);
    expect(document.querySelector('body')?.className).toBe('embed');
  });

  it("holds the story page's figure (all drawings and chrome) but no link to itself, then the chart script", () => {
    expect(document.querySelectorAll('.chart-render svg')).toHaveLength(2);
    expect(document.querySelector('a[download]')?.getAttribute('href')).toBe('/charts/fiction-bars.svg');
    expect(embed).not.toContain('单独查看');
    expect(embed).toContain(`</figure>${script}<p class="meta">`);
  });

  it('leads back to its story and the report in the top window', () => {
    const links = [...document.querySelectorAll('p.meta a')].map((a) => [
      a.getAttribute('href'),
      a.getAttribute('target'),
      a.textContent,
    ]);
    expect(links).toEqual([
      ['/stories/fiction-story/', '_top', '《虚构报道 & 标题》'],
      ['/source/', '_top', '报道原文'],
    ]);
  });

  it('puts its policy first, allowing its own inline script and style and nothing of the story page', () => {
    expect(embed).toMatch(
      /^<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="content-security-policy"/,
    );
    const policy = document.querySelector('meta[http-equiv="content-security-policy"]')!.getAttribute('content')!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(embed)![1]!;
    expect(policy).toContain(
      `script-src 'self' ${hash('customElements.define("chart-frame",class extends HTMLElement{})')}`,
    );
    expect(policy).toContain(`style-src-elem 'self' ${hash(style)}`);
    expect(policy).not.toContain(hash('story()'));
  });

  it('makes the SVG file from the column drawing, with its colours inlined', () => {
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg [^>]*viewBox="0 0 608 90"[^>]*><style>/);
  });

  it('fails naming the story page and chart when the page does not hold the figure or its script', () => {
    expect(() => chartFiles(storyPage, { ...chart, id: 'fiction-other' })).toThrow(
      /stories\/fiction-story\/index.html, chart "fiction-other": no <figure id="chart-fiction-other">/,
    );
    expect(() => chartFiles(storyPage.replace(script, ''), chart)).toThrow(/no chart-frame <script>/);
  });
});
