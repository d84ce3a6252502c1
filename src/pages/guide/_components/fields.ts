/**
 * The field tables of the editors' guide, generated from the zod schemas so they cannot fall behind: names, whether
 * a field is required, its type and allowed values come from the schema; the explanations (Chinese and English)
 * are written here, and TypeScript and tests/editor/guide.test.ts insist there is one for every field.
 */
import { storySchema, type StoryData } from '../../../data/story-schema.ts';
import { datasetSchema, rowSchema, type Dataset, type Row } from '../../../data/dataset-schema.ts';
import { kindDeclarations } from '../../../charts/kinds.ts';

export interface FieldDoc {
  zh: string;
  en: string;
}

type Keys<T> = T extends unknown ? keyof T : never;

export const storyFieldDocs: Record<keyof StoryData, FieldDoc> = {
  title: { zh: '标题，照报纸原样（至少2字）。', en: 'Headline as printed (2+ characters).' },
  kicker: { zh: '引题：印在标题上方的一行。', en: 'The line printed above the headline.' },
  subtitle: { zh: '副题：印在标题下方的一行。', en: 'The line printed below the headline.' },
  standfirst: {
    zh: '导语，如头条的“核心提示”（至少10字）。',
    en: 'Standfirst, e.g. the feature’s 核心提示 (10+ characters).',
  },
  summary: {
    zh: '一两句话的摘要，用于首页卡片、搜索结果、RSS 和分享（10–160字）。',
    en: 'One or two sentences for cards, search, RSS and link previews (10–160 characters).',
  },
  kind: { zh: 'feature（头条）或 brief（简讯）。', en: 'feature (the lead) or brief.' },
  column: { zh: '栏目名，例如“龙城时讯”。', en: 'The column the story ran under, e.g. 龙城时讯.' },
  order: {
    zh: '在所属报道中的位置（按版面顺序），0 为头条；new:story 自动取下一个。',
    en: 'Position within its report as printed, 0 is the lead; new:story picks the next one.',
  },
  byline: {
    zh: '署名，照报道印出的写；new:story 默认取该报道 meta.json 的 byline。',
    en: 'Byline as printed; new:story takes the report’s meta.json byline.',
  },
  report: {
    zh: '文章所属的报道：content/reports/ 下的文件夹名（如 longcheng-2021-09）。sources 只能是这份报道的段落。',
    en: 'The report the story belongs to (a folder of content/reports/); its sources must be that report’s paragraphs.',
  },
  section: {
    zh: '文章来自原报道哪一节：该报道 report.json 的 section id。',
    en: 'The report section the story comes from (a section id of its report.json).',
  },
  sources: {
    zh: '文章用到的每个原文段落 id（如 feature-p07），至少一个；可在报道的原文页（/reports/<报道>/source/）查到。',
    en: 'Every source paragraph id the story draws on (at least one); look them up on the report’s source page.',
  },
  datasets: {
    zh: '文章图表用到的数据集：content/data/ 下的文件名，不带 .json。',
    en: 'Datasets the story’s charts use: file names in content/data/ without .json.',
  },
  period: {
    zh: '报道所说的时间，用文字写；new:story 默认取该报道 meta.json 的 period；不要编造出版日期。',
    en: 'The time the report speaks of, in words; never a made-up publication date.',
  },
  draft: { zh: 'true 时只在 npm run dev 中显示，不会发布。', en: 'true: shown by npm run dev only, never published.' },
};

