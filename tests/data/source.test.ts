import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { applyRepairs, splitBlocks, type Repair } from '../../src/data/repairs.ts';
import { report, corrections, findBlock } from '../../src/data/report.ts';

const received = readFileSync(new URL('../../content/source/received.txt', import.meta.url), 'utf8');

describe('cleaned report', () => {
  it('is exactly the received text with the logged repairs applied', () => {
    const repaired = splitBlocks(applyRepairs(received, corrections.repairs as Repair[]));
    const cleaned = report.sections.flatMap((s) => s.blocks).filter((b) => b.role !== 'caption' || !movedCaption(b.id));
    expect(cleaned.map((b) => (b.role === 'caption' ? `${b.text} ${b.credit}` : b.text))).toEqual(repaired);
  });

  it('keeps every photo caption with its credit, word for word as received', () => {
    const captions = report.sections.flatMap((s) => s.blocks).filter((b) => b.role === 'caption');
    expect(captions.length).toBe(2);
    for (const c of captions) {
      expect(c.role === 'caption' && received.includes(`${c.text} ${c.credit}`)).toBe(true);
    }
  });

  it('no longer contains the layout damage', () => {
    const all = report.sections.flatMap((s) => s.blocks.map((b) => b.text)).join('\n');
    expect(all).not.toMatch(/[,;:()]/);
    expect(all).not.toMatch(/ and /);
    expect(all).toContain('5G+工业互联网');
    expect(all).toContain('建设富有特色、规模适中、辐射带动力强的产业集群区');
  });

  it('points every repair and doubt at a real paragraph that contains its new text', () => {
    for (const r of corrections.repairs) {
      if (r.paragraph === '*') continue;
      const found = findBlock(r.paragraph);
      expect(found, r.id).toBeDefined();
      expect(found!.block.text, r.id).toContain(r.after);
    }
    for (const n of corrections.noted) {
      expect(findBlock(n.paragraph)?.block.text, n.id).toContain(n.text);
    }
  });

  it('does not state a newspaper name or publication date the report lacks', () => {
    const all = JSON.stringify(report);
    expect(all).not.toMatch(/日报|晚报|时报|\d{4}年9月\d+日/);
  });
});

function movedCaption(id: string): boolean {
  // Captions taken out of a sentence are no longer where the received text had them.
  return corrections.repairs.some((r) => r.kind === 'caption-in-sentence' && r.why.includes(id));
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
