/** The files `npm run new:story` writes: a draft story and its dataset, with placeholders quoting the real report. */

export interface StoryTemplateOptions {
  slug: string;
  title: string;
  order: number;
}

/**
 * Placeholder rows quote a real paragraph so the scaffold passes every provenance check as it is; the editor replaces them.
 * logistics-p02 reads: 本报讯 截至目前，龙城区建成已运营、新开工及计划本年度开工的物流项目共计18个；已建成并投入运营项目7个，已开工新建、续建项目6个。
 */
export const PLACEHOLDER_SOURCE = { section: 'logistics', paragraph: 'logistics-p02' } as const;

const placeholderRows = [
  { id: 'total', label: '物流项目共计', value: 18, unit: '个', quote: '物流项目共计18个' },
  { id: 'operating', label: '已建成并投入运营', value: 7, unit: '个', quote: '已建成并投入运营项目7个' },
  { id: 'under-construction', label: '已开工新建、续建', value: 6, unit: '个', quote: '已开工新建、续建项目6个' },
];

/** Returns the dataset JSON for a new story, in the shape content/data/<id>.json must have. */
export function datasetTemplate({ slug, title }: StoryTemplateOptions) {
  return {
    id: slug,
    title: `${title}（示例数据，请替换）`,
    description:
      "示例数据：物流项目的数量，引自 logistics-p02。请换成本文要用的数字。 Placeholder rows quoting logistics-p02; replace them with this story's numbers.",
    stories: [slug],
    asOf: '2021-09',
    unitNote: '个：项目数。 Counts of projects.',
    // Rows share a chart's axis only when they count the same kind of thing (see the chart gallery's rules).
    measure: '物流项目',
    notes: [
      '每一行的 source.paragraph 是 content/source/report.json 里的段落 id，quote 必须一字不差地出现在该段中，并包含 value。 Each quote must occur word for word in its paragraph and contain the value.',
    ],
    rows: placeholderRows.map(({ id, label, value, unit, quote }) => ({
      id,
      label,
      value,
      unit,
      source: { paragraph: PLACEHOLDER_SOURCE.paragraph, quote },
    })),
  };
}

/** Returns the MDX of a new draft story with frontmatter, an example paragraph and an example chart. */
export function storyTemplate({ slug, title, order }: StoryTemplateOptions): string {
  return `---
# 草稿：draft: true 的文章只在 npm run dev 中显示，不会发布。写完并核对后改为 false。
# Draft: shown by npm run dev only, never published. Set draft to false when the story is ready.
title: ${JSON.stringify(title)}
# 一两句话的摘要（10–160 字），用于卡片、搜索结果和分享。 One or two sentences for cards and search.
summary: "示例摘要：请用一两句话概括本文，并只用原报道中的事实。"
kind: brief
# 可选 Optional: column: "龙城时讯"   kicker: "引题"   subtitle: "副题"
order: ${order}
byline: "本报记者 张旭"
# 本文来自原报道的哪一节（content/source/report.json 的 section id）。 The report section the story comes from.
section: ${PLACEHOLDER_SOURCE.section}
# 本文用到的每个原文段落 id，可在 /source/ 页面查到。 Every source paragraph the story draws on (see /source/).
sources:
  - ${PLACEHOLDER_SOURCE.paragraph}
# 本文图表用到的数据集（content/data/ 下的文件名，不带 .json）。 Datasets the charts use.
datasets:
  - ${slug}
period: "2021年9月"
draft: true
---

{/*
  这是 npm run new:story 生成的草稿。请替换：
  1. 上方 frontmatter 中的 title、summary、section、sources（占位内容引自 logistics-p02）；
  2. 下面的示例段落：正文只写原报道中有的事实，每段末用 Src 组件注明来源段落 id；
  3. content/data/${slug}.json 中的示例数据行：每行的 quote 必须一字不差地出现在 source.paragraph 那一段里；
  4. 图表的 title 和 takeaway（takeaway 写读者应当看出的一句话结论）。kind 可选的图表类型见编辑指南。
  This draft was made by npm run new:story. Replace the frontmatter placeholders, the example paragraph below
  (facts from the report only, each paragraph ending with its source id), the example rows in
  content/data/${slug}.json (each quote must occur word for word in its source paragraph), and the chart's
  title and takeaway. See the editors' guide for the chart kinds.
*/}

本报讯 截至目前，龙城区建成已运营、新开工及计划本年度开工的物流项目共计18个；已建成并投入运营项目7个，已开工新建、续建项目6个。<Src p="${PLACEHOLDER_SOURCE.paragraph}" />

{/* 示例图表：dataset 是数据集文件名，id 在全站唯一。 Example chart: dataset names the data file; id is unique site-wide. */}

<Chart id="${slug}-1" dataset="${slug}" kind="bar" title="示例图表：物流项目数量（请替换）" takeaway="示例结论：18个物流项目中，7个已建成运营，6个已开工。" />
`;
}
