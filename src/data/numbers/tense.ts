/**
 * The tense of a dated row: whether the report says it happened, is under way, is planned or is a target, read from
 * the quote's own words. Part of the number rules (src/data/numbers.ts), beside the plan qualifiers 预计 and 力争.
 */

export const STATUSES = ['done', 'in-progress', 'planned', 'target'] as const;
export type Status = (typeof STATUSES)[number];

/** How each status is printed in charts and tables. */
export const STATUS_WORDS: Record<Status, string> = {
  done: '已完成',
  'in-progress': '进行中',
  planned: '计划',
  target: '目标',
};

/**
 * Words in a quote that say which tense it is in. Longer words first where one contains another. A quote may hold
 * words of two tenses (已进入实施阶段…将于11月末结束); the check then asks only that the row's status be among them.
 */
export const TENSE_WORDS: Record<Status, readonly string[]> = {
  done: ['现已', '已经', '已', '完成了', '召开了', '建成', '获批', '认定'],
  'in-progress': ['正在', '正进行', '在建', '有序进行', '进行中', '推进中'],
  planned: ['将于', '将', '计划', '预计', '拟', '即将', '争取', '确保'],
  target: ['力争', '目标', '期末', '到20', '稳定在', '达到'],
};

/** Returns the statuses whose words the quote prints, with the words found. */
export function tensesIn(quote: string): { status: Status; word: string }[] {
  const found: { status: Status; word: string }[] = [];
  for (const status of STATUSES) {
    const word = TENSE_WORDS[status].find((w) => quote.includes(w));
    if (word) found.push({ status, word });
  }
  return found;
}

/**
 * Compares a row's status with its quote: a quote that speaks in some tense must include the row's.
 * A quote without tense words (a bare date such as 2022年5月正式投入使用) leaves the status to the editor and the
 * as-of check. Returns the reason, or undefined when they agree.
 */
export function statusMismatch(status: Status, quote: string): string | undefined {
  const found = tensesIn(quote);
  if (found.length === 0 || found.some((f) => f.status === status)) return undefined;
  const said = found.map((f) => `“${f.word}” (${f.status})`).join(', ');
  return `status "${status}" (${STATUS_WORDS[status]}) disagrees with the quote "${quote}", which says ${said}`;
}

/** Statuses that say a thing has already begun or happened, so its date cannot lie after the report's date. */
export function isPast(status: Status): boolean {
  return status === 'done' || status === 'in-progress';
}
