// Reading a chart's figure out of a built story page (src/lib/chart-figure.ts), which the build's embed pages and
// standalone SVGs are made from. The page below is fiction, written for this test: no report's facts.
import { describe, expect, it } from 'vitest';
import { chartFigure, chartScript, columnSvg, elementEnd, embeddedFigure } from '../../src/lib/chart-figure.ts';

const svg = (width: number, id: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} 100" class="chart"><title id="${id}-w${width}-title">虚构图</title>` +
  `<g class="mark"><svg viewBox="0 0 1 1"><rect/></svg></g></svg>`;
const figure = (id: string, extra = '') =>
  `<figure class="chart-figure${extra}" id="chart-${id}" data-chart="${id}" data-kind="bar" data-pagefind-ignore>` +
  `<figcaption><p class="chart-title">虚构图 ${id}</p><p class="chart-takeaway">虚构的要点</p></figcaption>` +
  `<chart-frame class="chart-frame"><div class="chart-view" data-view="数值">` +
  `<div class="chart-render chart-render--column">${svg(608, id)}</div>` +
  `<div class="chart-render chart-render--phone">${svg(343, id)}</div></div>` +
  `<div class="chart-view" data-view="占比" hidden><div class="chart-render chart-render--column">${svg(608, `${id}-share`)}</div></div>` +
  `</chart-frame><div class="chrome"><figure class="inner"><figcaption>内嵌</figcaption></figure>` +
  `<a href="/sub/charts/${id}.svg" download>SVG</a><a href="/sub/embed/${id}/">单独查看</a></div></figure>`;
const script = '<script type="module">customElements.define("chart-frame",class extends HTMLElement{})</script>';
const page =
  `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"></head><body><main><figure class="photo"><img alt=""></figure>` +
  `<p>正文</p>${figure('alpha')}${script}<p>正文</p>${figure('beta', ' chart-breakout')}<p>完</p></main></body></html>`;

describe('elementEnd', () => {
  it('finds the matching close tag past nested elements of the same tag', () => {
    const html = '<div><figure a><figure b></figure><figure c></figure></figure><figure d></figure></div>';
    const start = html.indexOf('<figure a');
    expect(html.slice(start, elementEnd(html, start, 'figure'))).toBe(
      '<figure a><figure b></figure><figure c></figure></figure>',
    );
  });
  it('does not take a longer tag name for the tag (<svg> is not <svgx>, <p> is not <picture>)', () => {
    const html = '<p>a<picture></picture>b</p>';
    expect(elementEnd(html, 0, 'p')).toBe(html.length);
  });
  it('fails on an element that is never closed', () => {
    expect(() => elementEnd('<figure><figure></figure>', 0, 'figure')).toThrow(/no closing <\/figure>/);
  });
});

describe('chartFigure', () => {
  it('returns the whole figure of the chart asked for, nested figures included, and no other', () => {
    expect(chartFigure(page, 'alpha')).toBe(figure('alpha'));
    expect(chartFigure(page, 'beta')).toBe(figure('beta', ' chart-breakout'));
  });
  it('returns undefined for a chart the page does not show, even one whose id starts the same', () => {
    expect(chartFigure(page, 'gamma')).toBeUndefined();
    expect(chartFigure(page, 'alph')).toBeUndefined();
  });
});

describe('chartScript', () => {
  it('returns the script right after the first chart figure', () => {
    expect(chartScript(page)).toBe(script);
  });
  it('returns undefined when no script follows the first chart figure, or there is no chart', () => {
    expect(chartScript(page.replace(script, ''))).toBeUndefined();
    expect(chartScript('<html><body><figure class="photo"></figure><script>1</script></body></html>')).toBeUndefined();
  });
});

describe('columnSvg', () => {
  it("returns the first view's column drawing, whole, with nested <svg> elements", () => {
    expect(columnSvg(figure('alpha'))).toBe(svg(608, 'alpha'));
  });
  it('returns undefined for a figure without a column drawing', () => {
    expect(
      columnSvg(
        '<figure class="chart-figure"><div class="chart-render chart-render--phone"><svg></svg></div></figure>',
      ),
    ).toBeUndefined();
  });
});

describe('embeddedFigure', () => {
  const own = '<a href="/sub/embed/alpha/">单独查看</a>';
  it('makes the title the heading and drops the link to the embed page itself, changing nothing else', () => {
    const out = embeddedFigure(figure('alpha'), own);
    expect(out).toBe(
      figure('alpha')
        .replace('<p class="chart-title">虚构图 alpha</p>', '<h1 class="chart-title">虚构图 alpha</h1>')
        .replace(own, ''),
    );
    expect(out).toContain('<a href="/sub/charts/alpha.svg" download>SVG</a>');
  });
  it('keeps "$" in a title as written', () => {
    const odd = figure('alpha').replace('虚构图 alpha', () => "$& $' 价格");
    expect(embeddedFigure(odd, own)).toContain(`<h1 class="chart-title">$& $' 价格</h1>`);
  });
  it('fails when the figure has no title paragraph or no link to its embed page', () => {
    expect(() => embeddedFigure(figure('alpha').replace('<p class="chart-title">', '<p>'), own)).toThrow(/chart-title/);
    expect(() => embeddedFigure(figure('alpha'), '<a href="/embed/alpha/">单独查看</a>')).toThrow(/no <a href/);
  });
});
