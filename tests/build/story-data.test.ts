import { describe, expect, it } from 'vitest';
import { loadRetiredCharts } from '../../src/data/retired-charts.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { allDatasets } from '../../src/data/datasets.ts';
import { displayValue } from '../../src/data/chart-data.ts';

const html = (path: string) => readFileSync(`dist/${path}`, 'utf8');
const text = (page: string) => page.replace(/<[^>]+>/g, '').replaceAll('&amp;', '&');
const storyIds = readdirSync('content/stories')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''));
const sourcesOf = (id: string) =>
  [...readFileSync(`content/stories/${id}.mdx`, 'utf8').matchAll(/^ {2}- ([a-z0-9-]+-p\d\d)$/gm)].map((m) => m[1]!);

describe('every figure of the report on its story page', () => {
  for (const dataset of allDatasets()) {
    it(`shows each value of ${dataset.id} on a page of a story it belongs to`, () => {
      for (const row of dataset.rows) {
        const pages = dataset.stories.map((s) => text(html(`stories/${s}/index.html`)));
        expect(
          pages.some((p) => p.includes(displayValue(row))),
          `${dataset.id}/${row.id} = ${displayValue(row)}`,
        ).toBe(true);
        if (row.source) {
          const owner = storyIds.find((s) => sourcesOf(s).includes(row.source!.paragraph));
          expect(dataset.stories, `${dataset.id}/${row.id} comes from ${row.source.paragraph}`).toContain(owner);
        }
      }
    });
  }
});

describe('dataset downloads', () => {
  it('give a CSV per dataset that spreadsheet programs read as UTF-8, with the dataset’s numbers', () => {
    for (const dataset of allDatasets()) {
      const csv = readFileSync(`dist/data/${dataset.id}.csv`, 'utf8');
      expect(csv.charCodeAt(0), dataset.id).toBe(0xfeff);
      const [header, ...lines] = csv.slice(1).trim().split(/\r?\n/).map(splitCsv);
      expect(header).toContain('数值');
      expect(header).toContain('单位');
      expect(lines).toHaveLength(dataset.rows.length);
      const valueCol = header!.indexOf('数值');
      const unitCol = header!.indexOf('单位');
      dataset.rows.forEach((row, i) => {
        expect(lines[i]![valueCol], `${dataset.id}/${row.id}`).toBe(String(row.value));
        expect(lines[i]![unitCol], `${dataset.id}/${row.id}`).toBe(row.unit);
      });
    }
  });

  it('give a JSON per dataset whose rows equal the dataset’s', () => {
    for (const dataset of allDatasets()) {
      const json = JSON.parse(readFileSync(`dist/data/${dataset.id}.json`, 'utf8'));
      expect(json.id).toBe(dataset.id);
      expect(json.rows.map((r: { id: string; value: unknown; unit: string }) => [r.id, r.value, r.unit])).toEqual(
        dataset.rows.map((r) => [r.id, r.value, r.unit]),
      );
    }
  });

  it('give one standalone SVG per chart, coloured without the site’s stylesheet', () => {
    const charts = readdirSync('dist/charts').filter((f) => f.endsWith('.svg'));
    const embeds = readdirSync('dist/embed');
    expect(embeds.length).toBeGreaterThan(0);
    expect(charts.map((f) => f.replace(/\.svg$/, '')).sort()).toEqual(embeds.sort());
    // A withdrawn chart's file is a one-line notice (content/retired-charts.json); every other is a drawn chart.
    const withdrawn = new Set(loadRetiredCharts().charts.map((c) => `${c.id}.svg`));
    for (const file of charts) {
      const svg = readFileSync(`dist/charts/${file}`, 'utf8');
      expect(svg, file).toMatch(/^<\?xml[^>]*>\s*<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      if (withdrawn.has(file)) expect(svg, file).toContain('已撤下');
      else expect(svg, file).toMatch(/<style>[^<]*--chart-c1/);
    }
  });
});

/** Splits one CSV line (RFC 4180 quoting). */
function splitCsv(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

describe('a story header', () => {
  it('names the report’s period once, with the report it comes from', () => {
    for (const id of storyIds) {
      const header = /<p class="meta story-meta">([\s\S]*?)<\/p>/.exec(html(`stories/${id}/index.html`));
      expect(header, id).not.toBeNull();
      const report = /^report: "?([a-z0-9-]+)"?$/m.exec(readFileSync(`content/stories/${id}.mdx`, 'utf8'))![1]!;
      const { period } = JSON.parse(readFileSync(`content/reports/${report}/meta.json`, 'utf8')) as { period: string };
      expect(text(header![1]!).split(period), id).toHaveLength(2);
    }
  });
});
