import { describe, expect, it } from 'vitest';
import { cardFigure, cardFigures, keyFigures, reportPicks, stripFigures } from '../../src/lib/key-figures.ts';
import { getDataset } from '../../src/data/datasets.ts';
import { findRow } from '../../src/data/datasets.ts';
import { findBlock } from '../../src/data/report.ts';
import { displayValue } from '../../src/data/chart-data.ts';

describe('key figures on the home page', () => {
  it("are chosen per report, in the report's folder, from that report's datasets", () => {
    const picks = reportPicks();
    expect([...picks.keys()]).toEqual(['longcheng-2021-09']);
    for (const [report, refs] of picks) for (const ref of refs) expect(getDataset(ref.dataset).report).toBe(report);
    expect(stripFigures('longcheng-2021-09')).toEqual(stripFigures());
    expect(stripFigures('no-such-report')).toEqual([]);
  });

  it('give every story one card figure and the strip at least four', () => {
    for (const id of [
      'feature',
      'rural-demo',
      'logistics',
      'one-plus-five',
      'agri-leaders',
      'civilised-city',
      'five-actions',
    ]) {
      expect(cardFigure(id), id).toBeDefined();
    }
    expect(stripFigures().length).toBeGreaterThanOrEqual(4);
  });

  it('give a story the first figure marked for its card, and none to a story without one', () => {
    const figures = keyFigures();
    const cards = cardFigures(figures);
    for (const f of figures)
      if (f.card) expect(cards.get(f.story)).toBe(figures.find((g) => g.card && g.story === f.story));
    // Fiction, for the test only: two figures for one card; the first wins, as on the page.
    const [a, b] = [figures[0]!, figures[1]!].map((f) => ({ ...f, story: 'harbour', card: true }));
    expect(cardFigures([a!, b!]).get('harbour')).toBe(a);
    expect(cardFigure('no-such-story')).toBeUndefined();
  });

  it('are the dataset rows they name, printed as the report prints them, quoted from their paragraph', () => {
    for (const f of keyFigures()) {
      const [dataset, row] = f.dataset.split('--') as [string, string];
      const printed = `${f.prefix ?? ''}${f.value}${f.unit}`;
      expect(printed, f.dataset).toBe(displayValue(findRow(dataset, row)));
      expect(findBlock(f.paragraph)!.block.text, f.dataset).toContain(f.quote);
      // The quote prints the figure the same way, except where the report writes the number in words (十项工程).
      if (!/[一二三四五六七八九十两]/.test(f.quote)) expect(f.quote, f.dataset).toContain(printed);
    }
    expect(stripFigures().find((f) => f.dataset === 'rural-demo--length')).toMatchObject({
      prefix: '约',
      value: '60',
      unit: '公里',
    });
    expect(stripFigures().find((f) => f.dataset === 'agri-leaders--export-earnings')).toMatchObject({
      value: '4100',
      unit: '多万美元',
    });
    expect(stripFigures().find((f) => f.dataset === 'logistics-projects--target-share')).toMatchObject({
      value: '12',
      unit: '%以上',
    });
  });

  it('refuse a row that does not exist, and a date', () => {
    expect(() => keyFigures([{ story: 'logistics', dataset: 'logistics-projects', row: 'nope' }])).toThrow(/nope/);
    expect(() => keyFigures([{ story: 'logistics', dataset: 'logistics-projects', row: 'target-year' }])).toThrow(
      /must be a number/,
    );
  });
});
