/**
 * Every kind of mistake the content checks report: a Chinese and an English name, what it means and how to fix
 * it. Each problem carries one of these kinds; the editors' guide prints its table of messages from this list, so
 * the two cannot drift apart.
 */

export type MessageArea = 'dataset' | 'story' | 'mdx' | 'report';

export interface MessageKind {
  area: MessageArea;
  /** The name printed first in every message of this kind. */
  zh: string;
  en: string;
  /** How to fix it, for the guide's table (the message itself gives the fix for the case at hand). */
  fixZh: string;
  fixEn: string;
}

export const MESSAGE_KINDS = {
  'json-syntax': {
    area: 'dataset',
    zh: 'JSON 格式错误',
    en: 'malformed JSON',
    fixZh: '到所给的行和列修正标点：漏了或多了逗号、引号不配对、括号没关。',
    fixEn: 'Fix the punctuation at the line and column given: a missing or extra comma, a quote, a bracket.',
  },
  'number-typo': {
    area: 'dataset',
    zh: '数字里有全角字符或多余空格',
    en: 'full-width character or stray space in a number',
    fixZh: '用半角数字和字母（84.4，不是８４.4），数字中间不要空格；报错给出改好的写法。',
    fixEn: 'Use ASCII digits and letters and no space inside a number; the message gives the corrected text.',
  },
  'missing-field': {
    area: 'dataset',
    zh: '缺少必填字段',
    en: 'missing field',
    fixZh: '按字段表补上这个字段。',
    fixEn: 'Add the field (see the field tables).',
  },
  'unknown-field': {
    area: 'dataset',
    zh: '未知字段',
    en: 'unknown field',
    fixZh: '字段名拼错了（报错会给出最接近的字段名），或删掉它。',
    fixEn: 'The field name is misspelt (the message names the closest one), or remove it.',
  },
  'wrong-value': {
    area: 'dataset',
    zh: '值的类型或格式不对',
    en: 'wrong type or format',
    fixZh: '数量写数字不加引号和单位（84.4，单位写在 unit）；日期单位写字符串 "2022-05"；id 用小写字母、数字和连字符。',
    fixEn: 'Numbers without quotes or units; dates as strings such as "2022-05"; ids in kebab-case.',
  },
  'invalid-choice': {
    area: 'dataset',
    zh: '不是可选的值',
    en: 'not one of the allowed values',
    fixZh: '从报错列出的值中选一个（单位、限定词、角色、文章类型……）。',
    fixEn: 'Pick one of the values the message lists (unit, qualifier, role, story kind, …).',
  },
  provenance: {
    area: 'dataset',
    zh: '出处缺失或重复',
    en: 'no source, or two',
    fixZh: '每行要有 source（原文给出的数）或 derived（本站算出的数），只能有一个。',
    fixEn: 'Each row has source (the report states it) or derived (the site computes it), exactly one.',
  },
  'unknown-paragraph': {
    area: 'dataset',
    zh: '段落 id 不存在',
    en: 'unknown paragraph',
    fixZh: '在原文页面（/source/）找到段落，复制它的 id；报错会给出最接近的 id。',
    fixEn: 'Copy the paragraph id from /source/; the message names the closest one.',
  },
  'quote-not-in-paragraph': {
    area: 'dataset',
    zh: '原句不在段落中',
    en: 'quote not in its paragraph',
    fixZh: '报错会给出段落中最接近的原文并标出不同之处；从原文页面一字不差地复制。',
    fixEn: 'The message shows the closest passage and marks where they differ; copy it word for word.',
  },
  'value-not-in-quote': {
    area: 'dataset',
    zh: '数值不在原句中',
    en: 'value not in its quote',
    fixZh: '改正数值或日期，或换一个包含该数字的原句。',
    fixEn: 'Fix the value or date, or quote the sentence that prints it.',
  },
  'unit-not-in-quote': {
    area: 'dataset',
    zh: '单位与原句不符',
    en: 'unit not as printed',
    fixZh: '照原句印出的单位写。',
    fixEn: 'Use the unit the quote prints.',
  },
  'wrong-qualifier': {
    area: 'dataset',
    zh: '限定词与原句不符',
    en: 'qualifier not as printed',
    fixZh: '按报错加上或删掉 qualifier（约、多、以上、左右、近、末、年底）；日期没印年份时用 yearInferred。',
    fixEn: 'Add or remove the qualifier as the message says; use yearInferred only when the year is not printed.',
  },
  formula: {
    area: 'dataset',
    zh: '算式有误',
    en: 'formula error',
    fixZh: '算式只用行 id、数字、+ − × ÷ 和括号，减号两边加空格；inputs 列出算式用到的每一行。',
    fixEn: 'Use row ids, numbers, + − × ÷ and parentheses, minus with spaces; list every row used in inputs.',
  },
  'formula-value': {
    area: 'dataset',
    zh: '存的值不是算式结果',
    en: 'stored value is not the formula’s result',
    fixZh: '改成报错给出的结果（按存的小数位四舍五入）。',
    fixEn: 'Store the result the message gives, rounded to the decimals stored.',
  },
  'unknown-row': {
    area: 'dataset',
    zh: '行 id 不存在',
    en: 'unknown row',
    fixZh: '改成数据集中存在的行 id；报错会给出最接近的 id。',
    fixEn: 'Name a row of the dataset; the message names the closest one.',
  },
  'duplicate-id': {
    area: 'dataset',
    zh: 'id 重复',
    en: 'duplicate id',
    fixZh: '行 id 在数据集内唯一，图表 id 在全站唯一：改掉其中一个。',
    fixEn: 'Row ids are unique in a dataset, chart ids across the site: rename one.',
  },
  'id-mismatch': {
    area: 'dataset',
    zh: 'id 与文件名不一致',
    en: 'id and file name differ',
    fixZh: '改文件名或改 id，使两者一致。',
    fixEn: 'Rename the file or change the id so they agree.',
  },
  'unknown-story': {
    area: 'dataset',
    zh: '文章不存在',
    en: 'unknown story',
    fixZh: '写 content/stories/ 下的文件名（不带 .mdx）；报错会给出最接近的。',
    fixEn: 'Name a file of content/stories/ without .mdx; the message names the closest one.',
  },
  'not-covered': {
    area: 'report',
    zh: '原文数字未被覆盖',
    en: 'number of the report not covered',
    fixZh: '为它加一个数据行，或在 content/data/not-data.json 中说明它为什么不是数据。',
    fixEn: 'Add a row that quotes it, or list it in not-data.json with the reason it is not data.',
  },
  'not-data': {
    area: 'dataset',
    zh: 'not-data.json 条目有误',
    en: 'wrong not-data entry',
    fixZh: 'text 是段落中一字不差、包含数字的片段；heldAs 指向存在的行。',
    fixEn: 'text is a word-for-word span of the paragraph with its number; heldAs names existing rows.',
  },
  'unknown-report': {
    area: 'story',
    zh: '报道不存在',
    en: 'unknown report',
    fixZh: 'report 写 content/reports/ 下的文件夹名；报错会给出最接近的。',
    fixEn: 'Name a folder of content/reports/; the message names the closest one.',
  },
  'other-report': {
    area: 'dataset',
    zh: '段落属于另一份报道',
    en: 'paragraph of another report',
    fixZh: '数据集和文章只引用自己 report 的段落：改用本报道的段落，或把这一行移到那份报道的数据集。',
    fixEn: 'Quote only paragraphs of the dataset’s or story’s own report, or move the row to a dataset of that report.',
  },
  'report-shape': {
    area: 'report',
    zh: '原文文件结构不对',
    en: 'report file out of shape',
    fixZh: '按报错改正原文文件（段落 id、角色、修改记录）。',
    fixEn: 'Fix the report file as the message says (block ids, roles, the corrections log).',
  },
  'report-folder': {
    area: 'report',
    zh: '报道文件夹不完整',
    en: 'report folder incomplete',
    fixZh:
      '每个 content/reports/<报道 id>/ 文件夹都要有 received.txt、report.json、corrections.json 和 meta.json；文件夹名用小写字母、数字和连字符。',
    fixEn:
      'Each content/reports/<report-id>/ holds received.txt, report.json, corrections.json and meta.json; the folder name is kebab-case.',
  },
  'key-figure-report': {
    area: 'report',
    zh: '重点数字不属于本报道',
    en: 'key figure of another report',
    fixZh: 'key-figures.json 只选本报道数据集里的行：改用本报道的数据集。',
    fixEn: 'A report’s key-figures.json names rows of its own datasets only.',
  },
  'key-figure-story': {
    area: 'report',
    zh: '重点数字链接的文章不用这个数据集',
    en: 'key figure linked to a story that does not show it',
    fixZh: 'key-figures.json 的 story 要写展示这个数字的文章，即数据集 "stories" 里的一篇。',
    fixEn: 'A key figure links to a story that shows it: one of its dataset’s "stories".',
  },
  'key-figure-not-quoted': {
    area: 'report',
    zh: '重点数字不是原文数字',
    en: 'key figure not quoted from the report',
    fixZh: '重点数字要选有 source 的行（原文给出的数），不能是日期或本站算出的数。',
    fixEn: 'Choose a row with "source" (a number the report states), not a date or a computed value.',
  },
  'frontmatter-unclosed': {
    area: 'story',
    zh: 'frontmatter 没有结束',
    en: 'frontmatter not closed',
    fixZh: '文件开头的 --- 和最后一个字段之后都要有单独一行 ---。',
    fixEn: 'Put a line --- before the first field and another after the last one.',
  },
  'frontmatter-yaml': {
    area: 'story',
    zh: 'frontmatter 写法不对',
    en: 'malformed frontmatter',
    fixZh: '每行写成 字段: 值；值里有冒号或以引号开头时整体加双引号；列表项写成“  - 值”。',
    fixEn: 'Write field: value per line; quote a value that holds a colon; list items as "  - value".',
  },
  'unknown-dataset': {
    area: 'story',
    zh: '数据集不存在',
    en: 'unknown dataset',
    fixZh: '写 content/data/ 中的文件名（不带 .json）；报错会给出最接近的。',
    fixEn: 'Name a file of content/data/ without .json; the message names the closest one.',
  },
  'dataset-not-listed': {
    area: 'story',
    zh: '数据集未列入 frontmatter',
    en: 'dataset not listed in the frontmatter',
    fixZh: '把它加到 frontmatter 的 datasets。',
    fixEn: 'Add it to the frontmatter’s datasets.',
  },
  'mdx-syntax': {
    area: 'mdx',
    zh: '组件标签写法不对',
    en: 'malformed component call',
    fixZh: '组件写成 <Chart 名="值" … />：自闭合，属性值加双引号。',
    fixEn: 'Write <Chart name="value" … />: self-closing, values in double quotes.',
  },
  'unknown-component': {
    area: 'mdx',
    zh: '未知组件',
    en: 'unknown component',
    fixZh: '只能用 Chart、Fig、Src、IconList、KeyFigure、FactBox 等指南列出的组件；报错会给出最接近的名字。',
    fixEn: 'Use the components the guide lists; the message names the closest one.',
  },
  'missing-attribute': {
    area: 'mdx',
    zh: '缺少属性',
    en: 'missing attribute',
    fixZh: '补上所列属性。',
    fixEn: 'Add the attributes listed.',
  },
  'unknown-attribute': {
    area: 'mdx',
    zh: '未知属性',
    en: 'unknown attribute',
    fixZh: '属性名拼错了（例如 row 应为 rows）：报错会给出最接近的名字和这种图表接受的属性。',
    fixEn: 'The attribute is misspelt (row for rows): the message names the closest one and what the kind accepts.',
  },
  'unknown-chart-kind': {
    area: 'mdx',
    zh: '图表类型不存在',
    en: 'unknown chart kind',
    fixZh: '从列出的类型中选一种，见图表库（/guide/gallery/）。',
    fixEn: 'Pick one of the kinds listed; see the gallery.',
  },
  'not-comparable': {
    area: 'mdx',
    zh: '不可比的数字画在一张图里',
    en: 'rows that cannot share a chart',
    fixZh: '一张图只画同一单位、同一种东西的数字，或数据集声明的整体及其组成部分；否则分成几张图、用表格或事实框。',
    fixEn:
      'Draw only rows of one unit and one kind of thing, or declared parts of a whole; else small multiples, a table or a fact box.',
  },
  'fig-mismatch': {
    area: 'mdx',
    zh: '正文数字与数据行不符',
    en: 'figure in the text differs from its row',
    fixZh: '<Fig> 中的文字要与数据行的值（含单位和限定词）一模一样；改正文或数据集。',
    fixEn: 'The words inside <Fig> must be the row’s value as printed; correct one of them.',
  },
  'unknown-icon': {
    area: 'mdx',
    zh: '图标不存在',
    en: 'unknown icon',
    fixZh: '用 Tabler 图标集中的名字（不带前缀）；报错会给出最接近的。',
    fixEn: 'Use a Tabler icon name without prefix; the message names the closest one.',
  },
} as const satisfies Record<string, MessageKind>;

export type MessageKindId = keyof typeof MESSAGE_KINDS;
