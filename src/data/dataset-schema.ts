/**
 * The shape of a dataset file, content/data/<id>.json. The zod schema checks structure only; whether a quote is in
 * its paragraph and a value in its quote is checked by check-datasets.ts, which needs the report.
 *
 * A row:
 *   id          kebab-case, starts with a letter, unique in the dataset (charts and links name rows by it)
 *   label       what the value counts, in Chinese
 *   group       optional category, for grouping, stacking or series
 *   value       a number in the unit as printed (84.4 with unit 亿元); for a date unit (年, 年月, 年月日) an ISO-like
 *               string: "2025", "2022-05", "2021-09-01"
 *   unit        a unit of src/data/units.ts (part of the number rules, src/data/numbers.ts), as printed (亿元, 家, 万吨, MW, %, 个月, …)
 *   qualifier   optional, as printed around the number (the list is QUALIFIERS in src/data/numbers.ts): 约 (约60公里),
 *               近, 超过, 多 / 余 (4100多万美元, 300余人), 以上 (12%以上), 左右 (300家左右), 预计, 力争 …; for dates the
 *               position printed after the date, which places it on a time axis (src/charts/time.ts): 末/底/月末/月底
 *               (11月末: the month's last third), 年底/年末 (December), 初/年初/月初, 中旬, 上半年, 下半年
 *   role        optional hint for charts, one of:
 *                 total      the whole the parts of the same group belong to (共计18个)
 *                 part       one part of a total (已建成并投入运营项目7个)
 *                 target     a goal still to reach (到2025年…12%以上; 十四五 期末 300家左右)
 *                 threshold  a cut-off that defines who is counted (产值500万元以上)
 *                 start/end  the two ends of a period or a schedule (2021年7月 … 2022年10月)
 *                 min/max    the two ends of a range (5万元至200万元)
 *   yearInferred  dates only: true when the quote does not print the year (9月1日, 11月末, 今年6月份) and the
 *               value takes it from the report's date (2021); the row's note should say so
 *   status      required for dates, optional otherwise: done, in-progress, planned or target, as the quote says
 *               it (已/现已/完成 … against 将/计划/预计/力争/目标 …; word lists in src/data/numbers/tense.ts); checked against
 *               the quote's words and against the dataset's asOf (nothing done after it, nothing planned before it)
 *   measure     optional: what the row counts or measures (入驻企业, 物流项目, 总投资), when it differs from the
 *               dataset's measure; charts put rows on one axis only when they measure the same thing
 *   note        optional remark in Chinese (an ambiguity, how a date was read)
 *   and exactly one of
 *   source      { paragraph: a block id of the dataset's report (content/reports/<report>/report.json),
 *               quote: exact words of that block that state the value with its unit and qualifier }
 *   derived     { formula over input row ids with + − × ÷ and parentheses (ASCII + - * / also work; write minus
 *               with spaces or as −, since ids contain hyphens), inputs: the row ids it uses (same dataset, or
 *               "otherDataset/rowId"), note?: e.g. 本站计算 }; the stored value must equal the formula's result
 *               rounded to the decimals stored
 */
import { z } from 'astro/zod';
import { PARAGRAPH_ID, ROW_ID, ROW_REF, SLUG } from './ids.ts';
import {
  DATE_PATTERNS,
  QUALIFIERS,
  STATUSES,
  STATUS_WORDS,
  UNIT_NAMES,
  UNITS,
  isDateQualifier,
  isPast,
  isUnit,
  statusMismatch,
  type Qualifier,
  type Status,
  type Unit,
} from './numbers.ts';
import { findPrintedDate, formatPrinted, printedDate } from '../charts/time.ts';

export { QUALIFIERS };
export const ROLES = ['total', 'part', 'target', 'threshold', 'start', 'end', 'min', 'max'] as const;

const text = z.string().trim().min(1, 'must not be empty');

export const sourceSchema = z.strictObject({
  paragraph: z.string().regex(PARAGRAPH_ID, 'must be a paragraph id such as "feature-p08"'),
  quote: text,
});

