/**
 * A page's last touch (src/lib/finish-page.ts) edits its <head> alone and reads the rest: the result must be what
 * the steps give applied to the whole page, whatever the body holds. Fictional markup.
 */
import { describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { finishPage } from '../../src/lib/finish-page.ts';
import { ownHashesOnly, policyFirst } from '../../src/lib/csp-first.ts';
import { pageSheets, withPageSheets } from '../../src/lib/page-css.ts';
import { purgeUnusedCss } from '../../src/lib/css-purge.ts';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const policy = `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' ${hash('elsewhere()')}; style-src-elem 'self' ${hash('x{}')}">`;
const page = (body: string) =>
  `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>虚构</title><style>.lead{color:red}.gone{color:blue}figure{margin:0}</style>${policy}</head>` +
  `<body><p class="lead">虚构的正文</p>${body}</body></html>`;
const chart =
  '<figure class="chart-figure" id="chart-x"><svg class="chart chart-bar"><g class="mark"><text>1</text></g></svg></figure>' +
  '<script type="module">frame()</script><style>.inline{}</style>';
const whole = (html: string, prod: boolean) => {
  const sheeted = withPageSheets(policyFirst(html), pageSheets);
  return ownHashesOnly(prod ? purgeUnusedCss(sheeted) : sheeted);
};

describe('finishPage', () => {
  it('gives what the steps give on the whole page, with the body’s inline code in the policy', () => {
    for (const body of ['', chart, `<ul class="icon-list"></ul>${chart}`]) {
      expect(finishPage(page(body))).toBe(whole(page(body), false));
    }
    const out = finishPage(page(chart));
    expect(out.indexOf('content-security-policy')).toBeLessThan(out.indexOf('<title>'));
    expect(out).toContain(hash('frame()'));
    expect(out).toContain(hash('.inline{}'));
    expect(out).not.toContain(hash('elsewhere()'));
  });
  it('trims unused rules in a build, the same as on the whole page', () => {
    vi.stubEnv('PROD', true);
    try {
      const out = finishPage(page(chart));
      expect(out).toBe(whole(page(chart), true));
      expect(out).not.toContain('.gone');
    } finally {
      vi.unstubAllEnvs();
    }
  });
  it('finishes a page without a </head> as a whole', () => {
    const headless = `<p class="lead">x</p>${policy}<script>a()</script>`;
    expect(finishPage(headless)).toBe(whole(headless, false));
  });
});
