import { describe, expect, it } from 'vitest';
import { shareSvg, textWidth, wrapText } from '../../src/lib/share-image.ts';

describe('wrapText', () => {
  it('breaks a two-part headline at its space when it does not fit on one line', () => {
    expect(wrapText('培育优势产业 再造发展引擎', 8, 2)).toEqual(['培育优势产业', '再造发展引擎']);
  });
  it('keeps a line that fits whole', () => {
    expect(wrapText('培育优势产业 再造发展引擎', 20, 2)).toEqual(['培育优势产业 再造发展引擎']);
  });
  it('does not start a line with closing punctuation, and never exceeds the width', () => {
    const lines = wrapText(
      '龙城区物流项目共计18个，已建成并投入运营7个；到2025年，物流业增加值占比目标达到12%以上。',
      10,
      6,
    );
    for (const line of lines) {
      expect(textWidth(line)).toBeLessThanOrEqual(10);
      expect(line).not.toMatch(/^[，。；]/);
    }
  });
  it('ends the last line with an ellipsis when the text is cut', () => {
    const lines = wrapText('一二三四五六七八九十一二三四五六七八九十', 6, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/…$/);
  });
});

describe('shareSvg', () => {
  it('is 1200×630, escapes text and is the same for the same input', () => {
    const card = { label: '龙城时讯', title: 'A&B <测试>', footer: '据2021年9月报道整理' };
    const svg = shareSvg(card);
    expect(svg).toMatch(/width="1200" height="630"/);
    expect(svg).toContain('A&amp;B &lt;测试&gt;');
    expect(shareSvg(card)).toBe(svg);
  });
});
