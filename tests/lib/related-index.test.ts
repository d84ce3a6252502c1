import { describe, expect, it } from 'vitest';
import { relatedIds, relatedIndex } from '../../src/lib/reading.ts';
import { relatedFor, relatedStories } from '../../src/lib/related.ts';
import type { Story } from '../../src/data/stories.ts';

const texts = new Map([
  ['logistics', '建区域性物流中心 推动产业升级 物流项目共计18个 辽冀蒙区域性物流中心'],
  ['agri', '农业产业化重点龙头企业达35家 农产品物流 产地仓储保鲜设施 物流新业态'],
  ['rural', '投资1.6亿元 建乡村振兴示范工程 乡村振兴 行政村'],
  ['five', '龙城区实施五大行动推动乡村振兴 乡村振兴示范工程 行政村'],
  ['city', '实施十项工程 创建省文明城区'],
]);

describe('relatedIndex', () => {
  it('gives every story the same related stories as comparing it with all others', () => {
    const index = relatedIndex(texts, 2);
    for (const id of texts.keys()) expect(index.get(id), id).toEqual(relatedIds(id, texts, 2));
    expect(index.get('rural')![0]).toBe('five');
    expect(index.get('logistics')![0]).toBe('agri');
  });

  it('finds stories that share rare wording in a large archive without comparing every pair', () => {
    const big = new Map<string, string>();
    for (let i = 0; i < 1000; i++) big.set(`s${String(i).padStart(4, '0')}`, `报道正文第${i}篇 龙城区 发展 项目 建设`);
    big.set('x-a', '报道正文 香菇产业园 食用菌 金针菇 黑木耳');
    big.set('x-b', '报道正文 食用菌 金针菇 黑木耳 香菇');
    const index = relatedIndex(big, 3);
    expect(index.size).toBe(1002);
    expect(index.get('x-a')![0]).toBe('x-b');
    expect(index.get('x-b')![0]).toBe('x-a');
  });

  it('breaks ties between equally similar stories by id in a large archive, as for a small one', () => {
    // Fiction: three stories with the same text, equally like a fourth. Ties go by localeCompare, as relatedIds does
    // (x-a, x-B, x-c), not by code unit (x-B first) nor by the order they are added.
    const big = new Map<string, string>();
    for (let i = 0; i < 400; i++) big.set(`s${i}`, `报道正文第${i}篇 龙城区 发展 项目 建设`);
    for (const id of ['x-c', 'x-a', 'x-B']) big.set(id, '报道正文 香菇产业园 食用菌 金针菇 黑木耳');
    big.set('x-0', '报道正文 香菇产业园 食用菌 金针菇');
    expect(relatedIndex(big, 3).get('x-0')).toEqual(['x-a', 'x-B', 'x-c']);
    expect(relatedIndex(big, 2).get('x-c')).toEqual(['x-a', 'x-B']);
    const small = new Map([...big].filter(([id]) => id.startsWith('x-')));
    expect(relatedIndex(small, 3).get('x-0')).toEqual(relatedIds('x-0', small, 3));
  });
});

describe('relatedStories', () => {
  // Fiction, for the test only: stories as pages see them (id, headline, summary, body).
  const story = (id: string, title: string, body: string) =>
    ({ id, body, data: { title, summary: `${title}。` } }) as unknown as Story;
  const archive = [...texts].map(([id, body]) => story(id, id.toUpperCase(), body));

  it('gives each story the stories of its index entry, as the objects of the list it was given', () => {
    for (const s of archive) {
      const related = relatedStories(s, archive, 2);
      expect(related.map((r) => r.id)).toEqual(relatedFor(archive, 2).get(s.id));
      for (const r of related) expect(archive).toContain(r);
    }
    // A fresh copy of the same stories with a new headline: the page shows the new headline.
    const renamed = archive.map((s) => (s.id === 'five' ? story('five', '五大行动', texts.get('five')!) : s));
    expect(relatedStories(archive[2]!, renamed, 2)[0]!.data.title).toBe('五大行动');
  });

  it('computes the index again when the set of stories changes', () => {
    const before = relatedFor(archive, 2);
    expect(relatedFor([...archive], 2)).toBe(before);
    const fewer = archive.filter((s) => s.id !== 'five');
    expect(relatedFor(fewer, 2).get('rural')).toEqual(
      relatedIds('rural', new Map([...texts].filter(([id]) => id !== 'five')), 2),
    );
    expect(relatedFor(fewer, 2).get('rural')).not.toContain('five');
  });
});