export const datasetFieldDocs: Record<keyof Dataset, FieldDoc> = {
  id: { zh: '数据集 id，必须与文件名一致（content/data/<id>.json）。', en: 'Dataset id; must equal the file name.' },
  report: {
    zh: '数据所属的报道（content/reports/ 下的文件夹名）；每行的 source.paragraph 必须是这份报道的段落。',
    en: 'The report the figures come from; every row’s source paragraph must be one of its paragraphs.',
  },
  title: { zh: '数据集标题，显示在 /data/ 和图表来源行。', en: 'Title, shown on /data/ and in chart source lines.' },
  description: { zh: '这些数字是什么、从哪里来。', en: 'What the figures are and where they come from.' },
  stories: {
    zh: '使用本数据集的文章 id（content/stories/ 下的文件名），至少一个。',
    en: 'Ids of the stories that use it (at least one).',
  },
  asOf: {
    zh: '数字的时间基准，用文字写，如“某年某月初（报道中的“目前”）”，与报道 meta.json 的 period 一致。',
    en: 'The date basis of the figures, in words, agreeing with the report’s period.',
  },
  unitNote: { zh: '单位说明。', en: 'A note on the units.' },
  measure: {
    zh: '可选：各行数的是什么（如“入驻企业”“物流项目”）。只有数同一种东西的行才能画在同一条轴上；个别行不同就在行上写 measure。',
    en: 'Optional: what the rows count (入驻企业, 物流项目); only rows of one measure share an axis. Rows may override it.',
  },
  notes: { zh: '给读者的说明，可以为空列表 []。', en: 'Notes for readers; may be [].' },
  wholes: {
    zh: '可选：整体及其组成部分 [{ whole?, parts, disjoint, basis }]。只有原文说明各部分互不重叠（disjoint: true）时，图表才能把它们相加、堆叠、画成方格或占比；basis 写原文依据。',
    en: 'Optional: wholes and their parts; charts add, stack or show shares only of parts declared disjoint, with the report’s basis.',
  },
  rows: { zh: '数据行，见下表。', en: 'The rows, see the next table.' },
};

export const rowFieldDocs: Record<Keys<Row>, FieldDoc> = {
  id: {
    zh: '行 id：小写字母开头的 kebab-case，在数据集内唯一；图表和 <Fig> 用它指向这一行。',
    en: 'Row id: kebab-case starting with a letter, unique in the dataset; charts and <Fig> name rows by it.',
  },
  label: { zh: '这个数字数的是什么（中文）。', en: 'What the value counts, in Chinese.' },
  group: { zh: '可选的类别，用于分组、堆叠或系列。', en: 'Optional category, for grouping, stacking or series.' },
  value: {
    zh: '照原文的单位写数字（84.4 配 亿元）；日期单位（年、年月、年月日）写字符串 "2025"、"2022-05"、"2021-09-01"。',
    en: 'A number in the unit as printed; for a date unit an ISO-like string.',
  },
  unit: {
    zh: '原文印出的单位，必须是 src/data/units.ts 中的一个（亿元、家、万吨、MW、%、个月……）。',
    en: 'The unit as printed, one of src/data/units.ts.',
  },
  qualifier: {
    zh: '原文印在数字旁的限定词：约、近、超过、多、余、以上、左右、预计、力争……（完整列表见 src/data/numbers/qualifiers.ts）；日期后印的位置词（末、底、月底、年底、年末、初、中旬、上半年、下半年）决定它在时间轴上的位置：2021年年底画在12月，不画在年初。',
    en: 'The qualifier printed with the number (the full list is in src/data/numbers/qualifiers.ts); for dates the printed position (末, 年底, 初, 上半年 …), which places the date on a time axis.',
  },
  role: {
    zh: '给图表的提示：total 总数、part 部分、target 目标、threshold 门槛、start/end 起止、min/max 范围两端。',
    en: 'A hint for charts: total, part, target, threshold, start/end, min/max.',
  },
  yearInferred: {
    zh: '仅日期：原句没有印出年份（如“9月1日”）、年份取自报道年份时写 true，并在 note 中说明。',
    en: 'Dates only: true when the quote does not print the year; say so in note.',
  },
  note: { zh: '可选的中文备注（歧义、日期如何理解）。', en: 'Optional remark in Chinese.' },
  source: {
    zh: '{ paragraph, quote }：原文段落 id 和该段中一字不差的原句，原句须包含数字、单位和限定词。与 derived 二选一。',
    en: '{ paragraph, quote }: the paragraph id and its exact words stating the value. Either this or derived.',
  },
  measure: {
    zh: '可选：这一行数的是什么，与数据集的 measure 不同时填写。',
    en: 'Optional: what this row counts, when it differs from the dataset’s measure.',
  },
  status: {
    zh: '日期行必填：done（已完成：已、现已、完成）、in-progress（进行中：正在）、planned（计划：将、计划、预计）、target（目标：力争、目标、到2025年）；须与原句的用词和数据集的 asOf 一致。图中实心为已发生，空心为计划或目标。',
    en: 'Required for dates: done, in-progress, planned or target, as the quote words it; checked against the quote and the asOf. Drawn filled (happened) or hollow (planned).',
  },
  derived: {
    zh: '{ formula, inputs, note? }：本站计算的值。formula 用行 id 和 + − × ÷ 括号，inputs 列出用到的行；存的值必须等于算式结果。',
    en: '{ formula, inputs, note? }: a value the site computes; the stored value must equal the formula’s result.',
  },
};

