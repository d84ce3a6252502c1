import { describe, expect, it } from 'vitest';
import { findPrintedDate, placeOf, printedDate, spanPlaceOf } from '../../src/charts/time.ts';

const at = (value: string, position?: string) => printedDate(value, position)!;
const utc = (y: number, m: number, d = 1) => Date.UTC(y, m - 1, d);

describe('placing printed dates', () => {
  it('puts a point in the middle of its printed stretch', () => {
    expect(placeOf(at('2021'))).toBe((utc(2021, 1) + utc(2022, 1)) / 2);
    expect(placeOf(at('2021', '年底'))).toBe((utc(2021, 12) + utc(2022, 1)) / 2);
    expect(placeOf(at('2021-11', '末'))).toBe((utc(2021, 11, 21) + utc(2021, 12)) / 2);
  });

  it('starts a span at the start of its printed start and ends it at the end of its printed end', () => {
    // 2021年至2023年: 1 January 2021 to the end of 2023, three whole years.
    expect(spanPlaceOf(at('2021'), 'start')).toBe(utc(2021, 1));
    expect(spanPlaceOf(at('2023'), 'end')).toBe(utc(2024, 1));
    // 2021年7月至2022年10月: 1 July 2021 to the end of October 2022.
    expect(spanPlaceOf(at('2021-07'), 'start')).toBe(utc(2021, 7));
    expect(spanPlaceOf(at('2022-10'), 'end')).toBe(utc(2022, 11));
    // 年底/年末 end with December, 月末/月底 with the month, 上半年 on 30 June, a day at its midnight.
    expect(spanPlaceOf(at('2021', '年底'), 'end')).toBe(utc(2022, 1));
    expect(spanPlaceOf(at('2021', '年末'), 'start')).toBe(utc(2021, 12));
    expect(spanPlaceOf(at('2021-11', '月底'), 'end')).toBe(utc(2021, 12));
    expect(spanPlaceOf(at('2022', '上半年'), 'end')).toBe(utc(2022, 7));
    expect(spanPlaceOf(at('2022', '下半年'), 'start')).toBe(utc(2022, 7));
    expect(spanPlaceOf(at('2021-09-01'), 'end')).toBe(utc(2021, 9, 2));
  });
});

describe("finding a report's date in a dataset's asOf", () => {
  it('reads the date as printed, with its position', () => {
    const found = findPrintedDate('2021年9月初（报道中的“目前”“截至目前”）');
    expect(found?.printed).toBe('2021年9月初');
    expect(found?.date).toMatchObject({ value: '2021-09', precision: 'month', position: '初' });
  });

  it('prefers the date after 报道时间 to an earlier target date', () => {
    expect(findPrintedDate('目标：2025年末；报道时间2021年9月')?.printed).toBe('2021年9月');
  });

  it('reads full-width digits and ignores a date without its year', () => {
    expect(findPrintedDate('２０２１年９月')?.date.value).toBe('2021-09');
    expect(findPrintedDate('9月1日')).toBeUndefined();
    expect(findPrintedDate('截至目前')).toBeUndefined();
  });
});
