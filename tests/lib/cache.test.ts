// Incremental-build keys (src/lib/cache.ts): a key must change whenever what its page shows changes, or a rebuild
// would serve a stale page; and stay put otherwise, or nothing would be reused.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataPageKey, datasetsNamedIn, reportPageKey, storyPageKey } from '../../src/lib/cache.ts';
import { contentKey } from '../../src/lib/keys.ts';
import type { Dataset } from '../../src/data/dataset-schema.ts';
import type { Story } from '../../src/data/stories.ts';

// Fiction, for the test only: three stories and their datasets in a throw-away project folder.
const story = (id: string, title: string, body: string, datasets: string[] = []) =>
  ({
    id,
    body,
    digest: `${title}|${body}`,
    data: { title, summary: `${title}的摘要文字。`, datasets },
  }) as unknown as Story;

function project(datasets: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'shushuo-cache-'));
  mkdirSync(join(root, 'content/data'), { recursive: true });
  for (const [id, text] of Object.entries(datasets)) writeFileSync(join(root, 'content/data', `${id}.json`), text);
  return root;
}

describe('content keys', () => {
  it('are equal for equal content and differ otherwise', () => {
    expect(contentKey('og', { title: '甲' })).toBe(contentKey('og', { title: '甲' }));
    expect(contentKey('og', { title: '甲' })).not.toBe(contentKey('og', { title: '乙' }));
    expect(contentKey('og', { title: '甲' })).not.toBe(contentKey('embed', { title: '甲' }));
  });

  it('find the datasets a story body names', () => {
    expect(
      datasetsNamedIn('<Chart id="a" dataset="farm" /> <Fig dataset=\'parks\' row="x" /> <Chart dataset="farm" />'),
    ).toEqual(['farm', 'parks']);
  });
});

describe('story page keys', () => {
  it('change with the story, its datasets and the related stories it lists', () => {
    const cwd = process.cwd();
    const root = project({ farm: '{"rows":[1]}' });
    try {
      process.chdir(root);
      const a = story('a', '合成稿件甲：物流园区建设', '物流园区建设提速，物流项目共计18个。', ['farm']);
      const b = story('b', '合成稿件乙：物流园区建设', '物流园区建设提速，已建成物流项目7个。');
      const key = storyPageKey(a, [a, b]);
      expect(storyPageKey(a, [a, b])).toBe(key);
      expect(storyPageKey(story('a', a.data.title, `${a.body}新增一句。`, ['farm']), [a, b])).not.toBe(key);
      // b is listed as related to a, so its headline is on a's page.
      const renamed = story('b', '合成稿件乙（修订）：物流园区建设', b.body!);
      expect(storyPageKey(a, [a, renamed])).not.toBe(key);
    } finally {
      process.chdir(cwd);
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('report page keys', () => {
  it("change with the report's stories as its index lists them, and only the index's", () => {
    const cwd = process.cwd();
    const root = project({});
    try {
      process.chdir(root);
      const a = story('a', '合成稿件甲：物流园区建设', '物流园区建设提速。');
      const b = story('b', '合成稿件乙：乡村振兴', '乡村振兴示范工程。');
      const key = reportPageKey('index', 'r1', [a, b]);
      expect(reportPageKey('index', 'r1', [a, b])).toBe(key);
      expect(reportPageKey('index', 'r2', [a, b])).not.toBe(key);
      // A headline on the list changes, a story joins, or the printed order changes.
      expect(reportPageKey('index', 'r1', [a, story('b', '合成稿件乙（修订）', b.body!)])).not.toBe(key);
      expect(reportPageKey('index', 'r1', [a])).not.toBe(key);
      expect(reportPageKey('index', 'r1', [b, a])).not.toBe(key);
      // The index does not show a story's body.
      const edited = { ...a, body: `${a.body}新增一句。`, digest: 'changed' } as Story;
      expect(reportPageKey('index', 'r1', [edited, b])).toBe(key);
      // The source page shows the report only, and is keyed apart from the index.
      expect(reportPageKey('source', 'r1')).not.toBe(reportPageKey('index', 'r1'));
      expect(reportPageKey('source', 'r1')).toBe(reportPageKey('source', 'r1'));
    } finally {
      process.chdir(cwd);
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('data page keys', () => {
  it("change with the report's datasets as loaded and the headlines of the stories they name, and only those", () => {
    const cwd = process.cwd();
    const root = project({});
    try {
      process.chdir(root);
      // Fiction, for the test only: one dataset of report r1, shown by stories a and b.
      const dataset = {
        id: 'fiction-parks',
        report: 'r1',
        title: '虚构园区数据',
        stories: ['a', 'b'],
        rows: [{ id: 'built', value: 7, unit: '个', source: { paragraph: 'r1-p01', quote: '已建成7个' } }],
      } as unknown as Dataset;
      const titles = new Map([
        ['a', '合成稿件甲'],
        ['b', '合成稿件乙'],
        ['c', '合成稿件丙'],
      ]);
      const key = dataPageKey('r1', [dataset], (id) => titles.get(id));
      expect(dataPageKey('r1', [dataset], (id) => titles.get(id))).toBe(key);
      expect(dataPageKey('r2', [dataset], (id) => titles.get(id))).not.toBe(key);
      // A value, a quote or a dataset joining the page.
      const changed = { ...dataset, rows: [{ ...dataset.rows[0]!, value: 8 }] } as Dataset;
      expect(dataPageKey('r1', [changed], (id) => titles.get(id))).not.toBe(key);
      expect(dataPageKey('r1', [dataset, { ...dataset, id: 'fiction-farms' }], (id) => titles.get(id))).not.toBe(key);
      // A named story's headline changes, or it is no longer published (the page then leaves it out).
      expect(dataPageKey('r1', [dataset], (id) => (id === 'b' ? '合成稿件乙（修订）' : titles.get(id)))).not.toBe(key);
      expect(dataPageKey('r1', [dataset], (id) => (id === 'b' ? undefined : titles.get(id)))).not.toBe(key);
      // A story the datasets do not name changes nothing here.
      expect(dataPageKey('r1', [dataset], (id) => (id === 'c' ? '合成稿件丙（修订）' : titles.get(id)))).toBe(key);
    } finally {
      process.chdir(cwd);
      rmSync(root, { recursive: true, force: true });
    }
  });
});
