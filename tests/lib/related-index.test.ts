import { describe, expect, it } from 'vitest';
import { relatedIds, relatedIndex } from '../../src/lib/reading.ts';

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
});