export const derivedSchema = z.strictObject({
  formula: text,
  inputs: z
    .array(z.string().regex(ROW_REF, 'must be a row id, or "dataset/rowId"'))
    .min(1, 'must list at least one input row'),
  note: text.optional(),
});

export const rowSchema = z
  .strictObject({
    id: z.string().regex(ROW_ID, 'must be kebab-case and start with a letter (e.g. "invested-share")'),
    label: text,
    group: text.optional(),
    value: z.union([z.number(), z.string()], {
      error: 'must be a number (or, for a date unit, a string such as "2022-05")',
    }),
    unit: z.string().refine(isUnit, {
      error: (iss) =>
        `"${iss.input}" is not a known unit; use one of ${UNIT_NAMES.join(' ')} or add it to src/data/units.ts`,
    }),
    qualifier: z.enum(QUALIFIERS).optional(),
    role: z.enum(ROLES).optional(),
    measure: text.optional(),
    yearInferred: z.literal(true).optional(),
    status: z.enum(STATUSES).optional(),
    note: text.optional(),
    source: sourceSchema.optional(),
    derived: derivedSchema.optional(),
  })
  .superRefine((row, ctx) => {
    if (row.source && row.derived) {
      ctx.addIssue({
        code: 'custom',
        path: ['derived'],
        message: 'a row has either source (the report states it) or derived (the site computes it), not both',
      });
    } else if (!row.source && !row.derived) {
      ctx.addIssue({
        code: 'custom',
        path: ['source'],
        message:
          'is missing: every row needs a source { paragraph, quote } or, for a computed value, derived { formula, inputs }',
      });
    }
    if (!isUnit(row.unit)) return;
    const info = UNITS[row.unit as Unit];
    if (row.status && row.source) {
      const mismatch = statusMismatch(row.status, row.source.quote);
      if (mismatch) ctx.addIssue({ code: 'custom', path: ['status'], message: mismatch });
    }
    if ('datePrecision' in info) {
      if (!row.status)
        ctx.addIssue({
          code: 'custom',
          path: ['status'],
          message:
            'is missing: a dated row says whether it happened — "done" (已, 现已, 完成), "in-progress" (正在), "planned" (将, 计划, 预计) or "target" (力争, 目标, 到2025年)',
        });
      const pattern = DATE_PATTERNS[info.datePrecision];
      if (typeof row.value !== 'string' || !pattern.test(row.value)) {
        const example = { year: '"2025"', month: '"2022-05"', day: '"2021-09-01"' }[info.datePrecision];
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message: `unit ${row.unit} holds a date: write the value as a string like ${example}, not ${JSON.stringify(row.value)}`,
        });
      }
      if (row.derived)
        ctx.addIssue({
          code: 'custom',
          path: ['derived'],
          message: 'a date cannot be derived; quote it from the report',
        });
    } else {
      if (typeof row.value !== 'number' || !Number.isFinite(row.value)) {
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message: `must be a number in ${row.unit}, not ${JSON.stringify(row.value)}`,
        });
      }
      if (row.yearInferred)
        ctx.addIssue({ code: 'custom', path: ['yearInferred'], message: 'is only for dates (units 年, 年月, 年月日)' });
      if (row.qualifier && isDateQualifier(row.qualifier)) {
        ctx.addIssue({ code: 'custom', path: ['qualifier'], message: `"${row.qualifier}" is only for dates` });
      }
    }
  });

/** A whole and its parts, as the report states them; disjoint when the report says the parts do not overlap. */
export const wholeSchema = z.strictObject({
  whole: z.string().regex(ROW_ID, 'must be a row id of this dataset').optional(),
  parts: z.array(z.string().regex(ROW_ID, 'must be a row id of this dataset')).min(1, 'must list at least one part'),
  disjoint: z.boolean(),
  /** Why: the report's words that make them parts (and, if disjoint, say they do not overlap). */
  basis: text,
});

