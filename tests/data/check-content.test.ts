/**
 * The content check, case by case, on a corpus of broken content (tests/fixtures/content-errors/): a small
 * fictional project (base/) that passes, and for each mistake an editor makes, the same project with that one
 * mistake. Each case asserts the file, line and column of the one message, its kind and its words, and that no
 * other message appears (a mistake's consequences are not reported as further mistakes).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { checkContent, diskFiles, overlayFiles } from '../../src/data/check-content.ts';
import { formatReport, problemLine, type Problem } from '../../src/data/diagnostics.ts';
import { MESSAGE_KINDS, type MessageKindId } from '../../src/data/messages.ts';

const baseDir = 'tests/fixtures/content-errors/base';
const base = diskFiles(baseDir);
const DATA = 'content/data/harbour-projects.json';
const STORY = 'content/stories/harbour.mdx';
const REPORT = 'content/reports/fiction-2020-01/report.json';
const NOT_DATA = 'content/data/not-data.json';
const META = 'content/reports/fiction-2020-01/meta.json';
const CORRECTIONS = 'content/reports/fiction-2020-01/corrections.json';
const FIGURES = 'content/reports/fiction-2020-01/key-figures.json';
/** A second fictional report with one dataset, for a key figure that names a dataset of another report. */
const OTHER_REPORT: Record<string, string> = {
  'content/reports/fiction-2020-02/report.json':
    '{ "sections": [ { "id": "river", "kind": "brief", "blocks": [ { "id": "fiction-2020-02-p01", "role": "body", "text": "青禾县又建成渡口2个。" } ] } ] }\n',
  'content/reports/fiction-2020-02/meta.json': base
    .read(META)!
    .replace('"2020-01"', '"2020-02"')
    .replace('"2020年1月"', '"2020年2月"'),
  'content/reports/fiction-2020-02/corrections.json': '{ "repairs": [], "noted": [] }\n',
  'content/reports/fiction-2020-02/received.txt': '青禾县又建成渡口2个。（虚构的测试文本）\n',
  'content/data/ferries.json': JSON.stringify(
    {
      id: 'ferries',
      report: 'fiction-2020-02',
      title: '青禾县渡口',
      description: '虚构的测试数据。',
      stories: ['harbour'],
      asOf: '2020年2月',
      unitNote: '个：渡口数。',
      notes: [],
      rows: [
        {
          id: 'built',
          label: '又建成渡口',
          value: 2,
          unit: '个',
          source: { paragraph: 'fiction-2020-02-p01', quote: '又建成渡口2个' },
        },
      ],
    },
    null,
    2,
  ),
};

/** Replaces `from` by `to` in a base file (exactly once, so a case cannot silently miss its target). */
function edit(file: string, from: string | RegExp, to: string): Record<string, string> {
  const text = base.read(file)!;
  const count =
    typeof from === 'string' ? text.split(from).length - 1 : (text.match(new RegExp(from, 'g')) ?? []).length;
  if (count !== 1) throw new Error(`case edit: ${String(from)} occurs ${count} times in ${file}`);
  return { [file]: text.replace(from, to) };
}

/** The line and column of the first occurrence of `needle` in a case's version of a file. */
function find(
  files: Record<string, string | null>,
  file: string,
  needle: string,
  nth = 0,
  after = false,
): [number, number] {
  const text = files[file] ?? base.read(file)!;
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`${needle} not in ${file}`);
  if (after) at += needle.length;
  const before = text.slice(0, at).split('\n');
  return [before.length, [...before.at(-1)!].length + 1];
}

interface Case {
  name: string;
  files: Record<string, string | null>;
  /** Where the one message points: file, and the text it points at (or a line and column). */
  file: string;
  at: string | [number, number];
  nth?: number;
  /** Point just after `at` rather than at it (a missing comma belongs after the value). */
  after?: boolean;
  kind: MessageKindId;
  /** Words the message must contain (what is wrong, and the fix). */
  says: (string | RegExp)[];
}

const run = (files: Record<string, string | null>) => checkContent(overlayFiles(base, files));

