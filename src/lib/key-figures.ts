/**
 * The headline numbers shown on the home page: one per story for its card, and the 数说龙城 strip. Each is a row
 * of a dataset, so its quote, paragraph and value are the ones the data check has already verified against the
 * report; nothing here restates a number.
 */
import { findRow } from '../data/datasets.ts';
import { rowAnchor } from '../data/chart-data.ts';
import { isDateRow } from '../data/dataset-schema.ts';
import { formatNumber, formatValue } from './format.ts';

export interface KeyFigure {
  /** Story id (content/stories/<id>.mdx) the figure links to. */
  story: string;
  /** Words printed right before the number, e.g. "约". */
  prefix?: string;
  /** The number as the site prints it, e.g. "84.4". */
  value: string;
  /** The unit as printed right after the number, with a trailing qualifier: "亿元", "家左右", "%以上". */
  unit: string;
  /** What the number counts, in a few words. */
  label: string;
  /** Report paragraph id, e.g. "feature-p08". */
  paragraph: string;
  /** Words copied from that paragraph that state the number. */
  quote: string;
  /** The figure's row on /data/ (anchor /data/#<dataset>--<row>). */
  dataset: string;
  card?: boolean;
  strip?: boolean;
}

/** A home-page figure as chosen: the story it belongs to and the dataset row that holds it. */
interface KeyFigureRef {
  story: string;
  dataset: string;
  row: string;
  /** A shorter label for the home page than the row's own (defaults to the row's label). */
  label?: string;
  card?: boolean;
  strip?: boolean;
}

const picks: KeyFigureRef[] = [
  // One per story, on its card (the lead's beside the lead story).
  {
    story: 'feature',
    dataset: 'restructuring',
    row: 'investment',
    label: '结构调整“三篇大文章”33个项目总投资',
    card: true,
  },
  { story: 'rural-demo', dataset: 'rural-demo', row: 'investment', label: '乡村振兴示范工程总投资', card: true },
  {
    story: 'logistics',
    dataset: 'logistics-projects',
    row: 'total',
    label: '建成、在建及计划开工的物流项目',
    card: true,
  },
  {
    story: 'one-plus-five',
    dataset: 'one-plus-five',
    row: 'unit-items',
    label: '“我为群众办实事”项目清单',
    card: true,
  },
  { story: 'agri-leaders', dataset: 'agri-leaders', row: 'leading-firms', card: true },
  {
    story: 'civilised-city',
    dataset: 'civilised-city',
    row: 'projects',
    label: '2021年至2023年创建省文明城区的工程',
    card: true,
  },
  {
    story: 'five-actions',
    dataset: 'farm-targets',
    row: 'cooperatives',
    label: '“十四五”期末农民专业合作社',
    card: true,
  },
  // The 数说龙城 strip: further headline numbers, one more look into each story.
  { story: 'feature', dataset: 'parks', row: 'hitech-zone-firms', label: '朝阳高新区已入驻企业', strip: true },
  {
    story: 'feature',
    dataset: 'project-pipeline',
    row: 'signed-investment',
    label: '已签约32个项目总投资',
    strip: true,
  },
  { story: 'rural-demo', dataset: 'rural-demo', row: 'length', label: '示范工程闭环全长，辐射25个行政村', strip: true },
  {
    story: 'logistics',
    dataset: 'logistics-projects',
    row: 'target-share',
    label: '2025年物流业增加值占生产总值比重目标',
    strip: true,
  },
  {
    story: 'one-plus-five',
    dataset: 'one-plus-five',
    row: 'completed',
    label: '“我为群众办实事”清单已完成事项',
    strip: true,
  },
  {
    story: 'agri-leaders',
    dataset: 'agri-leaders',
    row: 'export-earnings',
    label: '农产品出口创汇，居朝阳市领先地位',
    strip: true,
  },
];

/** Turns a pick into a figure from its dataset row; throws naming the pick when the row is missing or a date. */
function toFigure(pick: KeyFigureRef): KeyFigure {
  const row = findRow(pick.dataset, pick.row);
  if (isDateRow(row) || !row.source) {
    throw new Error(`key figure ${pick.dataset}/${pick.row}: a key figure must be a number quoted from the report`);
  }
  // formatValue knows where each qualifier goes (约60公里, 4100多万美元, 12%以上): split its output around the number.
  const value = formatNumber(row.value);
  const printed = formatValue(row.value, row.unit, row.qualifier);
  const at = printed.indexOf(value);
  return {
    story: pick.story,
    prefix: printed.slice(0, at) || undefined,
    value,
    unit: printed.slice(at + value.length),
    label: pick.label ?? row.label,
    paragraph: row.source.paragraph,
    quote: row.source.quote,
    dataset: rowAnchor(pick.dataset, pick.row),
    card: pick.card,
    strip: pick.strip,
  };
}

/** Returns every key figure, built from its dataset row. */
export function keyFigures(list: readonly KeyFigureRef[] = picks): KeyFigure[] {
  return list.map(toFigure);
}

/** Returns the figure shown on a story's card, if it has one. */
export function cardFigure(story: string): KeyFigure | undefined {
  return keyFigures().find((f) => f.card && f.story === story);
}

/** Returns the figures of the 数说龙城 strip, in display order. */
export function stripFigures(): KeyFigure[] {
  return keyFigures().filter((f) => f.strip);
}
