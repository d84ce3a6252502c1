import { describe, expect, it } from 'vitest';
import { growthExponent, gzipSize, median } from '../../scripts/bench/stats.ts';
import { extractStory, floorPage, FLOOR_CSS } from '../../scripts/bench/floor.ts';
import { splitInline, urlFor } from '../../scripts/bench/weight.ts';
import {
  COUNT_ROWS,
  PART_ROWS,
  checkedRows,
  kindsFor,
  syntheticDataset,
  syntheticStory,
} from '../../scripts/bench/synthetic.ts';
import { buildPhases } from '../../scripts/bench/phases.ts';
import { findBlock } from '../../src/data/report.ts';

describe('bench stats', () => {
  it('fits the exponent of a power law', () => {
    expect(growthExponent([1, 10, 100].map((x) => ({ x, y: 3 * x })))).toBeCloseTo(1, 10);
    expect(growthExponent([2, 4, 8, 16].map((x) => ({ x, y: x * x })))).toBeCloseTo(2, 10);
    expect(growthExponent([{ x: 5, y: 1 }])).toBeNaN();
  });
  it('takes medians and gzip sizes', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([null, undefined])).toBeNaN();
    expect(gzipSize('')).toBe(0);
    expect(gzipSize('a'.repeat(10_000))).toBeLessThan(100);
  });
});

describe('floor page', () => {
  const html = `<!DOCTYPE html><html lang="zh-CN"><head><title>标题 | 站</title><style>.x{}</style></head><body>
    <header><nav><p>导航</p><svg class="icon"><path d="M0 0"/></svg></nav></header>
    <main><article><h1>标题</h1><p>第一段 <a href="#">原文</a></p>
      <figure><chart-frame><svg viewBox="0 0 10 10"><text>18</text></svg></chart-frame>
      <table><tr><td>18个</td></tr></table></figure><h2>小&lt;标题</h2><p>a &amp; b</p></article></main>
    <footer><p>页脚</p></footer><script type="module">customElements.define("chart-frame",class{})</script></body></html>`;
  const extract = extractStory(html);

  it('keeps the article text, every SVG and table, in order', () => {
    expect(extract.title).toBe('标题 | 站');
    expect(extract.lang).toBe('zh-CN');
    expect(extract.items.map((i) => i.kind)).toEqual([
      'svg',
      'heading',
      'paragraph',
      'svg',
      'table',
      'heading',
      'paragraph',
    ]);
    expect(extract.items[2]).toEqual({ kind: 'paragraph', text: '第一段 原文' });
    expect(extract.hasChartFrame).toBe(true);
  });

  it('writes a minimal page with ~300 bytes of CSS and the tooltip script', () => {
    const page = floorPage(extract, 'console.log(1)');
    expect(page.startsWith('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport"')).toBe(
      true,
    );
    expect(FLOOR_CSS.length).toBeGreaterThan(250);
    expect(FLOOR_CSS.length).toBeLessThan(350);
    expect(page).toContain('<h2>小&lt;标题</h2>');
    expect(page).toContain('<p>a &amp; b</p>');
    expect(page).toContain('<table>');
    expect(page).toContain('<script type="module">console.log(1)</script>');
    expect(page).not.toContain('页脚');
    expect(floorPage(extract)).not.toContain('<script');
  });
});

describe('page weight helpers', () => {
  it('splits inline CSS and JS from the document, leaving JSON data in HTML', () => {
    const parts = splitInline(
      '<head><style>a{}</style><script>f()</script><script type="application/ld+json">{}</script></head>',
    );
    expect(parts).toEqual({
      html: '<head><style></style><script></script><script type="application/ld+json">{}</script></head>',
      css: 'a{}',
      js: 'f()',
    });
  });
  it('maps files to URLs', () => {
    expect(urlFor('http://h/', 'index.html')).toBe('http://h/');
    expect(urlFor('http://h/', 'stories/a/index.html')).toBe('http://h/stories/a/');
    expect(urlFor('http://h/', '404.html')).toBe('http://h/404.html');
  });
});

