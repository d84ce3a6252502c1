import { describe, expect, it } from 'vitest';
import { useSite } from '../helpers/site.ts';

const site = useSite();

describe('a reader opening the site', () => {
  it('sees the home page in Chinese with the lead story first and every brief', async () => {
    const page = await site.browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(site.url);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    const lead = await page.textContent('.lead h2');
    expect(lead).toContain('培育优势产业 再造发展引擎');
    const briefs = await page.$$eval('.cards h3', (hs) => hs.map((h) => h.textContent?.trim()));
    expect(briefs).toHaveLength(6);
    expect(briefs).toContain('建区域性物流中心 推动产业升级');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('can open an article from the home page and follow a paragraph to the source', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.url);
    await page.click('text=建区域性物流中心 推动产业升级');
    await page.waitForURL(/stories\/logistics\/$/);
    expect(await page.textContent('h1')).toBe('建区域性物流中心 推动产业升级');
    expect(await page.textContent('.body')).toContain('物流项目共计18个');
    await page.click('a.src >> nth=0');
    await page.waitForURL(/reports\/longcheng-2021-09\/source\/#logistics-p02$/);
    expect(await page.textContent('#logistics-p02')).toContain('共计18个');
    await page.close();
  });

  it('reads fully with JavaScript switched off', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}stories/feature/`);
    const text = await page.textContent('main');
    expect(text).toContain('核心提示');
    expect(text).toContain('总投资84.4亿元');
    expect(text).toContain('专精特新“小巨人”企业3家');
    await context.close();
  });
});
