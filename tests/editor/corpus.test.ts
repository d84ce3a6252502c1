// The importer on a corpus of fictional newspaper pages (tests/fixtures/reports/README.md): a page of several
// articles with the damage real extracted text has, the same page clean, and a second short report.
import { tensesIn } from '../../src/data/numbers.ts';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importReport, type DraftNumber } from '../../src/editor/import-report.ts';
import { applyRepairs, splitBlocks, type Repair } from '../../src/data/repairs.ts';
import { PARAGRAPH_ID } from '../../src/data/ids.ts';
import { isUnit, scanQuantities, wordBoundaries } from '../../src/data/numbers.ts';
import { rowSchema, type Row } from '../../src/data/dataset-schema.ts';
import { checkSource } from '../../src/data/provenance.ts';

const dir = fileURLToPath(new URL('../fixtures/reports/', import.meta.url));
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const damaged = importReport(read('qingshi-page.txt'), 'qingshi-page.txt', 'qingshi-2022-03');
const clean = importReport(read('qingshi-clean.txt'), 'qingshi-clean.txt', 'qingshi-2022-03');
const blocksOf = (r: typeof damaged) => r.report.sections.flatMap((s) => s.blocks);

const show = (n: DraftNumber) =>
  `${n.qualifier ? `${[n.qualifier, ...(n.alsoPrinted ?? [])].join('+')} ` : ''}${n.change ? `${n.change} ` : ''}` +
  `${n.value}${n.upTo !== undefined ? `~${n.upTo}` : ''} ${n.unit}`;

