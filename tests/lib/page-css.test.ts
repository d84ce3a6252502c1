// Component styles reach only the pages that show the component (src/lib/page-css.ts). Fictional markup.
import { describe, expect, it } from 'vitest';
import { pageSheets, withPageSheets, type PageSheet } from '../../src/lib/page-css.ts';
import { pageNames } from '../../src/lib/page-names.ts';

const sheets: PageSheet[] = [
  { uses: (page) => page.classes.has('chart') || page.tags.has('chart-frame'), css: '.chart{fill:red}' },
  { uses: (page) => page.classes.has('icon-list'), css: '.icon-list{margin:0}' },
];
const page = (head: string, body: string) => `<html><head>${head}</head><body>${body}</body></html>`;

describe('withPageSheets', () => {
  it("adds a used component's styles to the end of the page's first <style>", () => {
    const html = page(
      '<style>p{}</style>',
      '<figure class="chart-figure"><svg class="chart chart-bar"></svg></figure>',
    );
    expect(withPageSheets(html, sheets)).toBe(
      page(
        '<style>p{}\n.chart{fill:red}</style>',
        '<figure class="chart-figure"><svg class="chart chart-bar"></svg></figure>',
      ),
    );
  });
  it('leaves out the styles of components the page does not show', () => {
    const html = page('<style>p{}</style>', '<p class="charts-note">无图表</p><ul class="icon-list-x"></ul>');
    expect(withPageSheets(html, sheets)).toBe(html);
  });
  it('opens a <style> in <head> when the page has none', () => {
    const html = page('<title>t</title>', '<ul class="icon-list"></ul>');
    expect(withPageSheets(html, sheets)).toBe(
      page('<title>t</title><style>.icon-list{margin:0}</style>', '<ul class="icon-list"></ul>'),
    );
  });

  it('tells the site\'s sheets from the page\'s class and element names, wherever the class stands in class=""', () => {
    const used = (body: string) =>
      pageSheets.filter((sheet) => sheet.uses(pageNames(page('', body)))).map((s) => pageSheets.indexOf(s));
    expect(used('<figure class="chart-figure"></figure>')).toEqual([0]);
    expect(used('<chart-frame></chart-frame>')).toEqual([0]);
    expect(used('<p class="charts-note">无图表</p>')).toEqual([]);
    expect(used('<ul class="lead icon-list"></ul>')).toEqual([1]);
    expect(used('<div class="page search-box"></div>')).toEqual([2]);
    expect(used('<p class="notice">x</p><span class="pid">p01</span>')).toEqual([2, 3]);
  });
});

describe('pageNames', () => {
  it('reads every class of class="" attributes preceded by white space, and every element name, lower-cased', () => {
    const names = pageNames(
      '<HTML><body>\n<p class="a  b"\nclass="c">x</p><svg data-class="no"><G class="a"></G><chart-frame></chart-frame></svg></body></HTML>',
    );
    expect([...names.classes].sort()).toEqual(['a', 'b', 'c']);
    expect([...names.tags].sort()).toEqual(['body', 'chart-frame', 'g', 'html', 'p', 'svg']);
  });
  it('ignores a "<" that opens no element and an attribute left open', () => {
    const names = pageNames('<p>1 < 2, <3</p><p class="open');
    expect([...names.tags]).toEqual(['p']);
    expect([...names.classes]).toEqual([]);
  });
});
