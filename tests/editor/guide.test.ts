/**
 * The editors' guide stays true to the code: its field tables cover every schema field, the gallery draws every
 * chart kind from the exact call it shows, and every kind of failure an editor can meet — produced here from
 * broken inputs with the real checks — says where and what, and is explained in the guide.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storySchema } from '../../src/data/story-schema.ts';
import { datasetSchema, rowSchema } from '../../src/data/dataset-schema.ts';
import { checkDatasets, parseJson, type CheckContext } from '../../src/data/check-datasets.ts';
import { checkNotData, coverageGaps } from '../../src/data/coverage.ts';
import { reportParagraphs } from '../../src/data/datasets.ts';
import { bodyFirstLine, chartCallsIn, parseAttributes } from '../../src/data/chart-specs.ts';
import { chartKinds } from '../../src/charts/index.ts';
import { scaffoldStory, slugProblem, ScaffoldError } from '../../src/editor/new-story.ts';
import {
  datasetFieldDocs,
  fieldTables,
  rowFieldDocs,
  storyFieldDocs,
} from '../../src/pages/guide/_components/fields.ts';
import { guideCharts, withoutCode } from '../../src/pages/guide/_components/guide-charts.ts';
import { tagSnippet } from '../../src/pages/guide/_components/snippet.ts';

const guide = readFileSync('content/guide/index.mdx', 'utf8');
const gallery = readFileSync('content/guide/gallery.mdx', 'utf8');

describe('the field tables of the guide', () => {
  it('explain every field of the story, dataset and row schemas, and no field that is not there', () => {
    expect(Object.keys(storyFieldDocs).sort()).toEqual(Object.keys(storySchema.shape).sort());
    expect(Object.keys(datasetFieldDocs).sort()).toEqual(Object.keys(datasetSchema.shape).sort());
    expect(Object.keys(rowFieldDocs).sort()).toEqual(Object.keys(rowSchema.shape).sort());
  });

  it('take required, optional, defaults and allowed values from the schema', () => {
    const story = Object.fromEntries(fieldTables.story().map((r) => [r.name, r]));
    expect(story.title!.required).toMatch(/required/);
    expect(story.kicker!.required).toMatch(/optional/);
    expect(story.draft!.required).toMatch(/default false/);
    expect(story.kind!.type).toBe('"feature" | "brief"');
    const row = Object.fromEntries(fieldTables.row().map((r) => [r.name, r]));
    expect(row.qualifier!.type).toContain('"约"');
    expect(row.role!.type).toContain('"target"');
    for (const r of [...fieldTables.story(), ...fieldTables.dataset(), ...fieldTables.row()]) {
      expect(r.zh, r.name).toMatch(/\p{Script=Han}/u);
      expect(r.en, r.name).toMatch(/[A-Za-z]/);
    }
  });

  it('are placed in the guide', () => {
    for (const of of ['story', 'dataset', 'row']) expect(guide).toContain(`<FieldTable of="${of}"`);
  });
});

describe("the guide's path from a report's text to published stories", () => {
  const start = guide.indexOf('## 从报纸文本到发布');
  const section = guide.slice(start, guide.indexOf('\n## ', start + 1));
  const steps = section.split('\n').filter((line) => /^\d+\. /.test(line));

  it('is a numbered list of steps, each with the time it takes', () => {
    expect(start).toBeGreaterThan(0);
    expect(steps.length).toBeGreaterThanOrEqual(5);
    for (const step of steps) expect(step, step.slice(0, 30)).toMatch(/（[^）]*(分钟|秒)[^）]*）/);
  });

  it('runs import, decisions, publish and new:story --report in that order', () => {
    const at = (needle: string) => steps.findIndex((s) => s.includes(needle));
    const order = [
      at('npm run import:report -- '),
      at('"decision"'),
      at('npm run publish:report -- '),
      at('npm run new:story -- harbour --report '),
    ];
    expect(
      order.every((i) => i >= 0),
      JSON.stringify(order),
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('names no fact of a particular report as the default', () => {
    expect(section).not.toMatch(/张旭|2021年9月|龙城区/);
  });
});

describe('the chart gallery', () => {
  const { specs, errors } = guideCharts(
    [{ file: 'content/guide/gallery.mdx', id: 'gallery', body: gallery }],
    new Set(),
  );

  it('has a chart of every kind, each call readable and its id unique', () => {
    expect(errors).toEqual([]);
    expect(specs.map((s) => s.kind).sort()).toEqual(Object.keys(chartKinds).sort());
  });

  it('shows, for each chart, exactly the call in the MDX that drew it', () => {
    const calls = [...withoutCode(gallery).matchAll(/<Chart\b((?:[^>"']|"[^"]*"|'[^']*')*?)\/>/g)];
    expect(calls).toHaveLength(Object.keys(chartKinds).length);
    for (const call of calls) {
      // The page rebuilds the snippet from the props MDX hands the component: the same attributes, in order.
      const { attrs } = parseAttributes(call[1]!);
      expect(tagSnippet('Chart', attrs)).toBe(call[0].replace(/\s+/g, ' '));
    }
  });

  it('rebuilds other tags too: children, flags and object props', () => {
    expect(tagSnippet('Fig', { d: 'restructuring', r: 'investment' }, '84.4亿元')).toBe(
      '<Fig d="restructuring" r="investment">84.4亿元</Fig>',
    );
    expect(
      tagSnippet('IconList', { label: '五大行动', ordered: true, items: [{ icon: 'leaf', text: '实施生态振兴行动' }] }),
    ).toBe(
      '<IconList label="五大行动" ordered items={[\n  {\n    icon: "leaf",\n    text: "实施生态振兴行动"\n  }\n]} />',
    );
    expect(tagSnippet('Chart', { title: '“一水”与"双轴"' })).toBe(`<Chart title='“一水”与"双轴"' />`);
  });

  it('refuses a guide chart id that a story already uses, or without the guide prefix', () => {
    const { errors } = guideCharts(
      [
        {
          file: 'content/guide/x.mdx',
          id: 'x',
          body: '<Chart id="logistics-status" dataset="a" kind="bar" title="t" takeaway="k" />\n`<Chart id="quoted" />`',
        },
      ],
      new Set(['logistics-status']),
    );
    expect(errors).toEqual([
      'content/guide/x.mdx: <Chart id="logistics-status"> uses an id already used in a story; chart ids must be unique across the site',
      'content/guide/x.mdx: <Chart id="logistics-status"> ids in the guide start with "guide-" or "gallery-"',
    ]);
  });

  it('guide pages show a live example of every component', () => {
    for (const tag of ['<Src p=', '<Fig d=', '<Chart id=', '<IconList ']) expect(withoutCode(guide)).toContain(tag);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Every failure, produced from a broken input

const ctx: CheckContext = { paragraphs: reportParagraphs(), stories: ['logistics', 'port-logistics'] };
const file = 'content/data/port-logistics.json';
const base = {
  id: 'port-logistics',
  report: 'longcheng-2021-09',
  title: '物流项目',
  description: '测试',
  stories: ['port-logistics'],
  asOf: '2021年9月',
  unitNote: '个',
  notes: [],
};
const src = (quote: string, paragraph = 'logistics-p02') => ({ paragraph, quote });
const good = { id: 'total', label: '物流项目共计', value: 18, unit: '个', source: src('物流项目共计18个') };
const operating = { id: 'operating', label: '已运营', value: 7, unit: '个', source: src('已建成并投入运营项目7个') };

/** Runs the dataset check on one dataset (overriding fields, or with these rows) and returns its messages. */
function datasetErrors(patch: Record<string, unknown>): string[] {
  return checkDatasets([{ file, data: { ...base, rows: [good], ...patch } }], ctx).errors;
}

