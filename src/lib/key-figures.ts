/**
 * The headline numbers shown on the home page: one per story for its card, and the 数说龙城 strip.
 * Every figure names the report paragraph and quotes the sentence it comes from; keyFigures() refuses to
 * return a figure whose quote is not in that paragraph or whose number is not in the quote, so the build fails
 * before an invented or mistyped number reaches a reader.
 */
import { findBlock } from '../data/report.ts';

export interface KeyFigure {
  /** Story id (content/stories/<id>.mdx) the figure links to. */
  story: string;
  /** Words printed right before the number, e.g. "约". */
  prefix?: string;
  /** The number exactly as printed, e.g. "84.4", "十". */
  value: string;
  /** The unit as printed right after the number, e.g. "亿元", "家左右". */
  unit: string;
  /** What the number counts, in a few words. */
  label: string;
  /** Report paragraph id, e.g. "feature-p08". */
  paragraph: string;
  /** Words copied from that paragraph that contain value + unit. */
  quote: string;
  /** Dataset id on /data/ (anchor /data/#<id>), once that dataset exists. */
  dataset?: string;
  /** Shown on its story's home-page card. */
  card?: boolean;
  /** Shown in the 数说龙城 strip. */
  strip?: boolean;
}

const figures: KeyFigure[] = [
  // One per story, on its card (the lead's beside the lead story).
  { story: 'feature', value: '84.4', unit: '亿元', label: '结构调整“三篇大文章”33个项目总投资', paragraph: 'feature-p08', quote: '项目33个，总投资84.4亿元', card: true },
  { story: 'rural-demo', value: '1.6', unit: '亿元', label: '乡村振兴示范工程总投资', paragraph: 'rural-demo-p02', quote: '总投资1.6亿元的龙城区乡村振兴示范工程', card: true },
  { story: 'logistics', value: '18', unit: '个', label: '建成、在建及计划开工的物流项目', paragraph: 'logistics-p02', quote: '物流项目共计18个', card: true },
  { story: 'one-plus-five', value: '397', unit: '项', label: '“我为群众办实事”项目清单', paragraph: 'one-plus-five-p10', quote: '项目清单397项', card: true },
  { story: 'agri-leaders', value: '35', unit: '家', label: '农业产业化重点龙头企业', paragraph: 'agri-leaders-p02', quote: '农业产业化重点龙头企业已发展到35家', card: true },
  { story: 'civilised-city', value: '十', unit: '项工程', label: '2021年至2023年创建省文明城区的抓手', paragraph: 'civilised-city-p02', quote: '确定了以十项工程为抓手', card: true },
  { story: 'five-actions', value: '300', unit: '家左右', label: '“十四五”期末农民专业合作社', paragraph: 'five-actions-p06', quote: '农民专业合作社将稳定在300家左右', card: true },
  // The 数说龙城 strip: further headline numbers, one more look into each story.
  { story: 'feature', value: '208', unit: '家', label: '朝阳高新区已入驻企业', paragraph: 'feature-p10', quote: '朝阳高新区已入驻企业208家', strip: true },
  { story: 'feature', value: '51.79', unit: '亿元', label: '已签约32个项目总投资', paragraph: 'feature-p09', quote: '现已签约项目32个，总投资51.79亿元', strip: true },
  { story: 'rural-demo', prefix: '约', value: '60', unit: '公里', label: '示范工程闭环全长，辐射25个行政村', paragraph: 'rural-demo-p03', quote: '全长约60公里，辐射3镇1街25个行政村', strip: true },
  { story: 'logistics', value: '12', unit: '%以上', label: '2025年物流业增加值占生产总值比重目标', paragraph: 'logistics-p04', quote: '比重达到12%以上', strip: true },
  { story: 'one-plus-five', value: '213', unit: '项', label: '“我为群众办实事”清单已完成事项', paragraph: 'one-plus-five-p10', quote: '现已完成213项', strip: true },
  { story: 'agri-leaders', value: '4100', unit: '多万美元', label: '农产品出口创汇，居朝阳市领先地位', paragraph: 'agri-leaders-p02', quote: '达4100多万美元', strip: true },
];

/** Returns the figures after checking each against the report; throws naming the first that does not match. */
export function keyFigures(list: readonly KeyFigure[] = figures): KeyFigure[] {
  for (const f of list) {
    const where = `key figure ${f.value}${f.unit} (${f.story})`;
    const found = findBlock(f.paragraph);
    if (!found) throw new Error(`${where}: "${f.paragraph}" is not a paragraph of the report`);
    if (!found.block.text.includes(f.quote)) throw new Error(`${where}: the quote "${f.quote}" is not in ${f.paragraph}`);
    const printed = `${f.prefix ?? ''}${f.value}${f.unit}`;
    if (!f.quote.includes(printed)) throw new Error(`${where}: "${printed}" is not in its quote "${f.quote}"`);
  }
  return [...list];
}

/** Returns the figure shown on a story's card, if it has one. */
export function cardFigure(story: string): KeyFigure | undefined {
  return keyFigures().find((f) => f.card && f.story === story);
}

/** Returns the figures of the 数说龙城 strip, in display order. */
export function stripFigures(): KeyFigure[] {
  return keyFigures().filter((f) => f.strip);
}
