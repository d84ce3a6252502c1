/**
 * The id rules: every id an editor writes (story slugs, dataset, row, chart and report ids, paragraph ids) is
 * checked against one of these, here and nowhere else. Patterns are anchored; the `*Source` strings let other
 * patterns (formulas, "dataset/row" references) embed them.
 */

/** kebab-case of a-z and 0-9: story slugs, dataset, chart, section and report ids ("one-plus-five", "2021-09"). */
export const SLUG_SOURCE = '[a-z0-9]+(?:-[a-z0-9]+)*';
/** A row id also starts with a letter, so that a formula can tell it from a number ("invested-share"). */
export const ROW_ID_SOURCE = '[a-z][a-z0-9]*(?:-[a-z0-9]+)*';
/** A paragraph (block) id: a section slug and a two-digit block number ("feature-p07"). */
export const PARAGRAPH_ID_SOURCE = `${SLUG_SOURCE}-p\\d{2}`;

export const SLUG = new RegExp(`^${SLUG_SOURCE}$`);
export const ROW_ID = new RegExp(`^${ROW_ID_SOURCE}$`);
export const PARAGRAPH_ID = new RegExp(`^${PARAGRAPH_ID_SOURCE}$`);
/** A row reference in a formula or a key figure: "rowId" in the same dataset, or "datasetId/rowId". */
export const ROW_REF = new RegExp(`^(?:${SLUG_SOURCE}/)?${ROW_ID_SOURCE}$`);

/** What each rule asks for, in words, for messages. */
export const ID_RULES = {
  slug: 'kebab-case: a-z, 0-9 and single hyphens (e.g. "one-plus-five")',
  row: 'kebab-case starting with a letter (e.g. "invested-share")',
  paragraph: 'a paragraph id such as "feature-p07"',
  rowRef: 'a row id, or "dataset/rowId"',
} as const;

/** Returns true if the string is a valid slug (story, dataset, chart, section or report id). */
export function isSlug(id: string): boolean {
  return SLUG.test(id);
}
