import { describe, expect, it } from 'vitest';
import { cardFigure, keyFigures, stripFigures, type KeyFigure } from '../../src/lib/key-figures.ts';

describe('key figures on the home page', () => {
  it('all match the report (quote in paragraph, number in quote)', () => {
    expect(keyFigures().length).toBeGreaterThan(6);
  });
  it('give every story one card figure and the strip at least four', () => {
    for (const id of ['feature', 'rural-demo', 'logistics', 'one-plus-five', 'agri-leaders', 'civilised-city', 'five-actions']) {
      expect(cardFigure(id), id).toBeDefined();
    }
    expect(stripFigures().length).toBeGreaterThanOrEqual(4);
  });
  it('refuse a number that is not in its quote, and a quote that is not in its paragraph', () => {
    const good: KeyFigure = { story: 'logistics', value: '18', unit: '个', label: 'x', paragraph: 'logistics-p02', quote: '物流项目共计18个' };
    expect(() => keyFigures([{ ...good, value: '19' }])).toThrow(/"19个" is not in its quote/);
    expect(() => keyFigures([{ ...good, quote: '物流项目共计19个', value: '19' }])).toThrow(/is not in logistics-p02/);
    expect(() => keyFigures([{ ...good, paragraph: 'logistics-p99' }])).toThrow(/not a paragraph/);
  });
});
