// Key figures and fact boxes, with JavaScript off: each value as its dataset row prints it, linked to the report
// paragraph and to its row on /data/, and the control under it opens a table of those rows and the downloads.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from '../helpers/site.ts';
import { findRow, getDataset } from '../../src/data/datasets.ts';
import { displayValue, rowAnchor } from '../../src/data/chart-data.ts';

const site = useSite();

async function open(path: string): Promise<Page> {
  const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${site.url}${path}`);
  return page;
}

describe('a key figure', () => {
  it('prints the row as the report does, links its paragraph and row, and opens a table and downloads', async () => {
    const row = findRow('logistics-projects', 'target-share');
    const page = await open('stories/logistics/');
    const figure = page.locator('figure.key-figure');
    expect(await figure.count()).toBe(1);
    expect((await figure.locator('.key-figure-value').textContent())!.replace(/\s+/g, '')).toBe(displayValue(row));

    const links = await figure.locator('.chrome-source a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.some((h) => h!.endsWith(`source/#${row.source!.paragraph}`))).toBe(true);
    expect(
      links.some((h) =>
        h!.endsWith(
          `data/${getDataset('logistics-projects').report}/#${rowAnchor('logistics-projects', 'target-share')}`,
        ),
      ),
    ).toBe(true);

    expect(await figure.locator('table').isVisible()).toBe(false);
    await figure.locator('summary', { hasText: '数据与下载' }).click();
    const cells = await figure.locator('table tbody tr').allTextContents();
    expect(cells).toHaveLength(1);
    expect(cells[0]).toContain(row.source!.quote);
    expect(await figure.locator('a[download]').allTextContents()).toEqual(['CSV', 'JSON']);
    await page.context().close();
  });
});

describe('a fact box', () => {
  it('links every value to its row, and its table lists the same rows, computed ones marked', async () => {
    const dataset = getDataset('one-plus-five');
    const page = await open('stories/one-plus-five/');
    const box = page.locator('figure.fact-box');
    expect(await box.count()).toBe(1);
    const facts = await box
      .locator('dd a')
      .evaluateAll((as) =>
        as.map((a) => ({ href: a.getAttribute('href')!, text: a.textContent!.replace(/\s+/g, '') })),
      );
    expect(facts.length).toBeGreaterThan(1);
    let computed = 0;
    for (const fact of facts) {
      const rowId = decodeURIComponent(fact.href.split('#')[1]!).replace(`${dataset.id}--`, '');
      const row = dataset.rows.find((r) => r.id === rowId);
      expect(row, fact.href).toBeDefined();
      // A computed value carries its 计算值 tag beside the number.
      expect(fact.text).toBe(displayValue(row!) + (row!.derived ? '计算值' : ''));
      if (row!.derived) computed++;
    }
    expect(computed, 'the box shows computed shares').toBeGreaterThan(0);

    await box.locator('summary').click();
    const tableRows = await box
      .locator('table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-key')));
    expect(tableRows).toEqual(facts.map((f) => f.href.split('--')[1]));
    expect(await box.locator('table .derived-tag').count()).toBe(computed);
    await page.context().close();
  });

  it('reaches its rows on /data/: every value link lands on an existing row', async () => {
    const page = await open('stories/feature/');
    const hrefs = await page
      .locator('figure.fact-box dd a')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThan(0);
    await page.goto(hrefs[0]!.split('#')[0]!);
    for (const href of hrefs) {
      const id = decodeURIComponent(new URL(href).hash.slice(1));
      expect(await page.locator(`[id="${id}"]`).count(), id).toBe(1);
    }
    await page.context().close();
  });
});
