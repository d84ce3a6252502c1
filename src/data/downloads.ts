/** The dataset downloads readers get: CSV (for spreadsheets) and JSON (with units and provenance). */
import { isDateRow, type Dataset, type Row } from './dataset-schema.ts';
import { toBase, unitInfo } from './units.ts';
import { getReport } from './report.ts';

const CSV_HEADERS = [
  '行ID',
  '分组',
  '项目',
  '限定词',
  '数值',
  '单位',
  '折算数值（基本单位）',
  '基本单位',
  '角色',
  '来源段落',
  '引文',
  '计算方法',
  '计算输入',
  '备注',
];

/** Returns the dataset as CSV: UTF-8 with BOM, CRLF line ends, one line per row, units in their own columns. */
export function toCsv(dataset: Dataset): string {
  const lines = [CSV_HEADERS, ...dataset.rows.map(csvRow)].map((cells) => cells.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function csvRow(row: Row): string[] {
  const base = isDateRow(row) ? undefined : toBase(row.value, row.unit);
  return [
    row.id,
    row.group ?? '',
    row.label,
    row.qualifier ?? '',
    String(row.value),
    row.unit,
    base ? String(base.value) : '',
    base?.unit ?? '',
    row.role ?? '',
    row.source?.paragraph ?? '',
    row.source?.quote ?? '',
    row.derived ? `${row.derived.formula}（本站计算）` : '',
    row.derived?.inputs.join(' ') ?? '',
    [row.note, row.derived?.note, isDateRow(row) && row.yearInferred ? '年份据报道时间（2021年）推定' : undefined]
      .filter(Boolean)
      .join('；'),
  ];
}

function csvCell(cell: string): string {
  // A leading = + - @ would run as a formula in a spreadsheet; none of ours do, but labels come from editors.
  const safe = /^[=+@]/.test(cell) || (/^-/.test(cell) && !/^-?\d/.test(cell)) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const ROW_KEYS = [
  'id',
  'label',
  'group',
  'value',
  'qualifier',
  'unit',
  'role',
  'yearInferred',
  'note',
  'source',
  'derived',
] as const;

/** Returns the dataset as pretty JSON with a stable key order, plus the scale of every unit it uses. */
export function toJson(dataset: Dataset): string {
  const rows = dataset.rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const key of ROW_KEYS) {
      const value = (row as unknown as Record<string, unknown>)[key];
      if (value === undefined) continue;
      if (key === 'source') out.source = { paragraph: row.source!.paragraph, quote: row.source!.quote };
      else if (key === 'derived')
        out.derived = {
          formula: row.derived!.formula,
          inputs: row.derived!.inputs,
          ...(row.derived!.note ? { note: row.derived!.note } : {}),
        };
      else out[key] = value;
    }
    return out;
  });
  const used = [...new Set(dataset.rows.map((r) => r.unit))].sort();
  const units = Object.fromEntries(
    used.map((u) => {
      const info = unitInfo(u)!;
      return [
        u,
        {
          dimension: info.dimension,
          label: info.label,
          ...(info.dimension === 'date' ? {} : { base: info.base, factor: info.factor }),
        },
      ];
    }),
  );
  const out = {
    id: dataset.id,
    title: dataset.title,
    description: dataset.description,
    stories: dataset.stories,
    asOf: dataset.asOf,
    unitNote: dataset.unitNote,
    notes: dataset.notes,
    source: {
      report: reportLine(dataset.report),
      paragraphs: [...new Set(dataset.rows.flatMap((r) => (r.source ? [r.source.paragraph] : [])))],
    },
    units,
    rows,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** Names a dataset's report from its meta.json, as printed, and where the site shows its full text. */
function reportLine(id: string): string {
  const meta = getReport(id)?.meta;
  if (!meta) return id;
  return `${meta.title}（${meta.place}，${meta.period}），全文见本站 /reports/${id}/source/`;
}