const cases: Case[] = [
  // Datasets: JSON
  {
    name: 'malformed JSON: a missing comma',
    files: edit(DATA, '"label": "码头项目共计",', '"label": "码头项目共计"'),
    file: DATA,
    at: '"码头项目共计"',
    after: true,
    kind: 'json-syntax',
    says: ['a comma is missing after this value, before the next field', 'add a comma here'],
  },
  {
    name: 'malformed JSON: a trailing comma',
    files: edit(DATA, '"notes": [],', '"notes": [],,'),
    file: DATA,
    at: '"notes": [],',
    after: true,
    kind: 'json-syntax',
    says: ['two commas in a row', 'remove one'],
  },
  {
    name: 'malformed JSON: the file is cut short',
    files: { [DATA]: base.read(DATA)!.slice(0, base.read(DATA)!.indexOf('"id": "in-use"') + 6) },
    file: DATA,
    at: '"id": ',
    nth: 2,
    after: true,
    kind: 'json-syntax',
    says: ['the file ends where a value should be'],
  },
  {
    name: 'a full-width digit in a dataset value',
    files: edit(DATA, '"value": 12,', '"value": １2,'),
    file: DATA,
    at: '１2',
    kind: 'number-typo',
    says: ['“１2” is written with full-width digits (１)', 'write 12'],
  },
  {
    name: 'a stray space inside a dataset value',
    files: edit(DATA, '"value": 3.5,', '"value": 3. 5,'),
    file: DATA,
    at: '3. 5',
    kind: 'number-typo',
    says: ['a stray space inside the number "3. 5"', 'write it without the space: 3.5'],
  },
  {
    name: 'a value written as a string, once (not again for the rows computed from it)',
    files: edit(DATA, '"value": 12,', '"value": "12个",'),
    file: DATA,
    at: '"12个"',
    kind: 'wrong-value',
    says: ['"12个" is text, not a number (row "total")', 'write 12 without quotes (the unit goes in "unit")'],
  },
  {
    name: 'a value written as a string with full-width digits',
    files: edit(DATA, '"value": 30,', '"value": "３０亿",'),
    file: DATA,
    at: '"３０亿"',
    kind: 'number-typo',
    says: ['full-width digits (３０)', 'write 30 without quotes'],
  },
  // Datasets: fields
  {
    name: 'a missing field',
    files: edit(DATA, '  "title": "青禾县码头项目",\n', ''),
    file: DATA,
    at: [1, 1],
    kind: 'missing-field',
    says: ['the dataset has no "title"', 'add "title"'],
  },
  {
    name: 'a misspelt field',
    files: edit(DATA, '"qualifier": "约"', '"qualifer": "约"'),
    file: DATA,
    at: '"qualifer"',
    kind: 'unknown-field',
    says: ['"qualifer" is not a field of rows[3] (row "investment")', 'did you mean "qualifier"?'],
  },
  {
    name: 'an unknown unit',
    files: edit(DATA, '"unit": "平方公里"', '"unit": "平方公理"'),
    file: DATA,
    at: '"平方公理"',
    kind: 'invalid-choice',
    says: ['"平方公理" is not a known unit (row "park-area")', 'did you mean "平方公里"?'],
  },
  {
    name: 'a unit typed with full-width letters',
    files: edit(DATA, '"value": 5,\n      "unit": "个"', '"value": 5,\n      "unit": "％"'),
    file: DATA,
    at: '"％"',
    kind: 'number-typo',
    says: ['the unit "％" is written with full-width characters (row "in-use")', 'write "%"'],
  },
  {
    name: 'a qualifier that is not one',
    files: edit(DATA, '"qualifier": "约"', '"qualifier": "大约"'),
    file: DATA,
    at: '"大约"',
    kind: 'invalid-choice',
    says: ['"大约" is not one of the values of qualifier', 'did you mean "约"?'],
  },
  {
    name: 'a row with neither source nor derived',
    files: edit(DATA, ',\n      "source": { "paragraph": "harbour-p03", "quote": "占地3.5平方公里" }', ''),
    file: DATA,
    at: '{\n      "id": "park-area"',
    kind: 'provenance',
    says: ['row "park-area" has neither source nor derived'],
  },
  {
    name: 'a duplicate row id',
    files: edit(
      DATA,
      '"quote": "2019年7月开工" }\n    }\n',
      '"quote": "2019年7月开工" }\n    },\n    {\n      "id": "park-area",\n      "label": "占地",\n      "value": 3.5,\n      "unit": "平方公里",\n      "source": { "paragraph": "harbour-p03", "quote": "占地3.5平方公里" }\n    }\n',
    ),
    file: DATA,
    at: '"park-area"',
    nth: 1,
    kind: 'duplicate-id',
    says: [`"park-area" is already the id of rows[4] (line ${find({}, DATA, '"park-area"')[0]})`],
  },
  {
    name: 'an id that is not the file name',
    files: edit(DATA, '"id": "harbour-projects"', '"id": "harbour"'),
    file: DATA,
    at: '"harbour"',
    kind: 'id-mismatch',
    says: ['the id "harbour" is not the file name harbour-projects.json'],
  },
  {
    name: 'an unknown story',
    files: edit(DATA, '"stories": ["harbour"]', '"stories": ["harbor"]'),
    file: DATA,
    at: '"harbor"',
    kind: 'unknown-story',
    says: ['"harbor" is not a story', 'did you mean "harbour"?'],
  },
  // Datasets: provenance
  {
    name: 'an unknown paragraph',
    files: edit(DATA, '"paragraph": "harbour-p03", "quote": "占地', '"paragraph": "harbour-p30", "quote": "占地'),
    file: DATA,
    at: '"harbour-p30"',
    kind: 'unknown-paragraph',
    says: ['"harbour-p30" is not a paragraph of the report', 'did you mean "harbour-p03"?'],
  },
  {
    name: 'a quote not in its paragraph shows the closest passage and where they differ',
    files: edit(DATA, '"quote": "码头项目共计12个"', '"quote": "码头项目合计12个"'),
    file: DATA,
    at: '"码头项目合计12个"',
    kind: 'quote-not-in-paragraph',
    says: [
      'the quote is not in paragraph harbour-p02',
      'copy it word for word from /reports/fiction-2020-01/source/#harbour-p02',
    ],
  },
  {
    name: 'a quote with full-width digits',
    files: edit(DATA, '"quote": "码头项目共计12个"', '"quote": "码头项目共计１２个"'),
    file: DATA,
    at: '１２',
    kind: 'number-typo',
    says: ['full-width digits (１２)', 'write "码头项目共计12个"'],
  },
  {
    name: 'a value not in its quote',
    files: edit(DATA, '"value": 5,', '"value": 6,'),
    file: DATA,
    at: '6,',
    kind: 'value-not-in-quote',
    says: ['6 does not occur in the quote "已建成投入使用5个"; the quote states 5个'],
  },
  {
    name: 'a unit not as printed',
    files: edit(DATA, '"value": 5,\n      "unit": "个"', '"value": 5,\n      "unit": "家"'),
    file: DATA,
    at: '"家"',
    kind: 'unit-not-in-quote',
    says: ['"家" is not the unit printed with 5'],
  },
  {
    name: 'a qualifier left out',
    files: edit(DATA, '      "qualifier": "约",\n', ''),
    file: DATA,
    at: '30,',
    kind: 'wrong-qualifier',
    says: ['the quote prints "约30亿元"', 'set "qualifier": "约"'],
  },
  {
    name: 'a date not in its quote',
    files: edit(DATA, '"value": "2019-07"', '"value": "2019-08"'),
    file: DATA,
    at: '"2019-08"',
    kind: 'value-not-in-quote',
    says: ['2019-08 (年月) is printed "2019年8月", which does not occur in the quote'],
  },
  // Datasets: formulas
  {
    name: 'a formula input that is not a row',
    files: edit(DATA, '"inputs": ["total", "in-use"]', '"inputs": ["total", "in-sue"]'),
    file: DATA,
    at: '"in-sue"',
    kind: 'unknown-row',
    says: ['"in-sue" is not a row of dataset harbour-projects', 'did you mean "in-use"?'],
  },
  {
    name: 'a formula naming a row it does not list',
    files: edit(DATA, '"formula": "total - in-use"', '"formula": "total - in-use - park-area"'),
    file: DATA,
    at: 'park-area"',
    kind: 'formula',
    says: ['uses "park-area", which is not in derived.inputs'],
  },
  {
    name: 'a minus without spaces, read as one id',
    files: edit(DATA, '"formula": "total - in-use"', '"formula": "total-in-use"'),
    file: DATA,
    at: 'total-in-use',
    kind: 'formula',
    says: ['uses "total-in-use", which is not in derived.inputs', 'write minus with spaces: "total - in-use"'],
  },
  {
    name: 'a formula that cannot be read',
    files: edit(DATA, '"formula": "total - in-use"', '"formula": "total % in-use"'),
    file: DATA,
    at: '% in-use',
    kind: 'formula',
    says: ['cannot read the formula at "% in-use"'],
  },
  {
    name: 'a stored value that is not the formula’s result',
    files: edit(DATA, '"value": 7,', '"value": 8,'),
    file: DATA,
    at: '8,',
    kind: 'formula-value',
    says: ['8 is not what the formula "total - in-use" gives: 7'],
  },
  // The report and the not-data list
  {
    name: 'a number of the report that no row and no not-data entry covers',
    files: edit(REPORT, '总投资约30亿元。', '总投资约30亿元，另有3个在建。'),
    file: REPORT,
    at: '3个在建',
    kind: 'not-covered',
    says: ['3 in “', 'is neither the value of a row quoting it nor listed in content/data/not-data.json'],
  },
  {
    name: 'a not-data entry whose text is not in its paragraph',
    files: {
      [NOT_DATA]:
        '{\n  "entries": [\n    { "paragraph": "harbour-p02", "text": "共有13个", "reason": "虚构的测试条目" }\n  ]\n}\n',
    },
    file: NOT_DATA,
    at: '"共有13个"',
    kind: 'not-data',
    says: ['"共有13个" does not occur in paragraph harbour-p02'],
  },
  {
    name: 'a part of a schematic whose quote is not in its paragraph',
    files: {
      'content/diagrams/harbour-map.json': JSON.stringify(
        {
          id: 'harbour-map',
          title: '虚构的示意图',
          elements: [
            {
              id: 'park',
              label: '沿河物流园',
              group: 'area',
              source: { paragraph: 'harbour-p03', quote: '新建的沿江物流园' },
            },
          ],
        },
        null,
        2,
      ),
    },
    file: 'content/diagrams/harbour-map.json',
    at: '"新建的沿江物流园"',
    kind: 'quote-not-in-paragraph',
    says: ['the quote is not in paragraph harbour-p03'],
  },
  // A report folder's own files
  {
    name: 'report.json: a block role that is not one of the roles',
    files: edit(REPORT, '"role": "headline"', '"role": "headlin"'),
    file: REPORT,
    at: '"headlin"',
    kind: 'invalid-choice',
    says: ['"headlin" is not one of the values of sections[0].blocks[0].role', 'did you mean "headline"?'],
  },
  {
    name: 'meta.json: a misspelt field',
    files: edit(META, '"byline":', '"bylne":'),
    file: META,
    at: '"bylne"',
    kind: 'unknown-field',
    says: ['"bylne" is not a field of meta.json', 'did you mean "byline"?'],
  },
  {
    name: 'meta.json: a required field left out',
    files: edit(META, '  "period": "2020年1月",\n', ''),
    file: META,
    at: [1, 1],
    kind: 'missing-field',
    says: ['meta.json has no "period"', 'add "period": …'],
  },
  {
    name: 'meta.json: a sort key written in words',
    files: edit(META, '"key": "2020-01"', '"key": "2020年1月"'),
    file: META,
    at: '"2020年1月"',
    kind: 'report-shape',
    says: ['key: is a sortable key such as "2021-09"'],
  },
  {
    name: 'meta.json: malformed JSON',
    files: edit(META, '"place": "青禾县",', '"place": "青禾县"'),
    file: META,
    at: '"青禾县"',
    after: true,
    kind: 'json-syntax',
    says: ['a comma is missing'],
  },
  {
    name: 'corrections.json: a repair of a paragraph the report does not have',
    files: edit(CORRECTIONS, '"paragraph": "harbour-p02"', '"paragraph": "harbour-p20"'),
    file: CORRECTIONS,
    at: '"harbour-p20"',
    kind: 'unknown-paragraph',
    says: ['"harbour-p20" is not a paragraph of this report', 'did you mean "harbour-p02"?'],
  },
  {
    name: 'corrections.json: a repair kind that is not one of the kinds',
    files: edit(CORRECTIONS, '"kind": "punctuation"', '"kind": "punctation"'),
    file: CORRECTIONS,
    at: '"punctation"',
    kind: 'invalid-choice',
    says: ['"punctation" is not one of the values of repairs[0].kind', 'did you mean "punctuation"?'],
  },
  {
    name: 'a report folder without its corrections log',
    files: { [CORRECTIONS]: null },
    file: CORRECTIONS,
    at: [1, 1],
    kind: 'report-folder',
    says: ['the report folder content/reports/fiction-2020-01/ has no corrections.json'],
  },
  {
    name: 'a report folder whose name is not a report id',
    files: {
      'content/reports/Fiction_2020/report.json':
        '{ "sections": [ { "id": "river", "kind": "brief", "blocks": [ { "id": "river-p01", "role": "body", "text": "虚构的正文。" } ] } ] }\n',
    },
    file: 'content/reports/Fiction_2020',
    at: [1, 1],
    kind: 'report-folder',
    says: ['"Fiction_2020" is not a report id', 'rename the folder'],
  },
  {
    name: 'key-figures.json: an unknown dataset',
    files: edit(
      FIGURES,
      '"dataset": "harbour-projects", "row": "investment"',
      '"dataset": "harbor-projects", "row": "investment"',
    ),
    file: FIGURES,
    at: '"harbor-projects"',
    kind: 'unknown-dataset',
    says: ['"harbor-projects" is not a dataset in content/data/', 'did you mean "harbour-projects"?'],
  },
  {
    name: 'key-figures.json: an unknown row',
    files: edit(FIGURES, '"row": "investment"', '"row": "invest"'),
    file: FIGURES,
    at: '"invest"',
    kind: 'unknown-row',
    says: ['dataset "harbour-projects" has no row "invest"', 'did you mean "investment"?'],
  },
  {
    name: 'key-figures.json: an unknown story',
    files: edit(
      FIGURES,
      '{ "story": "harbour", "dataset": "harbour-projects", "row": "total"',
      '{ "story": "harbor", "dataset": "harbour-projects", "row": "total"',
    ),
    file: FIGURES,
    at: '"harbor"',
    kind: 'unknown-story',
    says: ['"harbor" is not a story in content/stories/', 'did you mean "harbour"?'],
  },
  {
    name: 'key-figures.json: a date as a key figure',
    files: edit(FIGURES, '"row": "total"', '"row": "park-start"'),
    file: FIGURES,
    at: '"park-start"',
    kind: 'key-figure-not-quoted',
    says: ['row "park-start" of "harbour-projects" is a date, not a number quoted from the report'],
  },
  {
    name: 'key-figures.json: a row of another report’s dataset',
    files: {
      ...OTHER_REPORT,
      ...edit(FIGURES, '"dataset": "harbour-projects", "row": "total"', '"dataset": "ferries", "row": "built"'),
    },
    file: FIGURES,
    at: '"ferries"',
    kind: 'key-figure-report',
    says: ['"ferries" is a dataset of report "fiction-2020-02", not of fiction-2020-01', 'harbour-projects'],
  },
  {
    name: 'key-figures.json: a story that does not show the dataset',
    files: {
      ...edit(
        FIGURES,
        '{ "story": "harbour", "dataset": "harbour-projects", "row": "total"',
        '{ "story": "greenway", "dataset": "harbour-projects", "row": "total"',
      ),
      // A second story of the same report that does not use the dataset (fiction).
      'content/stories/greenway.mdx': base
        .read('content/stories/harbour.mdx')!
        .replace(/\n<Chart[^\n]*\n/g, '\n')
        .replace('datasets:\n  - harbour-projects\n', '')
        .replace(/<Fig[^>]*>([^<]*)<\/Fig>/g, '$1'),
    },
    file: FIGURES,
    at: '"greenway"',
    kind: 'key-figure-story',
    says: ['"greenway" is not a story of dataset "harbour-projects" (its "stories" are harbour)'],
  },
  {
    name: 'key-figures.json: a misspelt field',
    files: edit(FIGURES, '"strip": true', '"stripe": true'),
    file: FIGURES,
    at: '"stripe"',
    kind: 'unknown-field',
    says: ['"stripe" is not a field of figures[1]', 'did you mean "strip"?'],
  },
  // Stories: frontmatter
  {
    name: 'the closing --- of the frontmatter missing',
    files: edit(STORY, 'period: "2020年1月"\n---\n', 'period: "2020年1月"\n'),
    file: STORY,
    at: [1, 1],
    kind: 'frontmatter-unclosed',
    says: [
      'the frontmatter opened by --- on line 1 is never closed',
      'add a line --- after the last field (after line 15)',
    ],
  },
  {
    name: 'a closing line with two hyphens',
    files: edit(STORY, 'period: "2020年1月"\n---\n', 'period: "2020年1月"\n--\n'),
    file: STORY,
    at: [16, 1],
    kind: 'frontmatter-unclosed',
    says: ['the frontmatter\'s closing line is "--", not ---'],
  },
  {
    name: 'frontmatter that is not YAML',
    files: edit(STORY, 'title: "青禾县码头建设提速"', 'title: "青禾县码头建设提速'),
    file: STORY,
    at: '"青禾县码头建设提速\n',
    kind: 'frontmatter-yaml',
    says: ['the value of title opens with " but the quote is not closed on its line', 'end it with "'],
  },
  {
    name: 'a missing frontmatter field',
    files: edit(STORY, 'byline: "测试组 记者"\n', ''),
    file: STORY,
    at: [15, 1],
    kind: 'missing-field',
    says: ['the frontmatter has no "byline"', 'add a line byline: …'],
  },
  {
    name: 'a frontmatter value that is not one of the choices',
    files: edit(STORY, 'kind: brief', 'kind: breif'),
    file: STORY,
    at: 'breif',
    kind: 'invalid-choice',
    says: ['kind: "breif" is not one of feature, brief', 'did you mean "brief"?'],
  },
  {
    name: 'an unknown source paragraph in the frontmatter',
    files: edit(STORY, '  - harbour-p03\n', '  - harbour-p33\n'),
    file: STORY,
    at: 'harbour-p33',
    kind: 'unknown-paragraph',
    says: ['sources: "harbour-p33" is not a paragraph of the report', 'did you mean "harbour-p03"?'],
  },
  {
    name: 'an unknown dataset in the frontmatter',
    files: edit(STORY, '  - harbour-projects\n', '  - harbour-project\n'),
    file: STORY,
    at: 'harbour-project\n',
    kind: 'unknown-dataset',
    says: ['datasets: "harbour-project" names no dataset', 'did you mean "harbour-projects"?'],
  },
  {
    name: 'an unknown report in the frontmatter',
    files: edit(STORY, 'report: fiction-2020-01', 'report: fiction-2020-1'),
    file: STORY,
    at: 'fiction-2020-1\n',
    kind: 'unknown-report',
    says: ['report: "fiction-2020-1" is not a report', 'did you mean "fiction-2020-01"?'],
  },
  {
    name: 'a source paragraph of another report',
    files: {
      ...OTHER_REPORT,
      ...edit(STORY, '  - harbour-p03\n', '  - harbour-p03\n  - fiction-2020-02-p01\n'),
    },
    file: STORY,
    at: 'fiction-2020-02-p01',
    kind: 'other-report',
    says: [
      'sources: "fiction-2020-02-p01" is a paragraph of report "fiction-2020-02"',
      'cite a paragraph of fiction-2020-01',
    ],
  },
  {
    name: 'a section that none of the sources is in',
    files: edit(STORY, 'section: harbour', 'section: harbor'),
    file: STORY,
    at: 'harbor\n',
    kind: 'invalid-choice',
    says: ['section: "harbor" is not the section of any paragraph in sources', 'use "harbour"'],
  },
  // Stories: component calls
  {
    name: '<Chart rows> misspelt',
    files: edit(STORY, 'rows="total,in-use,remaining"', 'row="total,in-use,remaining"'),
    file: STORY,
    at: 'row=',
    kind: 'unknown-attribute',
    says: ['row="…" is not an option of kind="stacked"', 'did you mean rows="…"?'],
  },
  {
    name: 'an option the chart kind does not take',
    files: edit(STORY, 'kind="stacked"', 'kind="stacked" sort="desc"'),
    file: STORY,
    at: 'sort=',
    kind: 'unknown-attribute',
    says: ['sort="…" is not an option of kind="stacked"', 'kind="stacked" takes: width, remainderLabel, total'],
  },
  {
    name: 'an unknown row in <Chart rows>',
    files: edit(STORY, 'rows="total,in-use,remaining"', 'rows="total,in-use,remainder"'),
    file: STORY,
    at: 'remainder',
    kind: 'unknown-row',
    says: ['rows: dataset "harbour-projects" has no row "remainder"', 'did you mean "remaining"?'],
  },
  {
    name: 'an option value the kind does not accept',
    files: edit(STORY, 'kind="stacked"', 'kind="stacked" width="wide"'),
    file: STORY,
    at: 'wide',
    kind: 'wrong-value',
    says: ['width="wide"'],
  },
  {
    name: 'rows that cannot share a chart',
    files: edit(STORY, 'rows="in-use,total"', 'rows="investment,total"'),
    file: STORY,
    at: 'investment,total',
    kind: 'not-comparable',
    says: ['one axis would carry different units: 亿元 (investment) beside 个 (total)', 'draw small multiples'],
  },
  {
    name: 'an unknown chart kind',
    files: edit(STORY, 'kind="stacked"', 'kind="stacks"'),
    file: STORY,
    at: 'stacks',
    kind: 'unknown-chart-kind',
    says: ['kind="stacks" is not a chart kind', 'did you mean "stacked"?'],
  },
  {
    name: 'an unknown dataset in <Chart>',
    files: edit(STORY, 'dataset="harbour-projects" kind="progress"', 'dataset="harbor-projects" kind="progress"'),
    file: STORY,
    at: 'harbor-projects',
    kind: 'unknown-dataset',
    says: ['dataset="harbor-projects" names no dataset', 'did you mean "harbour-projects"?'],
  },
  {
    name: 'a chart attribute missing',
    files: edit(STORY, ' takeaway="已建成5个。"', ''),
    file: STORY,
    at: '<Chart id="harbour-progress"',
    kind: 'missing-attribute',
    says: ['<Chart> has no takeaway="…"'],
  },
  {
    name: 'a chart whose dataset the frontmatter does not list',
    files: {
      ...edit(STORY, 'dataset="harbour-projects" kind="progress"', 'dataset="harbour-extra" kind="progress"'),
      'content/data/harbour-extra.json': base.read(DATA)!.replace('"id": "harbour-projects"', '"id": "harbour-extra"'),
    },
    file: STORY,
    at: 'harbour-extra',
    kind: 'dataset-not-listed',
    says: [
      'the chart uses dataset "harbour-extra", which the frontmatter\'s datasets do not list',
      'add "  - harbour-extra"',
    ],
  },
  {
    name: 'a report without sections',
    files: { [REPORT]: '{ "blocks": [] }\n' },
    file: REPORT,
    at: [1, 1],
    kind: 'report-shape',
    says: ['the report has no "sections" list'],
  },
  {
    name: 'a duplicate chart id',
    files: edit(STORY, 'id="harbour-progress"', 'id="harbour-status"'),
    file: STORY,
    at: 'harbour-status',
    nth: 1,
    kind: 'duplicate-id',
    says: ['the chart id "harbour-status" is already used in content/stories/harbour.mdx:20'],
  },
  {
    name: 'a full-width digit in <Fig> text',
    files: edit(STORY, 'r="total">12个</Fig>', 'r="total">１２个</Fig>'),
    file: STORY,
    at: '１２个',
    kind: 'number-typo',
    says: ['<Fig> text: “１２” is written with full-width digits (１２)', 'write 12个'],
  },
  {
    name: 'a stray space in <Fig> text',
    files: edit(STORY, 'r="total">12个</Fig>', 'r="total">12 个</Fig>'),
    file: STORY,
    at: '12 个',
    kind: 'number-typo',
    says: ['<Fig> text "12 个" has a stray space', 'write 12个'],
  },
  {
    name: '<Fig> text that is not its row',
    files: edit(STORY, 'r="total">12个</Fig>', 'r="total">13个</Fig>'),
    file: STORY,
    at: '13个',
    kind: 'fig-mismatch',
    says: ['the text says "13个" but row "total" of harbour-projects holds 12个'],
  },
  {
    name: 'an unknown row in <Fig>',
    files: edit(STORY, 'r="total">12个', 'r="totl">12个'),
    file: STORY,
    at: 'totl',
    kind: 'unknown-row',
    says: ['dataset "harbour-projects" has no row "totl"', 'did you mean "total"?'],
  },
  {
    name: 'an unknown paragraph in <Src>',
    files: edit(STORY, '<Src p="harbour-p03" />', '<Src p="harbour-p3" />'),
    file: STORY,
    at: 'harbour-p3"',
    kind: 'unknown-paragraph',
    says: ['<Src p="harbour-p3">: "harbour-p3" is not a paragraph of the report', 'did you mean "harbour-p03"?'],
  },
  {
    name: 'an unknown row in <KeyFigure>',
    files: edit(STORY, 'r="investment"', 'r="invest"'),
    file: STORY,
    at: 'invest"',
    kind: 'unknown-row',
    says: [
      '<KeyFigure d="harbour-projects" r="invest">: dataset "harbour-projects" has no row "invest"',
      'did you mean "investment"?',
    ],
  },
  {
    name: 'an unknown row in <FactBox rows>',
    files: edit(STORY, 'rows="park-area,park-start"', 'rows="park-area,park-strat"'),
    file: STORY,
    at: 'park-strat',
    kind: 'unknown-row',
    says: [
      '<FactBox d="harbour-projects">: dataset "harbour-projects" has no row "park-strat"',
      'did you mean "park-start"?',
    ],
  },
  {
    name: 'a misspelt attribute of <FactBox>',
    files: edit(STORY, 'rows="park-area,park-start"', 'row="park-area,park-start"'),
    file: STORY,
    at: 'row="park',
    kind: 'unknown-attribute',
    says: ['<FactBox> has no attribute row', 'did you mean rows?'],
  },
  {
    name: 'an unknown component',
    files: edit(STORY, '<Src p="harbour-p03" />', '<Scr p="harbour-p03" />'),
    file: STORY,
    at: 'Scr',
    kind: 'unknown-component',
    says: ['<Scr> is not a component articles can use', 'did you mean <Src>?'],
  },
  {
    name: 'an unknown icon in <IconList>',
    files: edit(STORY, "icon: 'truck'", "icon: 'truk'"),
    file: STORY,
    at: "'truk'",
    kind: 'unknown-icon',
    says: ['"truk" is not a Tabler icon', 'did you mean "truck"?'],
  },
  {
    name: 'a stray { in the text',
    files: edit(STORY, '2019年7月开工。<Src', '2019年7月开工{。<Src'),
    file: STORY,
    at: '{。',
    kind: 'mdx-syntax',
    says: ['the text cannot be read as MDX', 'close it with }, or write \\{ for a brace'],
  },
  {
    name: 'a <Chart> that does not close itself',
    files: edit(STORY, 'takeaway="已建成5个。" />', 'takeaway="已建成5个。">'),
    file: STORY,
    at: '<Chart id="harbour-progress"',
    kind: 'mdx-syntax',
    says: ['the text cannot be read as MDX', 'end the tag with /> or close it with </Chart>'],
  },
];