describe('articles on a page', () => {
  it('splits the page where each article begins; a headline stays a headline', () => {
    for (const { report } of [damaged, clean]) {
      const sections = report.sections.map((s) => [
        s.kind,
        s.blocks.filter((b) => b.role === 'headline' || b.role === 'kicker').map((b) => `${b.role}:${b.text}`),
      ]);
      expect(sections).toEqual([
        ['column', []],
        ['feature', ['kicker:聚焦乡村振兴', 'headline:青石县三年攻坚见成效']],
        ['brief', ['headline:白沙镇建成花卉交易中心']],
        ['brief', ['headline:二十家子村修通致富路']],
        ['credit', []],
      ]);
    }
  });

  it('knows 副题, bylines, endings, column mastheads and captions with and without a credit', () => {
    const roles = (prefix: string) => blocksOf(damaged).find((b) => b.text.startsWith(prefix));
    expect(roles('——虚构的青石县')?.role).toBe('subtitle');
    expect(roles('本报记者 王小明 李红 报道')?.role).toBe('credit');
    expect(roles('■ 青石新闻')?.role).toBe('column');
    expect(roles('白沙镇新建的花卉大棚')).toMatchObject({
      role: 'caption',
      text: '白沙镇新建的花卉大棚。',
      credit: '本报记者 王小明 摄',
    });
    const bare = roles('图为二十家子村');
    expect(bare).toMatchObject({ role: 'caption', text: '图为二十家子村新修的村路。' });
    expect(bare).not.toHaveProperty('credit');
    expect(roles('本版稿件由')?.role).toBe('credit');
  });

  it('gives every paragraph an id prefixed by the report id, unique and of the site-wide shape', () => {
    const ids = blocksOf(damaged).map((b) => b.id);
    for (const id of ids) expect(id).toMatch(PARAGRAPH_ID);
    for (const id of ids) expect(id.startsWith('qingshi-2022-03-s')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('quantities', () => {
  const expected = [
    '2.6 万亿元',
    '同比增长 8.5 %',
    '提高 1.2 个百分点',
    '12 万千瓦',
    '1.7 亿千瓦时',
    '150 MW',
    '50 兆瓦',
    '3.5 万亩',
    '0.4 亩',
    '1200 公顷',
    '8.6 万平方米',
    '约 12 平方公里',
    '约 2.3 万平方米',
    '超过 5 万吨',
    '近 3000 元',
    '6 处',
    '42 万头',
    '1200 万只',
    '1.1 亿只',
    '2.3 亿枝',
    '同比下降 3.2 个百分点',
    '86 万人次',
    '增长 12.5 %',
    '左右 300 家',
    '余 50 家',
    '1.6 万户',
    '年底 2025 年',
    '以上+力争 10 个',
    '多+预计 4000 人',
    '2022-01~--03 年月',
    '32 个',
    '约 45 亿元',
    '--03-15 年月日',
    '约 60 亩',
    '5000~8000 万元',
    '余 200 个',
    '2022-03-15~--04-30 年月日',
    '近+预计 2 万人次',
    '1.2 万亩',
    '8.5 公里',
    '3 处',
    '超过 200 户',
  ];

  it('finds every quantity with its unit, qualifier and kind; ranges and full dates are one entry', () => {
    expect(damaged.numbers.map(show)).toEqual(expected);
    expect(damaged.numbers.filter((n) => n.kind === 'rate').map((n) => n.change)).toEqual([
      '同比增长',
      '提高',
      '同比下降',
      '增长',
    ]);
  });

  it('finds the same quantities in the clean page, less the ones only the damaged page prints', () => {
    const cleanShown = clean.numbers.map(show);
    expect(cleanShown).toContain('至少 500 户');
    expect(cleanShown).toContain('2021 年');
    for (const n of cleanShown.filter((s) => s !== '至少 500 户' && s !== '2021 年')) expect(expected).toContain(n);
  });

  it('lists names made of numerals as not quantities', () => {
    expect([...new Set(damaged.notData.map((n) => n.text))]).toEqual(['二十家子', '三年攻坚', '三次产业']);
    const misread = damaged.numbers.filter(
      (n) => n.value === 20 || (n.value === 3 && (n.unit === '年' || n.unit === '次')),
    );
    expect(misread).toEqual([]);
  });

  it('every number listed becomes a dataset row the data check accepts, quote, unit and qualifier as listed', () => {
    for (const report of [damaged, clean]) {
      const paragraphs = new Map(blocksOf(report).map((b) => [b.id, b.text]));
      const rows = report.numbers.filter((n) => isUnit(n.unit));
      expect(rows.length).toBeGreaterThan(report.numbers.length - 2);
      rows.forEach((n, i) => {
        const dated = typeof n.value === 'string';
        const ends = n.upTo === undefined ? [n.value] : [n.value, n.upTo];
        for (const value of ends) {
          const row = {
            id: `row-${i}`,
            label: '测试',
            value: dated ? String(value).replace(/^-/, '2022') : value,
            unit: n.unit,
            ...(n.qualifier ? { qualifier: n.qualifier } : {}),
            ...(dated && String(value).startsWith('--') ? { yearInferred: true } : {}),
            // A dated row says whether it happened; the quote's own words decide (src/data/numbers/tense.ts).
            ...(dated ? { status: tensesIn(n.quote)[0]?.status ?? 'done' } : {}),
            source: { paragraph: n.paragraph, quote: n.quote },
          };
          const parsed = rowSchema.safeParse(row);
          expect(parsed.success, `${n.quote}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
          if (dated && n.upTo !== undefined) continue;
          expect(checkSource(parsed.data as Row, paragraphs), n.quote).toBeUndefined();
        }
      });
    }
  });

  it('quotes begin and end at word boundaries, lie in their paragraph and never cut another number', () => {
    const texts = new Map(blocksOf(damaged).map((b) => [b.id, b.text]));
    for (const n of damaged.numbers) {
      const text = texts.get(n.paragraph)!;
      const at = text.indexOf(n.quote);
      expect(at, n.quote).toBeGreaterThanOrEqual(0);
      const bounds = wordBoundaries(text);
      expect(bounds.has(at), `start of ${n.quote}`).toBe(true);
      expect(bounds.has(at + n.quote.length) || /[）)]$/.test(n.quote), `end of ${n.quote}`).toBe(true);
      for (const q of scanQuantities(text)) {
        expect(q.start < at && at < q.stop, `${n.quote} starts inside ${text.slice(q.start, q.stop)}`).toBe(false);
        const end = at + n.quote.length;
        expect(q.start < end && end < q.stop, `${n.quote} ends inside ${text.slice(q.start, q.stop)}`).toBe(false);
      }
    }
  });
});

describe('damage', () => {
  const flags = damaged.flags;
  const at = (prefix: string) => blocksOf(damaged).find((b) => b.text.startsWith(prefix))!.id;

  it('flags every damaged place once, at its paragraph', () => {
    expect(flags.map((f) => [f.kind, f.paragraph])).toEqual([
      ['punctuation', '*'],
      ['lost-digit', at('全县新建高标准农田')],
      ['column-break', at('县里建设的冷链物')],
      ['column-break', at('流中心总建筑面积')],
      ['column-break', at('户均增收近3000元')],
      ['lost-digit', at('户均增收近3000元')],
      ['lost-digit', at('全县生猪存栏')],
      ['lost-digit', at('全县生猪存栏')],
      ['doubled-word', at('青石县积极积极')],
      ['stray-word', at('青石县积极积极')],
      ['lost-digit', at('交易中心建成后')],
      ['doubled-character', at('二十家子村今年')],
    ]);
    const lost = flags.filter((f) => f.kind === 'lost-digit').map((f) => f.excerpt);
    for (const printed of ['占地.4亩', '安排余人就业', '比年一季度', '至少户家庭', '生猪万头'])
      expect(
        lost.some((e) => e.includes(printed)),
        printed,
      ).toBe(true);
  });

  it('suggests repairs that, applied, give correct text: commas full-width, brackets balanced, words whole', () => {
    const repairs = flags.filter((f) => f.suggestion).map((f) => ({ id: f.id, ...f.suggestion! }) as Repair);
    const repaired = applyRepairs(read('qingshi-page.txt'), repairs);
    expect(repaired).not.toMatch(/[,;:()]/);
    expect(repaired.match(/（/g)?.length).toBe(repaired.match(/）/g)?.length);
    expect(repaired).toContain('增长（12.5%），');
    for (const whole of [
      '县里建设的冷链物流中心',
      '带动周边农户增收，户均增收近3000元',
      '农产品加工车间6处',
      '青石县积极推动农户和合作社抱团发展',
      '全力推进村容村貌整治',
    ])
      expect(repaired).toContain(whole);
    // Applied to the received text, the repairs leave one fewer block per healed column break.
    expect(splitBlocks(repaired)).toHaveLength(splitBlocks(read('qingshi-page.txt')).length - 2);
  });

  it('suggests no repair where only the printed page can say what was lost', () => {
    for (const f of flags.filter((x) => x.kind === 'lost-digit')) expect(f.suggestion).toBeUndefined();
  });

  it('raises no flag on clean text', () => {
    expect(clean.flags).toEqual([]);
  });
});
