// Hostile and broken input (tests/fixtures/hostile/), laid over one project copy and built with the production
// command: two builds in all. Broken content (broken-content/) must stop the build before anything renders with
// exactly the messages of npm run check:content, no stack trace, and no dist/ (each kind of mistake and its
// message is tested without a build in tests/data/check-content.test.ts). Hostile but valid content (the other
// cases, built together) must come out as text: markup in titles and labels; an empty dataset says 暂无数据;
// 10,000 rows stay usable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DOMParser } from 'linkedom';
import { projectCopy, siteBuild } from '../helpers/build.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { serveDist, type StaticServer } from '../helpers/server.ts';
import { checkContent, diskFiles } from '../../src/data/check-content.ts';
import { formatReport } from '../../src/data/diagnostics.ts';

const fixtures = resolve('tests/fixtures/hostile');

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

/** Builds the copy with these cases laid over it (into `out`); `during` runs while they are in place. */
function buildCases(names: string[], generated: Record<string, string> = {}, during?: () => void) {
  const restores = names.map((name, i) => overlay(name, i === 0 ? generated : {}));
  try {
    during?.();
    const run = siteBuild({ OUT_DIR: out }, copy.dir);
    // eslint-disable-next-line no-control-regex
    return { ...run, output: run.output.replace(/\u001b\[[0-9;]*m/g, '') };
  } finally {
    restores.reverse().forEach((restore) => restore());
  }
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

describe('broken content stops the build', () => {
  it('with exactly the messages of npm run check:content, before rendering, without a stack trace or dist/', () => {
    let expected = '';
    const run = buildCases(['broken-content'], {}, () => {
      const result = checkContent(diskFiles(copy.dir));
      expected = formatReport(result.problems, result.texts);
    });
    expect(run.status, run.output.slice(-4000)).not.toBe(0);
    // Six mistakes in six files, each once: the broken JSON file is not reported again by anything using it, nor
    // the unknown dataset again by the chart that uses it.
    expect(expected.split('\n').at(-1)).toBe('✗ 6 problems in 6 files (6 处问题)');
    expect(run.output).toContain(expected);
    expect(run.output.split(expected).length - 1, 'the messages are printed once').toBe(1);
    expect(run.output, 'no stack trace').not.toMatch(/^\s+at .*[(:]\d+/m);
    expect(run.output, 'nothing rendered').not.toMatch(/generating static routes|▶ src\/pages/i);
    expect(existsSync(out), 'a failed build leaves no site behind').toBe(false);
  }, 120_000);
});

// The hostile but valid cases are built together, once.
const largeDataset = {
  id: 'hostile-large',
  report: 'longcheng-2021-09',
  title: '一万行',
  description: '测试用数据集：一万行，由测试生成。',
  stories: ['hostile-large'],
  asOf: '2021年9月',
  unitNote: '单位：个',
  // One kind of thing, so the rows may share a bar chart's axis (src/data/comparability.ts).
  measure: '物流项目',
  notes: [],
  rows: Array.from({ length: 10_000 }, (_, i) => ({
    id: `row-${i + 1}`,
    label: `第${i + 1}项`,
    value: 18,
    unit: '个',
    source: { paragraph: 'logistics-p02', quote: '物流项目共计18个' },
  })),
};

describe('hostile but valid content', () => {
  beforeAll(() => {
    const run = buildCases(['large-dataset', 'html-in-title', 'html-labels', 'empty-dataset'], {
      'content/data/hostile-large.json': JSON.stringify(largeDataset),
    });
    expect(run.status, run.output.slice(-4000)).toBe(0);
  }, 300_000);

  it('markup in a story title, kicker and summary is shown as text everywhere and never runs', async () => {
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

  it('markup in labels, titles and notes of a dataset and a chart is escaped and never runs', async () => {
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

  it('a 10,000-row dataset builds and the page stays usable', async () => {
    for (const width of [375, 1280]) {
      const v = await open('stories/hostile-large/', width);
      try {
        expect(await v.page.locator('figure.chart-figure svg').count()).toBeGreaterThan(0);
        const overflow = await v.page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
        expect(overflow, `overflows by ${overflow} px at ${width} px`).toBeLessThanOrEqual(0);
        // Still interactive: the page answers a script and a click on its navigation.
        await v.page.keyboard.press('End');
        await v.page.click('header a >> nth=0');
        expect(v.errors).toEqual([]);
      } finally {
        await v.close();
      }
    }
  }, 180_000);
});