function expectOnly(problems: readonly Problem[], c: Case) {
  const lines = problems.map(problemLine);
  expect(problems, `exactly one message:\n${lines.join('\n')}`).toHaveLength(1);
  const [p] = problems as [Problem];
  const [line, column] = typeof c.at === 'string' ? find(c.files, c.file, c.at, c.nth, c.after) : c.at;
  expect(`${p.file}:${p.line}:${p.column}`, lines[0]).toBe(`${c.file}:${line}:${column}`);
  expect(p.kind, lines[0]).toBe(c.kind);
  for (const words of c.says) {
    if (typeof words === 'string') expect(lines[0]).toContain(words);
    else expect(lines[0]).toMatch(words);
  }
}

describe('the content check on a corpus of broken content', () => {
  it('passes the fictional base project without a message', () => {
    const { problems, counts } = checkContent(base);
    expect(problems.map(problemLine)).toEqual([]);
    expect(counts).toEqual({ reports: 1, datasets: 1, values: 6, stories: 1, charts: 2 });
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expectOnly(run(c.files).problems, c);
  });

  it('has a case for every kind of message the checks know', () => {
    const covered = new Set(cases.map((c) => c.kind));
    const untested = Object.keys(MESSAGE_KINDS).filter((k) => !covered.has(k as MessageKindId));
    expect(untested).toEqual([]);
  });
});

