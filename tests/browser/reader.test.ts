// What a reader gets beyond the article text: search, theme, feed, share images and tags, article extras.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { serveDist, type StaticServer } from '../helpers/server.ts';

let server: StaticServer;
let browser: Browser;
const storyIds = readdirSync('dist/stories', { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

beforeAll(async () => {
  server = await serveDist('dist', '/');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Types a query into Pagefind's UI and returns the result links (paths). Its waits end at Playwright's default of
 * 30 s: on a busy machine a search takes seconds, and a shorter limit failed runs that were merely slow.
 */
async function search(page: Page, term: string): Promise<string[]> {
  const input = page.locator('.pagefind-ui__search-input');
  await input.waitFor();
  await input.fill(term);
  // The status line names the term once the results for it are in (earlier searches leave theirs behind).
  await page.waitForFunction((t) => {
    const message = document.querySelector('.pagefind-ui__message')?.textContent ?? '';
    // Count pages, not links: a page's sub-results (its headings) carry links too, and counting those let the
    // wait end while other pages' results were still loading.
    const shown = [...document.querySelectorAll('li.pagefind-ui__result')].filter((li) =>
      li.querySelector('.pagefind-ui__result-link'),
    ).length;
    const count = Number(message.match(/\d+/)?.[0] ?? 0);
    // Pagefind shows 5 results before "load more"; each result's link appears once its fragment has loaded.
    return message.includes(t) && (message.includes('没有') || (count > 0 && shown >= Math.min(count, 5)));
  }, term);
  return page.$$eval('li.pagefind-ui__result .pagefind-ui__result-link', (as) =>
    as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  );
}

describe('search', () => {
  // Seven searches in a row: a longer limit than one step's, so a slow machine does not fail it.
  it(
    'finds Chinese words in the stories they occur in, and nothing for a word that is not there',
    { timeout: 180_000 },
    async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}search/`);
      expect(await search(page, '物流')).toContain('/stories/logistics/');
      expect(await search(page, '食用菌')).toContain('/stories/five-actions/');
      expect(await search(page, '小巨人')).toContain('/stories/feature/');
      expect(await search(page, '量子计算机')).toEqual([]);
      // Words that appear only in the footer, the story notes (勘误, RSS 订阅) or the 404 page are not indexed.
      expect(await search(page, '勘误')).toEqual([]);
      expect(await search(page, '订阅')).toEqual([]);
      expect(await search(page, '页面未找到')).toEqual([]);
      await page.close();
    },
  );

  it('takes the query from ?q=', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent('食用菌')}`);
    await page.locator('.pagefind-ui__result-link').first().waitFor();
    const links = await page.$$eval('.pagefind-ui__result-link', (as) =>
      as.map((a) => (a as HTMLAnchorElement).pathname),
    );
    expect(links).toContain('/stories/five-actions/');
    await page.close();
  });

  it('loads Pagefind only on the search page, and says it needs JavaScript when JavaScript is off', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}stories/logistics/`);
    await page.goto(server.url);
    await page.waitForLoadState('networkidle');
    expect(requested.filter((p) => p.includes('/pagefind/'))).toEqual([]);
    await page.close();

    const context = await browser.newContext({ javaScriptEnabled: false });
    const off = await context.newPage();
    await off.goto(`${server.url}search/`);
    expect(await off.textContent('main')).toContain('搜索需要启用 JavaScript');
    await context.close();
  });

  it('indexes article bodies only: navigation, footer and the 404 page are not in the index', () => {
    const story = readFileSync('dist/stories/logistics/index.html', 'utf8');
    expect(story).toMatch(/<article[^>]*data-pagefind-body/);
    expect(readFileSync('dist/404.html', 'utf8')).not.toContain('data-pagefind-body');
    const entry = JSON.parse(readFileSync('dist/pagefind/pagefind-entry.json', 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages)).toEqual(['zh-cn']);
    // Stories, plus the data page once it marks itself up for the index.
    expect(entry.languages['zh-cn']!.page_count).toBeGreaterThanOrEqual(storyIds.length);
  });
});

describe('theme', () => {
  it('follows the system, and a choice made with the toggle persists across pages and reloads', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(server.url);
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await bg();
    const toggle = page.locator('[data-theme-toggle]');
    await expect(toggle.isVisible()).resolves.toBe(true);
    expect(await toggle.getAttribute('aria-label')).toBe('切换到深色主题');
    await toggle.click();
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    const dark = await bg();
    expect(dark).not.toBe(light);
    await page.goto(`${server.url}stories/feature/`);
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await bg()).toBe(dark);
    await page.reload();
    expect(await bg()).toBe(dark);
    expect(await page.locator('[data-theme-toggle]').getAttribute('aria-label')).toBe('切换到浅色主题');
    await context.close();
  });

  it('sets the stored theme before the first paint (no flash): the inline script runs before the stylesheet applies', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    await context.addInitScript(() => localStorage.setItem('theme', 'dark'));
    const page = await context.newPage();
    // Read the theme the moment <body> exists, before any module script or the load event.
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.body) {
          (window as unknown as { firstTheme?: string }).firstTheme = document.documentElement.dataset.theme;
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${server.url}stories/logistics/`);
    expect(await page.evaluate(() => (window as unknown as { firstTheme?: string }).firstTheme)).toBe('dark');
    await context.close();
  });

  it('without JavaScript follows the system and shows no dead toggle', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(server.url);
    expect(await page.locator('[data-theme-toggle]').isVisible()).toBe(false);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(22, 23, 26)');
    await context.close();
  });
});

