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
import { parseAttributes } from '../../src/data/chart-specs.ts';
import { MESSAGE_KINDS } from '../../src/data/messages.ts';
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
// Messages: the content checks' messages are tested case by case in tests/data/check-content.test.ts; the guide's
// table of them is generated from the same list of kinds. The editor tools' own messages are quoted here.

interface Case {
  /** What the editor got wrong. */
  name: string;
  messages: () => string[];
  /** Where the message points. */
  where: RegExp;
  /** The words of the message that the guide quotes, so an editor can look it up. */
  key: string;
}

const cases: Case[] = [
  {
    name: 'a malformed slug',
    messages: () => [slugProblem('Port Logistics')!],
    where: /slug "Port Logistics"/,
    key: '格式不对',
  },
  { name: 'a slug already taken', messages: () => [scaffoldTwice()], where: /port-logistics/, key: '已存在' },
  {
    name: 'an unknown report',
    messages: () => [scaffoldError({ slug: 'harbour', report: 'longcheng-2021-9' })],
    where: /Unknown report "longcheng-2021-9"/,
    key: 'did you mean',
  },
];

/** Returns the message new:story gives for these options in a project holding the real reports. */
function scaffoldError(options: { slug: string; report?: string }): string {
  const root = mkdtempSync(join(tmpdir(), 'shushuo-guide-'));
  cpSync('content/reports', join(root, 'content/reports'), { recursive: true });
  try {
    scaffoldStory({ root, ...options });
    return 'no error';
  } catch (error) {
    expect(error).toBeInstanceOf(ScaffoldError);
    return (error as Error).message;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe("the guide's table of messages", () => {
  it('is generated from the list of message kinds, one table per area, so it cannot drift', () => {
    const areas = new Set(Object.values(MESSAGE_KINDS).map((k) => k.area));
    for (const area of areas) expect(guide).toContain(`<MessageTable area="${area}"`);
    expect(guide).not.toMatch(/^\| `.*(does not occur|is not a chart kind)/m);
    for (const [id, k] of Object.entries(MESSAGE_KINDS)) {
      expect(k.zh, id).toMatch(/\p{Script=Han}/u);
      expect(k.fixZh, id).toMatch(/\p{Script=Han}/u);
      expect(k.fixEn, id).toMatch(/[A-Za-z]/);
    }
  });
});

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
});