interface Case {
  /** What the editor got wrong. */
  name: string;
  messages: () => string[];
  /** Where the message points: file and field, or file and line. */
  where: RegExp;
  /** The words of the message that the guide quotes, so an editor can look it up. */
  key: string;
}

const cases: Case[] = [
  {
    name: 'malformed JSON',
    messages: () => [parseJson(file, '{\n  "id": "x",\n}').error!],
    where: /port-logistics\.json:3:1: /,
    key: 'malformed JSON',
  },
  {
    name: 'a missing dataset field',
    messages: () => datasetErrors({ title: undefined }),
    where: /port-logistics\.json: title: /,
    key: 'is missing (required field',
  },
  {
    name: 'an id that is not kebab-case',
    messages: () => datasetErrors({ rows: [{ ...good, id: 'Total' }] }),
    where: /rows\[0\]\.id: /,
    key: 'must be kebab-case',
  },
  {
    name: 'an unknown unit',
    messages: () => datasetErrors({ rows: [{ ...good, unit: '千个' }] }),
    where: /rows\[0\]\.unit: \(row "total"\)/,
    key: 'is not a known unit',
  },
  {
    name: 'a date written as a number',
    messages: () =>
      datasetErrors({
        rows: [{ ...good, value: 202107, unit: '年月', source: src('自2021年7月至2022年10月', 'rural-demo-p02') }],
      }),
    where: /rows\[0\]\.value: /,
    key: 'holds a date: write the value as a string',
  },
  {
    name: 'a number written as a string',
    messages: () => datasetErrors({ rows: [{ ...good, value: '18' }] }),
    where: /rows\[0\]\.value: /,
    key: 'must be a number in',
  },
  {
    name: 'a row without provenance',
    messages: () => datasetErrors({ rows: [{ ...good, source: undefined }] }),
    where: /rows\[0\]\.source: /,
    key: 'is missing: every row needs a source',
  },
  {
    name: 'a row with both source and derived',
    messages: () => datasetErrors({ rows: [{ ...good, derived: { formula: 'total', inputs: ['total'] } }] }),
    where: /rows\[0\]\.derived: /,
    key: 'not both',
  },
  {
    name: 'an unknown paragraph',
    messages: () => datasetErrors({ rows: [{ ...good, source: src('物流项目共计18个', 'logistics-p99') }] }),
    where: /rows\[0\]\.source\.paragraph: \(row "total"\)/,
    key: 'is not a paragraph id of any report in content/reports/',
  },
  {
    name: 'a quote not in its paragraph',
    messages: () => datasetErrors({ rows: [{ ...good, source: src('物流项目共计19个') }] }),
    where: /rows\[0\]\.source\.quote: /,
    key: 'does not occur in paragraph',
  },
  {
    name: 'a value not in its quote',
    messages: () => datasetErrors({ rows: [{ ...good, value: 19 }] }),
    where: /rows\[0\]\.value: /,
    key: 'does not occur in the quote',
  },
  {
    name: 'the wrong unit',
    messages: () => datasetErrors({ rows: [{ ...good, unit: '家' }] }),
    where: /rows\[0\]\.unit: /,
    key: 'is not the unit printed with',
  },
  {
    name: 'a missing qualifier',
    messages: () =>
      datasetErrors({
        rows: [{ id: 'length', label: '全长', value: 60, unit: '公里', source: src('全长约60公里', 'rural-demo-p03') }],
      }),
    where: /rows\[0\]\.qualifier: /,
    key: 'set "qualifier": "约"',
  },
  {
    name: 'a qualifier the quote does not print',
    messages: () => datasetErrors({ rows: [{ ...good, qualifier: '约' }] }),
    where: /rows\[0\]\.qualifier: /,
    key: 'is not printed with',
  },
  {
    name: 'a date not in its quote',
    messages: () =>
      datasetErrors({
        rows: [
          {
            id: 'end',
            label: '竣工',
            value: '2022-11',
            unit: '年月',
            source: src('自2021年7月至2022年10月', 'rural-demo-p02'),
          },
        ],
      }),
    where: /rows\[0\]\.value: \(row "end"\)/,
    key: 'which does not occur in the quote',
  },
  {
    name: 'yearInferred on a quote that prints the year',
    messages: () =>
      datasetErrors({
        rows: [
          {
            id: 'start',
            label: '开工',
            value: '2021-07',
            unit: '年月',
            yearInferred: true,
            source: src('自2021年7月至2022年10月', 'rural-demo-p02'),
          },
        ],
      }),
    where: /rows\[0\]\.yearInferred: /,
    key: 'remove "yearInferred"',
  },
  {
    name: 'a derived input that is not a row',
    messages: () =>
      datasetErrors({
        rows: [
          good,
          {
            id: 'rest',
            label: '其余',
            value: 11,
            unit: '个',
            derived: { formula: 'total - operating', inputs: ['total', 'operating'] },
          },
        ],
      }),
    where: /rows\[1\]\.derived\.inputs\[1\]: /,
    key: 'is not a row of dataset',
  },
  {
    name: 'a formula naming a row not in inputs',
    messages: () =>
      datasetErrors({
        rows: [
          good,
          operating,
          {
            id: 'rest',
            label: '其余',
            value: 11,
            unit: '个',
            derived: { formula: 'total - operating', inputs: ['total'] },
          },
        ],
      }),
    where: /rows\[2\]\.derived\.formula: /,
    key: 'is not in derived.inputs',
  },
  {
    name: 'an input the formula does not use',
    messages: () =>
      datasetErrors({
        rows: [
          good,
          operating,
          {
            id: 'rest',
            label: '其余',
            value: 18,
            unit: '个',
            derived: { formula: 'total', inputs: ['total', 'operating'] },
          },
        ],
      }),
    where: /rows\[2\]\.derived\.inputs: /,
    key: 'listed but not used in the formula',
  },
  {
    name: 'a derived value that is not the formula’s result',
    messages: () =>
      datasetErrors({
        rows: [
          good,
          operating,
          {
            id: 'rest',
            label: '其余',
            value: 12,
            unit: '个',
            derived: { formula: 'total - operating', inputs: ['total', 'operating'] },
          },
        ],
      }),
    where: /rows\[2\]\.value: /,
    key: 'is not what the formula',
  },
  {
    name: 'a duplicate row id',
    messages: () => datasetErrors({ rows: [good, { ...operating, id: 'total' }] }),
    where: /rows\[1\]\.id: /,
    key: 'is already the id of rows',
  },
  {
    name: 'an id that does not match the file name',
    messages: () => datasetErrors({ id: 'port' }),
    where: /port-logistics\.json: id: /,
    key: 'does not match the file name',
  },
  {
    name: 'an unknown story',
    messages: () => datasetErrors({ stories: ['port-logistics', 'no-such-story'] }),
    where: /stories\[1\]: /,
    key: 'is not a story; stories are',
  },
  {
    name: 'a not-data entry without a number',
    messages: () =>
      checkNotData(
        'content/data/not-data.json',
        [{ paragraph: 'logistics-p02', text: '物流项目', reason: '测试用的' }],
        ctx.paragraphs,
        [],
      ),
    where: /not-data\.json: entries\[0\]\.text: /,
    key: 'holds no number',
  },
  {
    name: 'a not-data entry held as an unknown row',
    messages: () =>
      checkNotData(
        'content/data/not-data.json',
        [{ paragraph: 'logistics-p02', text: '共计18个', reason: '测试用的', heldAs: ['nope/row'] }],
        ctx.paragraphs,
        [],
      ),
    where: /not-data\.json: entries\[0\]\.heldAs\[0\]: /,
    key: 'is not a row of any dataset',
  },
  {
    name: 'a number of the report that nothing covers',
    messages: () =>
      coverageGaps([], new Map([['logistics-p02', ctx.paragraphs.get('logistics-p02')!]]), []).slice(0, 1),
    where: /^logistics-p02: 18 in /,
    key: 'is neither the value of a row quoting it nor listed in content/data/not-data.json',
  },
  // Chart calls, as read from the MDX (the build-time checks against datasets and kinds are in tests/build/editor-path.test.ts).
  {
    name: 'a chart tag that does not close itself',
    messages: () =>
      chartCallsIn(
        'text\n\n<Chart id="a" dataset="b" kind="bar" title="t" takeaway="k"></Chart>',
        's',
        'content/stories/s.mdx',
      ).errors,
    where: /content\/stories\/s\.mdx:3: <Chart>/,
    key: 'must close itself',
  },
  {
    name: 'a chart missing attributes',
    messages: () => chartCallsIn('<Chart id="a" kind="bar" title="t" />', 's', 'content/stories/s.mdx').errors,
    where: /content\/stories\/s\.mdx:1: <Chart>/,
    key: 'is missing dataset="…", takeaway="…"',
  },
  {
    name: 'a chart attribute not in quotes',
    messages: () =>
      chartCallsIn(
        '<Chart id="a" dataset="b" kind="bar" title={x} takeaway="k" />',
        's',
        'content/stories/s.mdx',
      ).errors.slice(0, 1) /* then: is missing title */,
    where: /content\/stories\/s\.mdx:1: <Chart>/,
    key: 'use a quoted string (name="value")',
  },
  {
    name: 'a chart id that is not kebab-case',
    messages: () =>
      chartCallsIn('<Chart id="Port_1" dataset="b" kind="bar" title="t" takeaway="k" />', 's', 'content/stories/s.mdx')
        .errors,
    where: /content\/stories\/s\.mdx:1: <Chart>/,
    key: 'must be kebab-case (a-z, 0-9, -)',
  },
  // new:story
  {
    name: 'a malformed slug',
    messages: () => [slugProblem('Port Logistics')!],
    where: /slug "Port Logistics"/,
    key: '格式不对',
  },
  { name: 'a slug already taken', messages: () => [scaffoldTwice()], where: /port-logistics/, key: '已存在' },
];

