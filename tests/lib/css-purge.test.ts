// Unused CSS is dropped from each built page (src/lib/css-purge.ts). Fictional markup and rules.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_CLASSES, CLIENT_TAGS, purgeUnusedCss, sharedNames } from '../../src/lib/css-purge.ts';

const page = (css: string, body: string) => `<html><head><style>${css}</style></head><body>${body}</body></html>`;
const styleOf = (html: string) => /<style>([\s\S]*)<\/style>/.exec(html)?.[1];

describe('purgeUnusedCss', () => {
  it('keeps the rules that can match the page and drops those for markup it does not have', () => {
    const css =
      'body{margin:0}.masthead nav a{color:red}.home-lead{font-size:2em}.a,.search-box{margin:1em}' +
      '@media (width>=40rem){.home-lead{display:grid}.masthead{padding:0}}@media print{.gone{display:none}}';
    const out = styleOf(
      purgeUnusedCss(page(css, '<header class="masthead"><nav><a>首页</a></nav></header><p class="a">x</p>')),
    );
    expect(out).toBe(
      'body{margin:0}.masthead nav a{color:red}.a{margin:1em}@media (width>=40rem){.masthead{padding:0}}',
    );
  });
  it('keeps classes the browser scripts add, classes under :not(), :has() selectors and other at-rules', () => {
    const css =
      '.chart-frame.has-on .mark:not(.on){opacity:.45}.fig:not(.breakout) .phone{display:none}' +
      '.x:has(.y){color:red}@page{margin:1cm}@keyframes spin{to{rotate:1turn}}';
    const html = page(
      css,
      '<div class="chart-frame"><g class="mark"></g></div><div class="fig"><i class="phone"></i></div>',
    );
    expect(styleOf(purgeUnusedCss(html))).toBe(css);
  });
  it('keeps only the selectors of a list that can match, and drops selectors for elements the page lacks', () => {
    const css =
      'h1,h2,h3{font-family:serif}.site-footer a,.home-more a,.share-links a{display:flex}code,pre{font:monospace}' +
      'table{width:100%}.facts dd a:hover .n{text-decoration:underline}@media print{.skip,.toc,noscript{display:none}}';
    const html = page(
      css,
      '<a class="skip">跳</a><h1>题</h1><footer class="site-footer"><a>订阅</a></footer>' +
        '<dl class="facts"><dd><a><span class="n">1</span></a></dd></dl>',
    );
    expect(styleOf(purgeUnusedCss(html))).toBe(
      'h1{font-family:serif}.site-footer a{display:flex}.facts dd a:hover .n{text-decoration:underline}' +
        '@media print{.skip{display:none}}',
    );
  });
  it('purges one sheet separately for pages with the same classes but other elements', () => {
    const css = '.x code{color:red}.x pre{color:blue}';
    expect(styleOf(purgeUnusedCss(page(css, '<p class="x"><code>a</code></p>')))).toBe('.x code{color:red}');
    expect(styleOf(purgeUnusedCss(page(css, '<div class="x"><pre>b</pre></div>')))).toBe('.x pre{color:blue}');
  });
  it('purges two sheets apart for pages that use the same of their names, and the same sheet alike on every page', () => {
    const one = '.x{color:red}.y{color:blue}';
    const two = '.x{color:green}.y{color:black}';
    expect(styleOf(purgeUnusedCss(page(one, '<p class="x">a</p>')))).toBe('.x{color:red}');
    expect(styleOf(purgeUnusedCss(page(two, '<p class="x">a</p>')))).toBe('.x{color:green}');
    // The same classes again, written in another order and repeated: the same purged sheet.
    expect(styleOf(purgeUnusedCss(page(one, '<p class="x  z">a</p><i class="x">b</i>')))).toBe('.x{color:red}');
  });
  it('keeps element selectors on a page whose markup a script builds (the search page)', () => {
    const css = 'h3{margin:0}mark{color:red}';
    expect(styleOf(purgeUnusedCss(page(css, '<div class="search-box"></div>')))).toBe(css);
  });
  it('knows every element that src/client creates at run time', () => {
    const made = new Set<string>();
    for (const file of readdirSync('src/client')) {
      const code = readFileSync(join('src/client', file), 'utf8');
      for (const m of code.matchAll(/createElement\(\s*['"`]([\w-]+)['"`]/g)) made.add(m[1]!);
      if (/innerHTML|insertAdjacentHTML/.test(code)) made.add('innerHTML');
    }
    expect(made.size).toBeGreaterThan(0);
    expect([...made].filter((t) => !CLIENT_TAGS.includes(t))).toEqual([]);
  });
  it('knows every class that src/client adds at run time', () => {
    const dir = 'src/client';
    const added = new Set<string>();
    for (const file of readdirSync(dir)) {
      const code = readFileSync(join(dir, file), 'utf8');
      for (const m of code.matchAll(/className\s*=\s*['"`]([^'"`]+)['"`]/g))
        for (const c of m[1]!.split(/\s+/)) added.add(c);
      for (const m of code.matchAll(/classList\.(?:add|toggle|replace)\(\s*['"`]([^'"`]+)['"`]/g)) added.add(m[1]!);
    }
    expect(added.size).toBeGreaterThan(0);
    expect([...added].filter((c) => !CLIENT_CLASSES.includes(c))).toEqual([]);
  });
});

describe('sharedNames', () => {
  it('lists the names two sets share, sorted, whichever set is larger', () => {
    const sheet = new Set(['nav', 'a', 'table', 'svg', 'g']);
    const page = new Set(['g', 'svg', 'p']);
    expect(sharedNames(sheet, page)).toBe('g svg');
    expect(sharedNames(page, sheet)).toBe('g svg');
    expect(sharedNames(new Set(), sheet)).toBe('');
  });
});
