/**
 * Synthetic stories for the build-cost benchmark: N stories, each with real text from the report, its own dataset
 * (rows quoting the report word for word, so every provenance check passes) and 5 charts of the real chart kinds,
 * each chart drawing the rows that suit its kind (rows="…").
 */

/** A dataset row as content/data/<id>.json holds it (source rows only). */
export interface DataRow {
  id: string;
  label: string;
  group?: string;
  value: number | string;
  unit: string;
  qualifier?: string;
  role?: string;
  /** What the row counts (charts put rows on one axis only when they count the same thing). */
  measure?: string;
  yearInferred?: true;
  note?: string;
  source: { paragraph: string; quote: string };
}

const row = (
  id: string,
  label: string,
  value: number,
  unit: string,
  paragraph: string,
  quote: string,
  extra: Partial<DataRow> = {},
): DataRow => ({
  id,
  label,
  ...extra,
  value,
  unit,
  source: { paragraph, quote },
});

/** Counts of one kind of thing (科技型企业, 家), from feature-p18: bars, columns, waffles. */
export const COUNT_ROWS: DataRow[] = [
  row('sme', '科技型中小企业', 66, '家', 'feature-p18', '科技型中小企业66家', {
    group: '已培育科技型企业',
    measure: '已培育的科技型企业',
  }),
  row('hitech', '高新技术企业', 31, '家', 'feature-p18', '高新技术企业31家', {
    group: '已培育科技型企业',
    measure: '已培育的科技型企业',
  }),
  row('eaglet', '雏鹰企业', 7, '家', 'feature-p18', '雏鹰企业7家', {
    group: '已培育科技型企业',
    measure: '已培育的科技型企业',
  }),
  row('gazelle', '瞪羚企业', 3, '家', 'feature-p18', '瞪羚企业3家', {
    group: '已培育科技型企业',
    measure: '已培育的科技型企业',
  }),
  row('jiebang', '“揭榜挂帅”企业', 2, '家', 'feature-p18', '“揭榜挂帅”企业2家', {
    group: '已培育科技型企业',
    measure: '已培育的科技型企业',
  }),
];

/** A total and its parts (the new:story placeholder rows, logistics-p02): stacked bars and progress bars. */
export const PART_ROWS: DataRow[] = [
  row('total', '物流项目共计', 18, '个', 'logistics-p02', '物流项目共计18个', {
    group: '物流项目',
    role: 'total',
    measure: '物流项目',
  }),
  row('operating', '已建成并投入运营', 7, '个', 'logistics-p02', '已建成并投入运营项目7个', {
    group: '物流项目',
    role: 'part',
    measure: '物流项目',
  }),
  row('building', '已开工新建、续建', 6, '个', 'logistics-p02', '已开工新建、续建项目6个', {
    group: '物流项目',
    role: 'part',
    measure: '物流项目',
  }),
];

export type Family = 'count' | 'parts' | 'targets' | 'dates';

/** Which rows each chart kind draws; kinds not listed draw the counts. */
export const KIND_FAMILY: Record<string, Family> = {
  stacked: 'parts',
  progress: 'parts',
  waffle: 'parts',
  target: 'targets',
  timeline: 'dates',
};

export function familyFor(kind: string, families: Partial<Record<Family, DataRow[]>>): Family {
  const f = KIND_FAMILY[kind];
  return f && families[f]?.length ? f : 'count';
}

/** Drops rows whose quote is not in its paragraph or (for numbers) does not contain the value. */
export function checkedRows(rows: DataRow[], paragraphText: (id: string) => string | undefined): DataRow[] {
  return rows.filter((r) => {
    const text = paragraphText(r.source.paragraph);
    return (
      text !== undefined &&
      text.includes(r.source.quote) &&
      (typeof r.value !== 'number' || r.source.quote.includes(String(r.value)))
    );
  });
}

/**
 * Borrows target rows and dated rows from the site's real datasets (the first dataset with at least two of each),
 * with ids prefixed so they cannot clash; they passed the data check there, so they pass it here.
 */
export function borrowedFamilies(
  datasets: { rows: (DataRow & { derived?: unknown })[] }[],
): Partial<Record<Family, DataRow[]>> {
  const pick = (test: (r: DataRow) => boolean, prefix: string, least: number) => {
    for (const d of datasets) {
      const rows = d.rows.filter((r) => r.source && !r.derived && test(r));
      if (rows.length >= least)
        return rows.map(({ derived: _d, ...r }) => ({ ...r, id: `${prefix}-${r.id}` }) as DataRow);
    }
    return [];
  };
  // A timeline needs at least three dated rows.
  return {
    targets: pick((r) => r.role === 'target', 't', 2),
    dates: pick((r) => typeof r.value === 'string', 'd', 3),
  };
}

export function storyId(i: number): string {
  return `bench-s${i}`;
}