export const datasetSchema = z
  .strictObject({
    id: z.string().regex(SLUG, 'must be kebab-case (a-z, 0-9, -)'),
    /** Id of the report (a folder of content/reports/) every quote of the dataset comes from. */
    report: z.string().regex(SLUG, 'must be a report id (a folder name in content/reports/)'),
    title: text,
    description: text,
    /** Ids of the stories (content/stories/<id>.mdx) that use the dataset. */
    stories: z
      .array(z.string().regex(SLUG, 'must be a story id (a file name in content/stories/ without .mdx)'))
      .min(1, 'must name at least one story'),
    /** The date basis of the figures, e.g. 2021年9月初（报道中的“目前”）. */
    asOf: text,
    unitNote: text,
    /** What the rows count or measure when they all count the same kind of thing (企业, 物流项目 …); rows may override. */
    measure: text.optional(),
    notes: z.array(text),
    /** Wholes and their parts, so charts may sum, stack or show shares (see src/data/comparability.ts). */
    wholes: z.array(wholeSchema).optional(),
    rows: z.array(rowSchema),
  })
  .superRefine((dataset, ctx) => {
    const ids = new Set(dataset.rows.map((r) => r.id));
    dataset.wholes?.forEach((w, i) => {
      if (w.whole && !ids.has(w.whole))
        ctx.addIssue({
          code: 'custom',
          path: ['wholes', i, 'whole'],
          message: `"${w.whole}" is not a row of this dataset`,
        });
      w.parts.forEach((p, j) => {
        if (!ids.has(p))
          ctx.addIssue({
            code: 'custom',
            path: ['wholes', i, 'parts', j],
            message: `"${p}" is not a row of this dataset`,
          });
      });
    });
    // A row that has happened cannot be dated after the report's date, nor a plan before it.
    const asOf = findPrintedDate(dataset.asOf);
    if (!asOf) return;
    dataset.rows.forEach((row, i) => {
      if (typeof row.value !== 'string' || !row.status) return;
      const date = printedDate(row.value, row.qualifier);
      if (!date) return;
      const past = isPast(row.status as Status);
      if (past && date.from >= asOf.date.to)
        ctx.addIssue({
          code: 'custom',
          path: ['rows', i, 'status'],
          message: `"${row.status}" (${STATUS_WORDS[row.status as Status]}) but ${formatPrinted(date)} is after the report's date ${asOf.printed} (asOf); use "planned" or "target"`,
        });
      if (!past && date.to <= asOf.date.from)
        ctx.addIssue({
          code: 'custom',
          path: ['rows', i, 'status'],
          message: `"${row.status}" (${STATUS_WORDS[row.status as Status]}) but ${formatPrinted(date)} is before the report's date ${asOf.printed} (asOf); use "done" or "in-progress"`,
        });
    });
  });

export type Source = z.infer<typeof sourceSchema>;
export type Whole = z.infer<typeof wholeSchema>;
export type Derived = z.infer<typeof derivedSchema>;
export type { Qualifier };
export type Role = (typeof ROLES)[number];

interface RowBase {
  id: string;
  status?: Status;
  label: string;
  group?: string;
  measure?: string;
  qualifier?: Qualifier;
  role?: Role;
  note?: string;
}
/** A row holding an amount, a count, a share or a duration. */
export type QuantityRow = RowBase & { value: number; unit: Unit; yearInferred?: undefined } & (
    { source: Source; derived?: undefined } | { derived: Derived; source?: undefined }
  );
/** A row holding a date or a year ("2022-05" with unit 年月); always quoted from the report. */
export type DateRow = RowBase & {
  value: string;
  unit: '年' | '年月' | '年月日';
  yearInferred?: true;
  source: Source;
  derived?: undefined;
};
export type Row = QuantityRow | DateRow;

export type Dataset = Omit<z.infer<typeof datasetSchema>, 'rows'> & { rows: Row[] };

/** Returns true if the row holds a date (string value) rather than a number. */
export function isDateRow(row: Row): row is DateRow {
  return typeof row.value === 'string';
}