describe('feed, share images and share tags', () => {
  it('the RSS feed parses and lists every story, without invented dates', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.url}rss.xml`);
    const xml = await response!.text();
    const feed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        title: doc.querySelector('channel > title')?.textContent,
        items: [...doc.querySelectorAll('item')].map((i) => ({
          title: i.querySelector('title')?.textContent,
          link: i.querySelector('link')?.textContent,
        })),
        dates: doc.querySelectorAll('pubDate, lastBuildDate').length,
      };
    }, xml);
    expect(feed.error).toBeNull();
    expect(feed.title).toBe('数说龙城');
    expect(feed.items).toHaveLength(7);
    expect(feed.items[0]!.title).toBe('培育优势产业 再造发展引擎');
    expect(feed.items.map((i) => i.link).sort()).toEqual(storyIds.map((id) => `stories/${id}/`).sort());
    expect(feed.dates).toBe(0);
    await page.close();
  });

  it('every story has a 1200×630 PNG share image', () => {
    for (const id of [...storyIds, 'site']) {
      const png = readFileSync(`dist/og/${id}.png`);
      expect(png.subarray(1, 4).toString(), id).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], id).toEqual([1200, 630]);
      // IHDR colour type 2: 8-bit RGB, no alpha channel (a card is opaque; an alpha channel only adds bytes).
      expect([png[24], png[25]], id).toEqual([8, 2]);
    }
  });

  it('every story page carries description, Open Graph and Twitter card tags that point at its share image', () => {
    for (const id of storyIds) {
      const html = readFileSync(`dist/stories/${id}/index.html`, 'utf8');
      const meta = (attr: string, name: string) =>
        html.match(new RegExp(`<meta ${attr}="${name}" content="([^"]*)"`))?.[1];
      const title = html.match(/<h1[^>]*>([^<]*)<\/h1>/)?.[1];
      expect(meta('name', 'description'), id).toBeTruthy();
      expect(meta('property', 'og:title'), id).toBe(title);
      expect(meta('property', 'og:type'), id).toBe('article');
      expect(meta('property', 'og:image'), id).toBe(`/og/${id}.png`);
      expect(meta('property', 'og:image:width'), id).toBe('1200');
      expect(meta('name', 'twitter:card'), id).toBe('summary_large_image');
      // The card's image is og:image: X falls back to it when twitter:image is absent (developer.x.com/cards/markup).
      expect(meta('name', 'twitter:image'), id).toBeUndefined();
      expect(meta('name', 'twitter:image:alt'), id).toBeTruthy();
    }
    const home = readFileSync('dist/index.html', 'utf8');
    expect(home).toContain('<link rel="manifest" href="/manifest.webmanifest">');
    const manifest = JSON.parse(readFileSync('dist/manifest.webmanifest', 'utf8')) as { icons: { src: string }[] };
    for (const icon of manifest.icons) expect(() => readFileSync(`dist/${icon.src}`)).not.toThrow();
  });
});