export interface FieldRow {
  name: string;
  required: string;
  type: string;
  zh: string;
  en: string;
}

interface ZodLike {
  def: {
    type: string;
    innerType?: ZodLike;
    defaultValue?: unknown;
    element?: ZodLike;
    entries?: Record<string, string>;
  };
  isOptional(): boolean;
  options?: readonly string[];
}

function typeName(schema: ZodLike): string {
  const { def } = schema;
  if (def.type === 'optional' || def.type === 'default') return typeName(def.innerType!);
  if (def.type === 'enum')
    return Object.values(def.entries ?? {})
      .map((v) => JSON.stringify(v))
      .join(' | ');
  if (def.type === 'array') return `${typeName(def.element!)}[]`;
  if (def.type === 'union') return 'number | string';
  if (def.type === 'literal') return 'true';
  if (def.type === 'pipe') return 'number';
  return def.type;
}

function requirement(schema: ZodLike): string {
  if (schema.def.type === 'default') {
    const value = schema.def.defaultValue;
    return `可选 optional，默认 default ${JSON.stringify(typeof value === 'function' ? (value as () => unknown)() : value)}`;
  }
  return schema.isOptional() ? '可选 optional' : '必填 required';
}

/** Returns one table row per field of the schema, in the schema's order, with its explanation. */
export function fieldRows(shape: Record<string, unknown>, docs: Record<string, FieldDoc>): FieldRow[] {
  return Object.entries(shape).map(([name, schema]) => {
    const doc = docs[name];
    if (!doc)
      throw new Error(
        `the editors' guide has no explanation of the field "${name}": add it to src/pages/guide/_components/fields.ts`,
      );
    return { name, required: requirement(schema as ZodLike), type: typeName(schema as ZodLike), ...doc };
  });
}

/** One row per chart option, read from the chart kinds' schemas (their docs are the schemas' metadata). */
export function chartOptionRows(): FieldRow[] {
  const byName = new Map<string, { schema: ZodLike; kinds: string[] }>();
  for (const kind of Object.values(kindDeclarations))
    for (const [name, schema] of Object.entries(kind.options.shape)) {
      if (name === 'id' || name === 'title') continue;
      const entry = byName.get(name) ?? { schema: schema as unknown as ZodLike, kinds: [] };
      entry.kinds.push(kind.name);
      byName.set(name, entry);
    }
  return [...byName].map(([name, { schema, kinds }]) => {
    const doc = (schema as unknown as { meta(): FieldDoc | undefined }).meta();
    if (!doc) throw new Error(`the chart option "${name}" has no documentation: add .meta({ zh, en }) to its schema`);
    const all = kinds.length === Object.keys(kindDeclarations).length;
    return {
      name,
      required: requirement(schema),
      type: typeName(schema),
      zh: `${doc.zh}（${all ? '所有图表' : kinds.join('、')}）`,
      en: `${doc.en} (${all ? 'every kind' : kinds.join(', ')})`,
    };
  });
}

export const fieldTables = {
  chartOptions: chartOptionRows,
  story: () => fieldRows(storySchema.shape, storyFieldDocs),
  dataset: () => fieldRows(datasetSchema.shape, datasetFieldDocs),
  row: () => fieldRows(rowSchema.shape, rowFieldDocs),
};
