// Component styles reach only the pages that show the component (src/lib/page-css.ts). Fictional markup.
import { describe, expect, it } from 'vitest';
import { withPageSheets } from '../../src/lib/page-css.ts';

const sheets = [
  { uses: /class="chart[\s"-]/, css: '.chart{fill:red}' },
  { uses: /class="icon-list[\s"]/, css: '.icon-list{margin:0}' },
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
});