function scaffoldTwice(): string {
  const root = mkdtempSync(join(tmpdir(), 'shushuo-guide-'));
  cpSync('content/reports', join(root, 'content/reports'), { recursive: true });
  try {
    scaffoldStory({ root, slug: 'port-logistics' });
    scaffoldStory({ root, slug: 'port-logistics' });
    return 'no error';
  } catch (error) {
    expect(error).toBeInstanceOf(ScaffoldError);
    return (error as Error).message;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('line numbers in chart messages', () => {
  it('count from the top of the file, frontmatter included, not from the top of the body', () => {
    const body = '\n正文。\n\n<Chart id="a" kind="bar" />\n';
    const file = `---\ntitle: "标题"\norder: 1\n---\n${body}`;
    const first = bodyFirstLine(file, body);
    const [message] = chartCallsIn(body, 's', 'content/stories/s.mdx', first).errors;
    const line = file.split('\n').findIndex((l) => l.startsWith('<Chart')) + 1;
    expect(message).toContain(`content/stories/s.mdx:${line}: <Chart> is missing`);
    expect(bodyFirstLine('no body here', '')).toBe(1);
  });
});

describe('every failure an editor can meet', () => {
  it.each(cases.map((c) => [c.name, c] as const))(
    '%s: the message says where and what, and the guide explains it',
    (_, c) => {
      const messages = c.messages();
      expect(messages, 'exactly one message').toHaveLength(1);
      const [message] = messages as [string];
      expect(message).toMatch(c.where);
      expect(message).toContain(c.key);
      expect(guide, `the guide quotes "${c.key}"`).toContain(c.key);
    },
  );

  it('the valid row used by the cases passes', () => {
    expect(datasetErrors({})).toEqual([]);
  });
});
