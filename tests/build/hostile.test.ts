// Hostile and broken input (tests/fixtures/hostile/): each case is laid over one project copy, built with the
// production command, checked, and removed again. Broken input must stop the build naming the file and the field;
// markup in titles and labels must come out as text; an empty dataset says 暂无数据; 10,000 rows stay usable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DOMParser } from 'linkedom';
import { projectCopy, siteBuild } from '../helpers/build.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { serveDist, type StaticServer } from '../helpers/server.ts';

const fixtures = resolve('tests/fixtures/hostile');
// The dataset format and the <Chart> component are being written now; their cases run once both exist.
const hasDatasets = existsSync('src/data/dataset-schema.ts');
// "Available" means the component exists and the story page passes it to the MDX articles.
const storyPage = 'src/pages/stories/[id].astro';
const hasCharts =
  existsSync('src/components/Chart.astro') &&
  existsSync(storyPage) &&
  /components=\{\{[^}]*\bChart\b/.test(readFileSync(storyPage, 'utf8'));

let copy: ReturnType<typeof projectCopy>;
let out: string;
let browser: Browser | undefined;

beforeAll(() => {
  copy = projectCopy();
  out = join(copy.dir, 'out');
});
afterAll(async () => {
  await browser?.close();
  copy?.remove();
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : [p];
  });
}

/** Lays a case's files (plus generated ones) over the copy; returns a function that puts the copy back. */
function overlay(name: string, generated: Record<string, string> = {}): () => void {
  const files: Record<string, string> = { ...generated };
  for (const file of filesUnder(join(fixtures, name))) {
    files[relative(join(fixtures, name), file).split(sep).join('/')] = readFileSync(file, 'utf8');
  }
  const originals = new Map<string, string | undefined>();
  for (const [rel, text] of Object.entries(files)) {
    const target = join(copy.dir, rel);
    originals.set(target, existsSync(target) ? readFileSync(target, 'utf8') : undefined);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return () => {
    for (const [target, text] of originals) {
      if (text === undefined) rmSync(target, { force: true });
      else writeFileSync(target, text);
    }
  };
}

/** Builds the copy with one case laid over it (into `out`); the copy is restored before returning. */
function buildCase(name: string, generated?: Record<string, string>) {
  const restore = overlay(name, generated);
  try {
    const run = siteBuild({ OUT_DIR: out }, copy.dir);
    // eslint-disable-next-line no-control-regex
    return { ...run, output: run.output.replace(/\u001b\[[0-9;]*m/g, '') };
  } finally {
    restore();
  }
}

/**
 * Expects the build to have failed, mentioning each item: a pattern anywhere in the output, or a list of patterns
 * that must all occur on one line (the file, the field and the bad value in one message).
 */
function expectFailure(run: ReturnType<typeof buildCase>, mentions: (RegExp | RegExp[])[]) {
  const tail = run.output.slice(-4000);
  expect(run.status, `the build should have failed:\n${tail}`).not.toBe(0);
  const lines = run.output.split('\n');
  for (const item of mentions) {
    const patterns = Array.isArray(item) ? item : [item];
    const found = Array.isArray(item) ? lines.some((l) => patterns.every((p) => p.test(l))) : item.test(run.output);
    expect(
      found,
      `the failure should mention ${patterns.join(' and ')}${Array.isArray(item) ? ' on one line' : ''}:\n${tail}`,
    ).toBe(true);
  }
  expect(existsSync(join(out, 'index.html')), 'a failed build leaves no site behind').toBe(false);
}

function expectSuccess(run: ReturnType<typeof buildCase>) {
  expect(run.status, run.output.slice(-4000)).toBe(0);
}

/**
 * Elements the fixtures' payloads would create if they were not escaped: a script that alerts, an event-handler
 * attribute, an <img src=x>, a <b>. Each markup file of the built site is parsed (the text `<img …>` inside a
 * quoted attribute value, such as <meta content="…">, is harmless text and is not reported).
 */
function injections(dir: string): string[] {
  return filesUnder(dir)
    .filter((f) => ['.html', '.svg', '.xml'].includes(extname(f)))
    .flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      const type = f.endsWith('.html') ? 'text/html' : 'image/svg+xml';
      const doc = new DOMParser().parseFromString(text, type) as unknown as Document;
      const found: string[] = [];
      for (const el of [...doc.querySelectorAll('*')]) {
        const tag = el.tagName.toLowerCase();
        if (tag === 'script' && /alert\(1\)/.test(el.textContent ?? '')) found.push('<script>alert(1)');
        if (tag === 'img' && el.getAttribute('src') === 'x') found.push('<img src=x>');
        if (tag === 'b' && /组|引题/.test(el.textContent ?? '')) found.push(`<b>${el.textContent}</b>`);
        for (const attr of [...el.attributes])
          if (/^on/i.test(attr.name)) found.push(`<${tag} ${attr.name}="${attr.value}">`);
      }
      return found.map((what) => `${relative(dir, f)}: ${what}`);
    });
}