/**
 * The report a synthetic story or dataset names (contract 1: content/reports/<id>/), and how the paragraph ids of
 * the report the rows were written against read in it (a synthetic report prefixes them with its id).
 */
export interface ReportRef {
  id: string;
  paragraph: (id: string) => string;
  /** The report section the story comes from (a synthetic report has one, named like the report). */
  section?: string;
}

/** Dataset JSON for synthetic story i, in the content/data/<id>.json contract. */
export function syntheticDataset(i: number, families: Partial<Record<Family, DataRow[]>>, report?: ReportRef) {
  const id = storyId(i);
  const rows = Object.values(families).flat();
  return {
    id,
    ...(report ? { report: report.id } : {}),
    title: `合成数据集 ${i}：科技型企业与物流项目`,
    description: `基准测试用合成数据集（第${i}个），每个数字都引自原报道。Synthetic dataset for the build benchmark.`,
    stories: [id],
    asOf: '2021年9月',
    unitNote: '企业以“家”计，项目以“个”计。',
    notes: [],
    // The report's own words make the started and operating projects parts of the 18 (logistics-p02).
    ...(rows.some((r) => r.id === 'total')
      ? {
          wholes: [
            {
              whole: 'total',
              parts: rows.filter((r) => r.role === 'part').map((r) => r.id),
              disjoint: true,
              basis:
                '基准测试用合成数据：logistics-p02 称“建成已运营、新开工及计划本年度开工的物流项目共计18个”，已运营与已开工是其中互不重叠的部分。',
            },
          ],
        }
      : {}),
    rows: report
      ? rows.map((r) => ({ ...r, source: { ...r.source, paragraph: report.paragraph(r.source.paragraph) } }))
      : rows,
  };
}

/** Paragraphs of real report text (with their ids) the synthetic stories reuse. */
export interface TextBlock {
  id: string;
  text: string;
}

/** The chart kinds drawn with Observable Plot (src/charts/bars.ts, column.ts); the others are plain d3. */
export const PLOT_KINDS = ['bar', 'column', 'grouped'];

/**
 * The kinds of story i's five charts: three Plot kinds and two d3 kinds, the d3 pair turning with i so that every
 * kind is drawn somewhere. Falls back to the available kinds in turn when fewer than three Plot kinds exist.
 */
export function kindsFor(i: number, available: string[], count = 5): string[] {
  if (!available.length) return [];
  const plot = PLOT_KINDS.filter((k) => available.includes(k));
  const d3 = available.filter((k) => !PLOT_KINDS.includes(k));
  if (count !== 5 || plot.length < 3 || d3.length < 2)
    return Array.from({ length: count }, (_, k) => available[(i + k) % available.length]!);
  return [...plot, d3[(2 * i) % d3.length]!, d3[(2 * i + 1) % d3.length]!];
}

/**
 * MDX for synthetic story i: frontmatter shaped like content/stories/*.mdx, the text blocks each followed by its
 * <Src>, and one chart per kind given (none when kinds is empty) placed between them.
 */
export function syntheticStory(
  i: number,
  blocks: TextBlock[],
  kinds: string[],
  order: number,
  families: Partial<Record<Family, DataRow[]>> = { count: COUNT_ROWS },
  report?: ReportRef,
): string {
  const id = storyId(i);
  const ref = report?.paragraph ?? ((p: string) => p);
  const sources = [...new Set(blocks.map((b) => ref(b.id)))];
  const lines = [
    '---',
    `title: "合成稿件第${i}篇：科技型企业培育"`,
    `summary: "基准测试用合成稿件（第${i}篇），正文与数字均引自原报道：龙城区培育科技型中小企业66家、高新技术企业31家。"`,
    'kind: brief',
    'column: "龙城时讯"',
    `order: ${order}`,
    report ? 'byline: "基准测试合成"' : 'byline: "本报记者 张旭"',
    ...(report ? [`report: ${report.id}`] : []),
    `section: ${report?.section ?? 'feature'}`,
    'sources:',
    ...sources.map((s) => `  - ${s}`),
    ...(kinds.length ? ['datasets:', `  - ${id}`] : ['datasets: []']),
    // A story of a report speaks of its report's period (meta.json); only the old single-report layout names one.
    ...(report ? [] : ['period: "2021年9月"']),
    '---',
    '',
  ];
  blocks.forEach((b, j) => {
    if (j > 0 && j % 2 === 0) lines.push(`## 小标题${j / 2}`, '');
    lines.push(`${b.text}<Src p="${ref(b.id)}" />`, '');
    kinds.forEach((kind, k) => {
      if (k % blocks.length !== j) return;
      const rows = families[familyFor(kind, families)]!.map((r) => r.id).join(',');
      lines.push(
        `<Chart id="s${i}-${k + 1}" dataset="${id}" kind="${kind}" rows="${rows}" title="合成图表${i}-${k + 1}：${kind}" takeaway="科技型中小企业66家，高新技术企业31家。" />`,
        '',
      );
    });
  });
  return lines.join('\n');
}
