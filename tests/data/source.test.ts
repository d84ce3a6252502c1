import { describe, expect, it } from 'vitest';
import { applyRepairs, splitBlocks, type Repair } from '../../src/data/repairs.ts';
import { allReports, findBlock, getReport, type Report } from '../../src/data/report.ts';

const blocksOf = (r: Report) => r.sections.flatMap((s) => s.blocks);

describe.each(allReports().map((r) => [r.id, r] as const))('cleaned report %s', (_id, report) => {
  const { corrections, received } = report;

  it('is exactly the received text with the logged repairs applied', () => {
    const repaired = splitBlocks(applyRepairs(received, corrections.repairs as Repair[]));
    const cleaned = blocksOf(report).filter((b) => b.role !== 'caption' || !movedCaption(report, b.id));
    expect(cleaned.map((b) => (b.role === 'caption' && b.credit ? `${b.text} ${b.credit}` : b.text))).toEqual(repaired);
  });

  it('keeps every photo caption with its credit, word for word as received', () => {
    for (const c of blocksOf(report)) {
      if (c.role === 'caption') expect(received.includes(c.credit ? `${c.text} ${c.credit}` : c.text), c.id).toBe(true);
    }
  });

  it('points every repair and doubt at a paragraph of this report that contains its new text', () => {
    for (const r of corrections.repairs) {
      if (r.paragraph === '*') continue;
      const found = findBlock(r.paragraph);
      expect(found?.report, r.id).toBe(report.id);
      expect(found!.block.text, r.id).toContain(r.after);
    }
    for (const n of corrections.noted) {
      expect(findBlock(n.paragraph)?.report, n.id).toBe(report.id);
      expect(findBlock(n.paragraph)?.block.text, n.id).toContain(n.text);
    }
  });

  it('names in its metadata only what the received text prints', () => {
    const { meta } = report;
    for (const printed of [meta.place, ...meta.credits, ...meta.photoCredits]) expect(received).toContain(printed);
    if (meta.publication) expect(received).toContain(meta.publication);
    if (meta.date) expect(received).toContain(meta.date);
  });
});

describe('the first report, longcheng-2021-09', () => {
  const report = getReport('longcheng-2021-09')!;

  it('has its two photo captions and no longer contains the layout damage', () => {
    expect(blocksOf(report).filter((b) => b.role === 'caption').length).toBe(2);
    const all = blocksOf(report)
      .map((b) => b.text)
      .join('\n');
    expect(all).not.toMatch(/[,;:()]/);
    expect(all).not.toMatch(/ and /);
    expect(all).toContain('5G+工业互联网');
    expect(all).toContain('建设富有特色、规模适中、辐射带动力强的产业集群区');
  });

  it('does not state a newspaper name or publication date the report lacks', () => {
    expect(report.meta.publication).toBeNull();
    expect(report.meta.date).toBeNull();
    expect(JSON.stringify(report.sections)).not.toMatch(/日报|晚报|时报|\d{4}年9月\d+日/);
  });
});

function movedCaption(report: Report, id: string): boolean {
  // Captions taken out of a sentence are no longer where the received text had them.
  return report.corrections.repairs.some((r) => r.kind === 'caption-in-sentence' && r.why.includes(id));
}

describe('applyRepairs', () => {
  it('refuses a repair whose text is not in the report, naming the repair', () => {
    expect(() =>
      applyRepairs('甲乙丙', [
        { id: 'x1', paragraph: 'a-p01', kind: 'column-break', before: '丁', after: '', why: '' },
      ]),
    ).toThrow(/x1.*not found/);
  });
  it('refuses an ambiguous repair', () => {
    expect(() =>
      applyRepairs('甲甲', [
        { id: 'x2', paragraph: 'a-p01', kind: 'column-break', before: '甲', after: '乙', why: '' },
      ]),
    ).toThrow(/x2.*more than once/);
  });
});