/** Serves `out` and opens `path`; records alerts (an executed payload), console errors and uncaught errors. */
async function open(
  path: string,
  width = 1280,
): Promise<{ page: Page; alerts: string[]; errors: string[]; server: StaticServer; close(): Promise<void> }> {
  browser ??= await launchBrowser();
  const server = await serveDist(out, '/');
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const alerts: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    alerts.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url + path, { waitUntil: 'load' });
  return {
    page,
    alerts,
    errors,
    server,
    close: async () => {
      await context.close();
      await server.close();
    },
  };
}

describe('the injection finder', () => {
  it('reports raw payloads and ignores the same text inside an attribute value (it can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shushuo-inject-'));
    try {
      writeFileSync(
        join(dir, 'index.html'),
        '<!doctype html><meta name="description" content="<img src=x onerror=alert(1)>"><h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>' +
          '<p><script>alert(1)</script><img src=x onerror=alert(1)></p>',
      );
      expect(injections(dir).sort()).toEqual([
        'index.html: <img onerror="alert(1)">',
        'index.html: <img src=x>',
        'index.html: <script>alert(1)',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('broken stories stop the build', () => {
  it('invalid frontmatter names the file and the field', () => {
    expectFailure(buildCase('bad-frontmatter'), [/hostile-bad-frontmatter/, /^\s*kind: /m]);
  }, 120_000);

  it('malformed MDX names the file', () => {
    expectFailure(buildCase('malformed-mdx'), [/hostile-malformed-mdx\.mdx:\d+/]);
  }, 120_000);
});

describe('markup in a story title, kicker and summary', () => {
  it('is shown as text everywhere and never runs', async () => {
    expectSuccess(buildCase('html-in-title'));
    expect(injections(out)).toEqual([]);
    const title = '<script>alert(1)</script>标题<img src=x onerror=alert(1)>';
    for (const path of ['stories/hostile-html-title/', '']) {
      const v = await open(path);
      try {
        if (path) {
          expect(await v.page.textContent('h1')).toBe(title);
          expect(await v.page.title()).toContain(title);
        } else {
          expect(await v.page.textContent('main')).toContain(title);
        }
        expect(v.alerts, 'a payload ran').toEqual([]);
        expect(v.errors).toEqual([]);
      } finally {
        await v.close();
      }
    }
  }, 120_000);
});

describe.skipIf(!hasDatasets)('broken datasets and chart calls stop the build', () => {
  it('malformed JSON names the file', () => {
    expectFailure(buildCase('malformed-json'), [[/hostile-malformed\.json/, /JSON/]]);
  }, 120_000);

  it('a value that disagrees with its quote names the file, the row and the field', () => {
    expectFailure(buildCase('value-mismatch'), [
      [/hostile-mismatch\.json/, /\bvalue\b/, /projects|rows\[0\]/, /\b19\b/],
    ]);
  }, 120_000);

  it('an unknown dataset names the story and the dataset id', () => {
    // Astro reports frontmatter on two lines: the story in the header, then the field with the bad value.
    expectFailure(buildCase('unknown-dataset'), [/hostile-unknown-dataset/, [/datasets/, /no-such-dataset/]]);
  }, 120_000);

  it('an unknown chart kind names the file and the kind', () => {
    expectFailure(buildCase('unknown-chart-kind'), [[/hostile-unknown-kind/, /\bkind\b/, /pie3d/]]);
  }, 120_000);
});

describe.skipIf(!(hasDatasets && hasCharts))('charts from hostile datasets', () => {
  it('markup in labels, titles and notes is escaped and never runs', async () => {
    expectSuccess(buildCase('html-labels'));
    expect(injections(out)).toEqual([]);
    const v = await open('stories/hostile-html-labels/');
    try {
      const figure = v.page.locator('figure.chart-figure').first();
      expect(await figure.count()).toBe(1);
      const text = (await figure.textContent()) ?? '';
      expect(text).toContain('<script>alert(1)</script>物流项目');
      expect(text).toContain('<img src=x onerror=alert(1)>已运营');
      const live = await v.page.evaluate(() => [
        ...[...document.querySelectorAll('img[src="x"], [onerror], [onmouseover]')].map((el) =>
          el.outerHTML.slice(0, 80),
        ),
        ...[...document.querySelectorAll('script')]
          .filter((s) => s.textContent?.includes('alert(1)'))
          .map((s) => s.outerHTML.slice(0, 80)),
      ]);
      expect(live, 'elements created from the payloads').toEqual([]);
      expect(v.alerts, 'a payload ran').toEqual([]);
      expect(v.errors).toEqual([]);
    } finally {
      await v.close();
    }
  }, 120_000);

  it('an empty dataset renders a clear 暂无数据 figure', async () => {
    expectSuccess(buildCase('empty-dataset'));
    const v = await open('stories/hostile-empty/');
    try {
      const figure = v.page.locator('figure.chart-figure').first();
      expect(await figure.count()).toBe(1);
      expect(await figure.textContent()).toContain('暂无数据');
      expect(await figure.isVisible()).toBe(true);
      expect(v.errors).toEqual([]);
    } finally {
      await v.close();
    }
  }, 120_000);

  it('10,000 rows build within a minute and the page stays usable', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      id: `row-${i + 1}`,
      label: `第${i + 1}项`,
      value: 18,
      unit: '个',
      source: { paragraph: 'logistics-p02', quote: '物流项目共计18个' },
    }));
    const dataset = {
      id: 'hostile-large',
      title: '一万行',
      description: '测试用数据集：一万行，由测试生成。',
      stories: ['hostile-large'],
      asOf: '2021年9月',
      unitNote: '单位：个',
      measure: '物流项目',
      notes: [],
      rows,
    };
    const run = buildCase('large-dataset', { 'content/data/hostile-large.json': JSON.stringify(dataset) });
    expectSuccess(run);
    console.log(`10,000-row build: ${run.seconds.toFixed(1)} s`);
    expect(run.seconds, 'the 10,000-row build took over a minute').toBeLessThan(60);
    for (const width of [375, 1280]) {
      const v = await open('stories/hostile-large/', width);
      try {
        expect(await v.page.locator('figure.chart-figure svg').count()).toBeGreaterThan(0);
        const overflow = await v.page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
        expect(overflow, `overflows by ${overflow} px at ${width} px`).toBeLessThanOrEqual(0);
        // Still interactive: the page answers a script and a click on its navigation.
        await v.page.keyboard.press('End');
        await v.page.click('header a >> nth=0', { timeout: 10_000 });
        expect(v.errors).toEqual([]);
      } finally {
        await v.close();
      }
    }
  }, 180_000);
});
