import { describe, expect, it } from 'vitest';
import { FONT, textWidth, wrap } from '../../src/charts/svg.ts';

describe('text measure and wrapping', () => {
  it('counts the space browsers put where Chinese meets a digit', () => {
    // Chromium draws 2021年 3.67em wide: four digits, one character and 1/8em between them.
    expect(textWidth('2021年')).toBeCloseTo((4 * 0.6 + 1 + 0.125) * FONT);
    expect(textWidth('年年')).toBe(2 * FONT);
  });

  it('never lets a line run past its width to keep a closing bracket off the next line', () => {
    const label = '创建全省文明城区：结束（计划）';
    const width = textWidth(label) - 4;
    const lines = wrap(label, width);
    expect(lines.join('')).toBe(label);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(width);
    expect(lines[1]).toMatch(/^划）$/);
  });
});