describe('article extras', () => {
  it('the long feature has a table of contents whose links reach its chapters', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}stories/feature/`);
    const links = await page.$$eval('.toc a', (as) =>
      as.map((a) => ({ text: a.textContent, hash: (a as HTMLAnchorElement).hash })),
    );
    expect(links.map((l) => l.text)).toEqual(['建特色主题园区培育优势产业', '靠科技创新为高质量发展赋能']);
    for (const { hash } of links)
      expect(
        await page
          .locator(
            `.body h2${hash.replace(/^#/, '#')}`.replace(/#(.+)$/, (_, id) => `[id="${decodeURIComponent(id)}"]`),
          )
          .count(),
      ).toBe(1);
    await page.close();
  });

  it('each story shows reading time, related stories and a citation line with its title', async () => {
    const page = await browser.newPage();
    for (const id of storyIds) {
      await page.goto(`${server.url}stories/${id}/`);
      const title = await page.textContent('h1');
      expect(await page.textContent('.reading-time'), id).toMatch(/^阅读约\d+分钟$/);
      const related = await page.$$eval('.related a', (as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      expect(related, id).toHaveLength(3);
      expect(related, id).not.toContain(`/stories/${id}/`);
      expect(await page.textContent('.cite-line'), id).toBe(
        `数说龙城：《${title}》，据2021年9月朝阳市龙城区报道整理，/stories/${id}/`,
      );
    }
    // The feature is several times longer than a brief.
    await page.goto(`${server.url}stories/feature/`);
    const feature = Number((await page.textContent('.reading-time'))!.match(/\d+/)![0]);
    await page.goto(`${server.url}stories/agri-leaders/`);
    const brief = Number((await page.textContent('.reading-time'))!.match(/\d+/)![0]);
    expect(feature).toBeGreaterThan(brief * 2);
    await page.close();
  });

  it('the home page shows a key figure on every brief card and a strip of figures linking to stories', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    expect(await page.locator('.card .figure-number').count()).toBe(6);
    const strip = await page.$$eval('.strip li > a:first-child', (as) =>
      as.map((a) => (a as HTMLAnchorElement).pathname),
    );
    expect(strip.length).toBeGreaterThanOrEqual(4);
    for (const path of strip) expect(path).toMatch(/^\/stories\/[a-z-]+\/$/);
    await page.close();
  });

  it('a story page ships at most 3 KB of JavaScript (gzip), all of it together', async () => {
    const page = await browser.newPage();
    let bytes = 0;
    page.on('response', async (r) => {
      if (r.request().resourceType() === 'script') bytes += gzipSync(await r.body()).length;
    });
    await page.goto(`${server.url}stories/feature/`);
    await page.waitForLoadState('networkidle');
    const inline = await page.$$eval('script:not([src])', (ss) => ss.map((s) => s.textContent ?? ''));
    bytes += gzipSync(inline.join('\n')).length;
    expect(bytes).toBeGreaterThan(100);
    expect(bytes).toBeLessThanOrEqual(3 * 1024);
    await page.close();
  });

  it('prints black on white, even from the dark theme, without navigation, toggles or related links', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${server.url}stories/feature/`);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.masthead nav', '.theme-toggle', '.toc', '.related', '.share-links']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    expect(await page.locator('.story-notes').isVisible()).toBe(true);
    expect(await page.locator('.cite-line').isVisible()).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)');
    expect(
      await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--chart-text').trim()),
    ).toBe('#1d1d1b');
    await context.close();
  });
});
