/** The addresses of the one-report site, checked in a built dist/ under any base path. */
import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { resolveUrl } from './links.ts';
import { loadRetiredCharts } from '../../src/data/retired-charts.ts';

/**
 * Addresses published before the site held more than one report. /source/#feature-p07 must still land on an
 * element with that id, whose link leads on to the paragraph on the first report's own source page.
 */
export function expectOldAddresses(dist: string, base: string) {
  const at = (path: string) => new URL(base + path, 'http://site.test');
  for (const path of [
    'stories/feature/',
    'stories/logistics/',
    'data/',
    'data/#restructuring',
    'data/#logistics-projects--target-share',
    'data/restructuring.csv',
    'data/restructuring.json',
    'charts/logistics-status.svg',
    'embed/logistics-status/',
    'source/',
    'source/#feature-p07',
    'source/#logistics-p02',
    'source/#corrections',
  ]) {
    expect(resolveUrl(dist, base, at(path)).reason, path).toBeUndefined();
  }
  const { file } = resolveUrl(dist, base, at('source/'));
  const { document } = parseHTML(readFileSync(file!, 'utf8'));
  const onward = document.getElementById('feature-p07')?.querySelector('a')?.getAttribute('href');
  expect(onward).toBe(`${base}reports/longcheng-2021-09/source/#feature-p07`);
  const target = resolveUrl(dist, base, new URL(onward!, at('source/')));
  expect(target.reason).toBeUndefined();
  expect(readFileSync(target.file!, 'utf8')).toMatch(/<p id="feature-p07"[^>]*>[\s\S]*?今年，龙城区全力打造/);

  // /data/ held every table: a row's old anchor now leads on to the row on its report's data page.
  const data = resolveUrl(dist, base, at('data/')).file!;
  const rowLink = parseHTML(readFileSync(data, 'utf8'))
    .document.getElementById('logistics-projects--target-share')
    ?.querySelector('a')
    ?.getAttribute('href');
  expect(rowLink).toBe(`${base}data/longcheng-2021-09/#logistics-projects--target-share`);
  expect(resolveUrl(dist, base, new URL(rowLink!, at('data/'))).reason).toBeUndefined();

  // Charts withdrawn in the chart review keep their embed and SVG addresses, which say so and lead to the story.
  const retired = loadRetiredCharts().charts;
  expect(retired.length).toBeGreaterThan(0);
  for (const chart of retired) {
    const embed = resolveUrl(dist, base, at(`embed/${chart.id}/`));
    expect(embed.reason, `embed/${chart.id}/`).toBeUndefined();
    const page = parseHTML(readFileSync(embed.file!, 'utf8')).document;
    expect(page.querySelector('h1')?.textContent).toBe(`此图已撤下：${chart.title}`);
    expect(page.querySelector('.meta a')?.getAttribute('href')).toBe(`${base}stories/${chart.story}/`);
    const svg = resolveUrl(dist, base, at(`charts/${chart.id}.svg`));
    expect(svg.reason, `charts/${chart.id}.svg`).toBeUndefined();
    expect(readFileSync(svg.file!, 'utf8')).toContain('已撤下');
  }
}