describe('consequences are not reported as further mistakes', () => {
  it('a dataset that cannot be read is reported once, not once per chart or figure that uses it', () => {
    const files = edit(DATA, '"label": "码头项目共计",', '"label": "码头项目共计"');
    const { problems } = run(files);
    expect(problems.map(problemLine)).toHaveLength(1);
  });

  it('a broken row is not reported again through the row computed from it or the figure that shows it', () => {
    const { problems } = run(edit(DATA, '"value": 12,', '"value": "12"'));
    expect(problems.map(problemLine)).toHaveLength(1);
  });
});

describe('every mistake in one run', () => {
  const files = {
    ...edit(DATA, '"value": 5,', '"value": 6,'),
    ...edit(STORY, 'kind="stacked"', 'kind="stacks"'),
  };
  Object.assign(files, edit(STORY, '<Src p="harbour-p03" />', '<Src p="harbour-p3" />'));
  files[STORY] = base
    .read(STORY)!
    .replace('kind="stacked"', 'kind="stacks"')
    .replace('<Src p="harbour-p03" />', '<Src p="harbour-p3" />');

  it('lists them sorted by file and line, each with its excerpt, then a count', () => {
    const result = run(files);
    const text = formatReport(result.problems, result.texts);
    const heads = text.split('\n').filter((l) => /^content\//.test(l));
    expect(heads.map((l) => l.replace(/: .*$/, ''))).toEqual([
      `${DATA}:${find(files, DATA, '"value": 6')[0]}:16`,
      `${STORY}:20:${find(files, STORY, 'stacks')[1]}`,
      `${STORY}:22:${find(files, STORY, 'harbour-p3"')[1]}`,
    ]);
    const line = find(files, DATA, '"value": 6')[0];
    expect(text).toContain(`\n  ${line} |       "value": 6,\n     |                ^\n`);
    expect(text.trimEnd().split('\n').at(-1)).toBe('✗ 3 problems in 2 files (3 处问题)');
  });

  it('shows where a quote differs from the closest passage of its paragraph', () => {
    const result = run(edit(DATA, '"quote": "码头项目共计12个"', '"quote": "码头项目合计12个"'));
    const text = formatReport(result.problems, result.texts);
    expect(text).toContain('= the report:  码头项目共计12个');
    expect(text).toContain('= your quote:  码头项目合计12个');
    expect(text).toContain('=                      ^^  “合” where the report has “共”');
  });
});

describe('npm run check:content', () => {
  it('prints ✓ with counts for good content, and exits 0', () => {
    const ok = spawnSync(process.execPath, ['scripts/check-content.ts', '--root', baseDir], { encoding: 'utf8' });
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toBe('✓ content checked: 1 report, 1 datasets (6 values), 1 stories, 2 charts\n');
    expect(ok.status).toBe(0);
  }, 60_000);

  it('answers --help, and refuses an unknown option with one line and the usage', () => {
    const help = spawnSync(process.execPath, ['scripts/check-content.ts', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run check:content -- \[--root <dir>\]\n/);
    const bad = spawnSync(process.execPath, ['scripts/check-content.ts', '--rooot', 'x'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe(
      'check:content: unknown option --rooot; did you mean --root?\nusage: npm run check:content -- [--root <dir>]\n',
    );
  }, 60_000);
});

describe('the project’s own content', () => {
  it('passes the check', () => {
    const { problems } = checkContent(diskFiles('.'));
    expect(problems.map(problemLine)).toEqual([]);
  });
});

describe('no content mistake crashes the check', () => {
  it('300 seeded random edits of the corpus each end in messages with a line and column, never an exception', () => {
    const files = [DATA, STORY, REPORT, NOT_DATA, META, CORRECTIONS, FIGURES];
    const inserts = [
      '"',
      ',',
      '{',
      '}',
      '[',
      ']',
      ':',
      '<',
      '>',
      '/',
      '-',
      '１',
      ' ',
      '\n',
      'x',
      '=',
      "'",
      '\\',
      '---',
    ];
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let broken = 0;
    for (let i = 0; i < 300; i++) {
      const file = files[Math.floor(rand() * files.length)]!;
      let text = base.read(file)!;
      const at = Math.floor(rand() * text.length);
      const op = rand();
      if (op < 0.4) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 5));
      else if (op < 0.8) text = text.slice(0, at) + inserts[Math.floor(rand() * inserts.length)] + text.slice(at);
      else text = text.slice(0, at);
      const { problems } = run({ [file]: text });
      if (problems.length) broken++;
      for (const p of problems) {
        expect(p.line, problemLine(p)).toBeGreaterThanOrEqual(1);
        expect(p.column, problemLine(p)).toBeGreaterThanOrEqual(1);
        expect(MESSAGE_KINDS[p.kind], problemLine(p)).toBeDefined();
      }
    }
    // Most random edits break something; the check must have said so each time rather than thrown.
    expect(broken).toBeGreaterThan(150);
  });
});
