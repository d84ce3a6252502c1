/**
 * The files `npm run new:story` writes: a draft story of one report and its dataset. Byline, section,
 * sources and the placeholder quotes all come from that report (its meta.json and its paragraphs), never from here.
 */
import type { ReportMeta } from '../data/report.ts';
import { CHART_ROWS, type Placeholder } from './placeholders.ts';

export interface StoryTemplateOptions {
  slug: string;
  title: string;
  order: number;
  /** The report the story belongs to. */
  report: { id: string; meta: ReportMeta };
  /** A paragraph of that report and rows quoting it, so the scaffold passes every check as it is. */
  placeholder: Placeholder;
}

/** Returns the dataset JSON for a new story, in the shape content/data/<id>.json must have. */
export function datasetTemplate({ slug, title, report, placeholder }: StoryTemplateOptions) {
  return {
    id: slug,
    report: report.id,
    title: `${title}（示例数据，请替换）`,
    description: `示例数据，引自 ${placeholder.paragraph}。请换成本文要用的数字。 Placeholder rows quoting ${placeholder.paragraph}; replace them with this story's numbers.`,
    stories: [slug],
    asOf: report.meta.period,
    unitNote: '示例单位，照原文写。 Units as printed.',
    // Rows share a chart's axis only when they count the same kind of thing (see the chart gallery's rules).
    measure: '示例数字（请替换）',
    notes: [
      `每一行的 source.paragraph 是报道 ${report.id} 的段落 id（content/reports/${report.id}/report.json），quote 必须一字不差地出现在该段中，并包含 value。 Each quote must occur word for word in its paragraph of this report and contain the value.`,
    ],
    rows: placeholder.rows,
  };
}

/** Returns the MDX of a new draft story with frontmatter, an example paragraph and an example chart. */
export function storyTemplate({ slug, title, order, report, placeholder }: StoryTemplateOptions): string {
  return `---
# 草稿：draft: true 的文章只在 npm run dev 中显示，不会发布。写完并核对后改为 false。
# Draft: shown by npm run dev only, never published. Set draft to false when the story is ready.
title: ${JSON.stringify(title)}
# 一两句话的摘要（10–160 字），用于卡片、搜索结果和分享。 One or two sentences for cards and search.
summary: "示例摘要：请用一两句话概括本文，并只用原报道中的事实。"
kind: brief
# 可选 Optional: column: "栏目名"   kicker: "引题"   subtitle: "副题"
order: ${order}
# 署名取自报道的 meta.json，照原文改。 The byline comes from the report's meta.json.
byline: ${JSON.stringify(report.meta.byline)}
# 本文所属的报道（content/reports/ 下的文件夹）。 The report the story belongs to.
report: ${report.id}
# 本文来自原报道的哪一节（该报道 report.json 的 section id）。 The report section the story comes from.
section: ${placeholder.section}
# 本文用到的每个原文段落 id，可在 /reports/${report.id}/source/ 页面查到。 Every source paragraph the story draws on.
sources:
  - ${placeholder.paragraph}
# 本文图表用到的数据集（content/data/ 下的文件名，不带 .json）。 Datasets the charts use.
datasets:
  - ${slug}
# 报道时间取自报道的 meta.json；只有本文所说的时间与报道不同时才加 period: "…"。
# The period is the report's; add period: "…" only when the story speaks of another time.
draft: true
---

{/*
  这是 npm run new:story 生成的草稿。请替换：
  1. 上方 frontmatter 中的 title、summary、section、sources（占位内容引自 ${placeholder.paragraph}）；
  2. 下面的示例段落：正文只写原报道中有的事实，每段末用 Src 组件注明来源段落 id；
  3. content/data/${slug}.json 中的示例数据行：每行的 quote 必须一字不差地出现在 source.paragraph 那一段里；
  4. 图表的 title 和 takeaway（takeaway 写读者应当看出的一句话结论）。kind 可选的图表类型见编辑指南。
  This draft was made by npm run new:story. Replace the frontmatter placeholders, the example paragraph below
  (facts from the report only, each paragraph ending with its source id), the example rows in
  content/data/${slug}.json (each quote must occur word for word in its source paragraph), and the chart's
  title and takeaway. See the editors' guide for the chart kinds.
*/}

${mdxText(placeholder.text)}<Src p="${placeholder.paragraph}" />

${exampleChart(slug, placeholder)}`;
}

/** The example chart, when the placeholder rows are enough for one; otherwise a note on how to add a chart. */
function exampleChart(slug: string, placeholder: Placeholder): string {
  if (placeholder.rows.length < CHART_ROWS)
    return `{/* 这份报道没有一段含三个同单位的数字，所以没有示例图表；填好数据后按编辑指南加一个图表组件。 No paragraph of this report has three numbers in one unit, so there is no example chart; add one as the guide shows once the dataset holds the rows. */}
`;
  return `{/* 示例图表：dataset 是数据集文件名，id 在全站唯一。 Example chart: dataset names the data file; id is unique site-wide. */}

<Chart id="${slug}-1" dataset="${slug}" kind="bar" title="示例图表（请替换）" takeaway="示例结论：请写读者应当从图中看出的一句话。" />
`;
}

/** Escapes the characters MDX would read as JSX or expressions, so a paragraph of any report stays plain text. */
function mdxText(text: string): string {
  return text.replace(/[{}<>]/g, (c) => `\\${c}`);
}