describe('synthetic stories', () => {
  it('quote the report word for word', () => {
    const text = (id: string) => findBlock(id)?.block.text;
    expect(checkedRows(COUNT_ROWS, text)).toHaveLength(COUNT_ROWS.length);
    expect(checkedRows(PART_ROWS, text)).toHaveLength(PART_ROWS.length);
  });
  it('have five charts, three drawn with Plot and two with d3, every kind somewhere', () => {
    const all = ['bar', 'column', 'grouped', 'stacked', 'progress', 'waffle', 'timeline', 'target', 'loop'];
    expect(kindsFor(1, all)).toEqual(['bar', 'column', 'grouped', 'waffle', 'timeline']);
    expect(new Set([1, 2, 3].flatMap((i) => kindsFor(i, all)))).toEqual(new Set(all));
    // Without three Plot kinds, the kinds available are drawn in turn.
    expect(kindsFor(2, ['bar', 'column', 'waffle'])).toEqual(['waffle', 'bar', 'column', 'waffle', 'bar']);
    const mdx = syntheticStory(7, [{ id: 'feature-p18', text: '段落' }], kindsFor(7, ['bar']), 1007);
    expect(mdx.match(/<Chart /g)).toHaveLength(5);
    expect(new Set([...mdx.matchAll(/id="(s7-\d)"/g)].map((m) => m[1])).size).toBe(5);
    expect(mdx).toContain('datasets:\n  - bench-s7');
    expect(syntheticStory(7, [{ id: 'feature-p18', text: '段落' }], [], 1)).toContain('datasets: []');
  });
  it('name their report and quote its paragraphs by its ids', () => {
    const report = { id: 'bench-r2', paragraph: (p: string) => `bench-r2-${p}` };
    const mdx = syntheticStory(
      12,
      [{ id: 'feature-p18', text: '段落' }],
      kindsFor(12, ['bar']),
      1012,
      undefined,
      report,
    );
    expect(mdx).toContain('report: bench-r2');
    expect(mdx).toContain('sources:\n  - bench-r2-feature-p18');
    expect(mdx).toContain('<Src p="bench-r2-feature-p18" />');
    const data = syntheticDataset(12, { count: COUNT_ROWS }, report);
    expect(data.report).toBe('bench-r2');
    expect(new Set(data.rows.map((r) => r.source.paragraph))).toEqual(new Set(['bench-r2-feature-p18']));
    expect(syntheticDataset(12, { count: COUNT_ROWS })).not.toHaveProperty('report');
  });
});

describe('build phases', () => {
  it('shares the page-generation clock among routes and reads the build steps', () => {
    const lines = [
      { t: 2, text: '10:00:01 [content] Synced content' },
      { t: 3, text: '10:00:02 [build] Building static entrypoints...' },
      { t: 9, text: ' generating static routes ' },
      { t: 10, text: '10:00:10   ├─ /stories/a/index.html (+900ms)' },
      { t: 12, text: '10:00:12   ├─ /stories/b/index.html (+1.2s)' },
      { t: 12.5, text: '10:00:12   ├─ /embed/a-1/index.html (+3ms)' },
      { t: 13, text: '10:00:13   └─ /og/a.png (+3ms)' },
      { t: 13.5, text: '10:00:13   └─ /index.html (+3ms)' },
      { t: 13.6, text: '[build-step] embed pages 1.25 s' },
      { t: 14, text: '[build-step] search index 2.50 s' },
    ];
    expect(buildPhases(lines)).toEqual({
      'setup and content sync': 2,
      bundling: 6,
      'story pages': 3,
      'embed pages (route)': 0.5,
      'share images (route)': 0.5,
      'embed pages': 1.25,
      'other pages': 0.5,
      'search index': 2.5,
    });
  });
});

