import { describe, expect, it } from 'vitest';
import { useSite } from '../helpers/site.ts';

const site = useSite();

const tip = '#chart-project-pipeline-stages .chart-tip';
// Each chart is drawn once per layout width and CSS shows one: the marks a reader meets are the visible ones.
const firstMark = '#chart-project-pipeline-stages .mark:visible >> nth=0';

describe('an interactive chart', () => {
  it('shows a tooltip with the value when a mark is hovered, and hides it when the pointer leaves', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}stories/feature/`);
    await page.hover(firstMark);
    await expect.poll(() => page.isVisible(tip)).toBe(true);
    expect(await page.textContent(tip)).toBe('签约未落地（近期签约）项目：7个');
    expect(await page.getAttribute(firstMark, 'class')).toContain('on');
    await page.mouse.move(0, 0);
    await expect.poll(() => page.isVisible(tip)).toBe(false);
    await page.close();
  });

  it('can be used with the keyboard: Tab reaches each mark, its tooltip shows, Escape closes it', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}stories/feature/`);
    const marks = await page.$$eval('#chart-project-pipeline-stages .mark:visible', (ms) =>
      ms.map((m) => [m.getAttribute('tabindex'), m.getAttribute('role'), m.getAttribute('aria-label')]),
    );
    expect(marks).toHaveLength(4);
    for (const [tabindex, role, label] of marks) {
      expect(tabindex).toBe('0');
      expect(role).toBe('img');
      expect(label).toMatch(/：\d+个$/);
    }
    await page.focus(firstMark);
    await expect.poll(() => page.textContent(tip)).toBe('签约未落地（近期签约）项目：7个');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.textContent(tip)).toBe('新开工项目：15个');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.isVisible(tip)).toBe(false);
    await page.close();
  });

  it('shows the tooltip on a tap on a phone', async () => {
    const context = await site.browser.newContext({
      hasTouch: true,
      isMobile: true,
      viewport: { width: 375, height: 800 },
    });
    const page = await context.newPage();
    await page.goto(`${site.url}stories/feature/`);
    await page.tap(firstMark);
    await expect.poll(() => page.textContent(tip)).toBe('签约未落地（近期签约）项目：7个');
    await context.close();
  });

  it('switches between numbers and computed shares with the view buttons', async () => {
    const page = await site.browser.newPage();
    // The guide's example: disjoint parts of one whole (the dataset's role: part), the only kind a share suits.
    await page.goto(`${site.url}guide/`);
    const figure = page.locator('#chart-guide-logistics-status');
    const buttons = figure.locator('.chart-views button');
    expect(await buttons.allTextContents()).toEqual(['数值', '占比']);
    expect(await figure.locator('.chart-view').nth(0).isVisible()).toBe(true);
    expect(await figure.locator('.chart-view').nth(1).isVisible()).toBe(false);
    await buttons.nth(1).click();
    expect(await buttons.nth(1).getAttribute('aria-pressed')).toBe('true');
    expect(await figure.locator('.chart-view').nth(0).isVisible()).toBe(false);
    const shares = figure.locator('.chart-view').nth(1);
    expect(await shares.isVisible()).toBe(true);
    expect(await shares.textContent()).toContain('38.9%');
    expect(await shares.locator('.mark').first().getAttribute('data-tip')).toContain('计算值');
    await page.close();
  });

  it('opens its data table from the toggle, with every value of the chart', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}stories/feature/`);
    const figure = page.locator('#chart-project-pipeline-stages');
    expect(await figure.locator('table').isVisible()).toBe(false);
    await figure.locator('summary', { hasText: '数据与下载' }).click();
    expect(await figure.locator('table').isVisible()).toBe(true);
    const cells = await figure.locator('tbody td.num').allTextContents();
    expect(cells).toEqual(['7个', '15个', '22个', '15个']);
    await page.close();
  });
});

describe('charts without JavaScript', () => {
  it('are complete pictures with printed values and a table, on every story page', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const story of [
      'feature',
      'rural-demo',
      'logistics',
      'one-plus-five',
      'agri-leaders',
      'civilised-city',
      'five-actions',
    ]) {
      await page.goto(`${site.url}stories/${story}/`);
      const figures = await page.$$eval('figure.chart-figure', (fs) =>
        fs.map((f) => ({
          id: f.id,
          role: f.querySelector('svg')?.getAttribute('role'),
          name: f.querySelector('svg title')?.textContent,
          printed: f.querySelector('svg')?.textContent ?? '',
          rows: f.querySelectorAll('table tbody tr').length,
        })),
      );
      // A story with no chart carries its numbers in key figures or fact boxes.
      expect(
        figures.length + (await page.locator('figure.key-figure, figure.fact-box').count()),
        story,
      ).toBeGreaterThan(0);
      for (const f of figures) {
        expect(f.role, f.id).toBe('img');
        expect(f.name, f.id).toBeTruthy();
        expect(f.printed, f.id).toMatch(/\d/);
        expect(f.rows, f.id).toBeGreaterThan(0);
      }
    }
    await context.close();
  });
});
