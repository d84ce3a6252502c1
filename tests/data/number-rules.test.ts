// The importer, the coverage check, the data check and the dataset schema read numbers through one set of rules
// (src/data/numbers.ts), so they cannot disagree. Each case below is a disagreement they once had.
import { describe, expect, it } from 'vitest';
import { scanNumbers } from '../../src/data/coverage.ts';
import { checkSource } from '../../src/data/provenance.ts';
import { QUALIFIERS, rowSchema, type Row } from '../../src/data/dataset-schema.ts';
import { reportParagraphs } from '../../src/data/datasets.ts';
import { extractNumbers, notQuantities } from '../../src/editor/numbers.ts';

describe('the number rules agree', () => {
  it('the importer lists every number coverage demands (五大, 三镇, 两街)', () => {
    const text = '实施五大行动，辐射三镇两街';
    expect(scanNumbers('x', text).map((n) => n.value)).toEqual([5, 3, 2]);
    expect(extractNumbers(text).map((n) => [n.value, n.unit])).toEqual([
      [5, '大'],
      [3, '镇'],
      [2, '街'],
    ]);
  });

  it('on the whole report, every numeral coverage demands is in an importer entry or a not-data suggestion', () => {
    for (const [paragraph, text] of reportParagraphs()) {
      const entries = [...extractNumbers(text), ...notQuantities(text)];
      for (const n of scanNumbers(paragraph, text)) {
        const listed = entries.some((e) => e.index <= n.index && n.end <= e.end);
        expect(listed, `${paragraph}: ${n.printed} at ${n.index}`).toBe(true);
      }
    }
  });

  it('a qualifier the checker asks for (余) is one the schema accepts', () => {
    const paragraphs = new Map([['jobs-p01', '园区已入驻300余家企业。']]);
    const row = {
      id: 'firms',
      label: '入驻企业',
      value: 300,
      unit: '家',
      source: { paragraph: 'jobs-p01', quote: '入驻300余家企业' },
    };
    const problem = checkSource(rowSchema.parse(row) as Row, paragraphs);
    expect(problem).toMatchObject({ field: 'qualifier', reason: expect.stringContaining('"qualifier": "余"') });
    const fixed = rowSchema.safeParse({ ...row, qualifier: '余' });
    expect(fixed.success).toBe(true);
    expect(checkSource(fixed.data as Row, paragraphs)).toBeUndefined();
  });

  it('the importer only suggests qualifiers the schema accepts (never "约余")', () => {
    const found = extractNumbers('约300余人参加，约1.2万余亩');
    expect(found.map((n) => n.qualifier)).toEqual(['约', '约']);
    for (const n of found) expect(QUALIFIERS).toContain(n.qualifier);
  });
});