describe('build output', () => {
  it('sums per-file render times by route', async () => {
    const { routeTimes, astroBuiltIn } = await import('../../scripts/bench/scale.ts');
    const out =
      '12:00 ├─ /404.html (+15ms) \n12:00 ├─ /embed/s1-1/index.html (+3ms)\n12:00 └─ /embed/s1-2/index.html (+1.5s)\n ├─ /index.html (+2ms)\n[build] 3 page(s) built in 8.63s';
    expect(routeTimes(out)).toEqual({
      '404': { files: 1, ms: 15 },
      embed: { files: 2, ms: 1503 },
      index: { files: 1, ms: 2 },
    });
    expect(astroBuiltIn(out)).toBe(8.63);
  });
});

describe('GNU time report', () => {
  it('reads user plus system CPU seconds', async () => {
    const { cpuSeconds } = await import('../../scripts/bench/scale.ts');
    expect(cpuSeconds('\tUser time (seconds): 61.20\n\tSystem time (seconds): 9.05\n')).toBeCloseTo(70.25, 5);
    expect(cpuSeconds('no report')).toBeNull();
  });
});

describe('repeated builds', () => {
  it('report the median run, so one slow run moves no figure', async () => {
    const { medianRun } = await import('../../scripts/bench/scale.ts');
    const runs = [26.4, 31.9, 25.1].map((wallS, i) => ({ wallS, i }));
    expect(medianRun(runs)).toEqual({ wallS: 26.4, i: 0 });
    expect(medianRun([{ wallS: 9 }, { wallS: 7 }])).toEqual({ wallS: 7 });
    expect(medianRun([{ wallS: 3 }])).toEqual({ wallS: 3 });
  });
});

describe("Astro's build time line", () => {
  it('reads ms, s and minutes', async () => {
    const { astroBuiltIn } = await import('../../scripts/bench/scale.ts');
    expect(astroBuiltIn('[build] 3 page(s) built in 850ms')).toBe(0.85);
    expect(astroBuiltIn('[build] 6041 page(s) built in \x1b[1m5m 12s\x1b[22m')).toBe(312);
    expect(astroBuiltIn('nothing')).toBeNull();
  });
});

describe('floor page source', () => {
  it('is a story page: a page without an <article> is refused', () => {
    expect(() => extractStory('<!doctype html><html><body><main><p>x</p></main></body></html>')).toThrow(/<article>/);
  });
});

describe('synthetic archive', () => {
  it('is many reports of ten stories, each printing only numbers its datasets quote, and passes check:content', async () => {
    const { spawnSync } = await import('node:child_process');
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { projectCopy } = await import('../helpers/build.ts');
    const { chartKindNames, writeSynthetic } = await import('../../scripts/bench/scale.ts');
    const copy = projectCopy();
    try {
      const written = writeSynthetic(copy.dir, 25, await chartKindNames(process.cwd()));
      expect(written).toMatchObject({ reports: 3, charts: 125 });
      const story = readFileSync(join(copy.dir, 'content/stories/bench-s21.mdx'), 'utf8');
      expect(story).toMatch(/^report: bench-r3$/m);
      const meta = JSON.parse(readFileSync(join(copy.dir, 'content/reports/bench-r3/meta.json'), 'utf8'));
      expect(meta.title).toContain('虚构');
      // Each rebuild of a repeated bench run gets its own edit of the same story.
      const { changeOneStory } = await import('../../scripts/bench/scale.ts');
      const titleOf = () =>
        /^title: "(.*)"$/m.exec(readFileSync(join(copy.dir, 'content/stories/bench-s1.mdx'), 'utf8'))![1]!;
      const titles = [titleOf()];
      for (const round of [0, 1]) {
        changeOneStory(copy.dir, round);
        titles.push(titleOf());
      }
      expect(titles.slice(1)).toEqual([`${titles[0]}（修订）`, `${titles[0]}（修订）（修订二）`]);
      const run = spawnSync('node', ['scripts/check-content.ts'], { cwd: copy.dir, encoding: 'utf8' });
      expect(`${run.stdout}${run.stderr}`).toContain('4 reports');
      expect(run.status).toBe(0);
    } finally {
      copy.remove();
    }
  }, 60_000);
});
