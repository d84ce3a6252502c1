import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importReport } from '../../src/editor/import-report.ts';
import { applyRepairs, splitBlocks, type Repair } from '../../src/data/repairs.ts';
import { getReport } from '../../src/data/report.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixturePath = join(root, 'tests/fixtures/reports/xugou-fixture.txt');
const fixture = readFileSync(fixturePath, 'utf8');
const { sections: cleanedSections, corrections, received } = getReport('longcheng-2021-09')!;

const blockTexts = (r: ReturnType<typeof importReport>['report']) =>
  r.sections.flatMap((s) => s.blocks.map((b) => ('credit' in b ? `${b.text} ${b.credit}` : b.text)));

describe('import-report on the fictional fixture', () => {
  const result = importReport(fixture, 'xugou-fixture.txt', 'xugou');
  const { report, flags } = result;
  const blocks = report.sections.flatMap((s) => s.blocks);
  const find = (prefix: string) => blocks.find((b) => b.text.startsWith(prefix))!;

  it('changes nothing: the draft blocks are the input split at blank lines', () => {
    expect(blockTexts(report)).toEqual(splitBlocks(fixture));
  });

  it('groups blocks into sections with ids prefixed by the report id and guesses each role', () => {
    expect(report.sections.map((s) => [s.id, s.kind])).toEqual([
      ['xugou-s1', 'feature'],
      ['xugou-s2', 'column'],
      ['xugou-s3', 'brief'],
      ['xugou-s4', 'credit'],
    ]);
    expect(blocks.map((b) => b.role)).toEqual([
      'headline',
      'subtitle',
      'label',
      'summary',
      'heading',
      'body',
      'body',
      'body',
      'caption',
      'body',
      'column',
      'headline',
      'body',
      'credit',
    ]);
    expect(find('样例花园')).toMatchObject({
      id: 'xugou-s1-p09',
      text: '样例花园示意图。',
      credit: '本报记者 测试员 摄',
    });
  });

  it('flags each planted piece of damage once, at the right block', () => {
    expect(flags.map((f) => [f.kind, f.paragraph, f.confidence])).toEqual([
      ['punctuation', '*', 'likely'],
      ['column-break', find('今年以来').id, 'likely'],
      ['caption-in-sentence', find('虚构区计划').id, 'likely'],
      ['stray-word', find('规模适中').id, 'likely'],
      ['doubled-character', find('本报讯').id, 'check'],
    ]);
    expect(flags[0]?.suggestion?.map).toEqual({ ',': '，', ';': '；' });
  });

  it('suggests repairs in the corrections.json format that, applied, give the intended sentences', () => {
    const repairs = flags.map((f) => ({ id: f.id, ...f.suggestion! }) as Repair);
    expect(repairs.every((r) => r.why.length >= 10)).toBe(true);
    const repaired = applyRepairs(fixture, repairs);
    expect(repaired).toContain('其中已完成投资1.2亿元。');
    expect(repaired).toContain('计划建设富有特色、规模适中的样例园区');
    expect(repaired).toContain('带动样例农户和样例企业共同参与');
    expect(repaired).toContain('推进样例工作十项');
    expect(repaired).not.toMatch(/[,;]/);
  });

  it('lists every number with unit, qualifier and a quote found in its paragraph', () => {
    for (const n of result.numbers) {
      expect(blocks.find((b) => b.id === n.paragraph)!.text).toContain(n.quote);
    }
    expect(result.numbers).toContainEqual({
      paragraph: find('今年以来').id,
      kind: 'quantity',
      value: 3.5,
      unit: '亿元',
      qualifier: '约',
      quote: '总投资约3.5亿元',
    });
    expect(result.numbers.filter((n) => n.upTo !== undefined).map((n) => [n.value, n.upTo])).toEqual([[5, 20]]);
  });
});

describe('import-report on the real received report', () => {
  const { report, flags } = importReport(received, 'received.txt');
  const punctuation = corrections.repairs.find((r) => r.kind === 'punctuation')!;
  const mapped = [...received.replace(/\r\n?/g, '\n')].map((ch) => punctuation.map?.[ch] ?? ch).join('');

  it('keeps the text as received, block for block', () => {
    expect(blockTexts(report)).toEqual(splitBlocks(received));
  });

  it('suggests the same punctuation map a human applied', () => {
    expect(flags.find((f) => f.kind === 'punctuation')?.suggestion?.map).toEqual(punctuation.map);
  });

  // Each repair a human made is located in the received text (after the punctuation map, as the log applies it);
  // some flag's suggested `before` must cover the character the human changed — for a break, the break itself.
  it.each(corrections.repairs.filter((r) => r.kind !== 'punctuation').map((r) => [r.id, r.kind, r] as const))(
    '%s (%s) is among the flags',
    (_id, _kind, repair) => {
      const at = mapped.indexOf(repair.before);
      expect(at).toBeGreaterThanOrEqual(0);
      // The damage itself: the first character the repair changes (for a break, the break).
      let same = 0;
      while (repair.before[same] === repair.after[same]) same++;
      const breakAt = at + same;
      const spans = flags
        .filter((f) => f.suggestion && f.kind !== 'punctuation')
        .map((f) => {
          const from = mapped.indexOf(f.suggestion!.before);
          expect(mapped.lastIndexOf(f.suggestion!.before), `${f.id} quotes a unique place`).toBe(from);
          return [from, from + f.suggestion!.before.length] as const;
        });
      expect(
        spans.some(([from, to]) => from <= breakAt && breakAt < to && from < at + repair.before.length && at < to),
      ).toBe(true);
    },
  );

  it('raises nothing "likely" on the cleaned report, where the damage is repaired', () => {
    const cleanText = cleanedSections
      .flatMap((s) => s.blocks.map((b) => (b.role === 'caption' ? `${b.text} ${b.credit}` : b.text)))
      .join('\n\n');
    const again = importReport(cleanText).flags;
    expect(again.filter((f) => f.confidence === 'likely')).toEqual([]);
    expect(again.every((f) => f.kind === 'doubled-character')).toBe(true);
  });
});

describe('import-report on small cases', () => {
  const kinds = (text: string) => importReport(text).flags.map((f) => [f.kind, f.confidence]);

  it('asks about a paragraph that starts like the middle of a sentence', () => {
    expect(kinds('标题一行\n\n本报讯 第一段已经结束。\n\n，第二段从逗号开始。')).toEqual([
      ['continuation-start', 'check'],
    ]);
  });

  it('asks about capital Latin letters but leaves codes, units and column mastheads alone', () => {
    expect(kinds('标题一行\n\n本报讯 引进CEO团队，建设5G基站和G101线，装机150MW。\n\n■ 样例时讯 YANGLI')).toEqual([
      ['stray-word', 'check'],
    ]);
  });

  it('keeps a half-width mark used outside Chinese out of the punctuation map', () => {
    const flag = importReport('标题一行\n\n本报讯 甲,乙;丙。版本 v1.2,3 (beta) 测试。').flags[0];
    expect(flag?.suggestion?.map).toEqual({ ';': '；' });
    expect(flag?.message).toMatch(/非中文语境/);
  });

  it('does not count ordinary reduplication such as 紧紧 or 件件 as doubled type', () => {
    expect(kinds('标题一行\n\n本报讯 紧紧围绕目标，一件件落实。')).toEqual([]);
  });
});

describe('npm run import:report', () => {
  const script = join(root, 'scripts/import-report.ts');
  const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8' });

  it('writes one draft folder with the received text, report, meta, numbers and one decisions file', () => {
    const project = mkdtempSync(join(tmpdir(), 'import-'));
    execFileSync(process.execPath, [script, fixturePath, '--id', 'xugou-2021', '--root', project], { cwd: root });
    const out = join(project, 'content/drafts/xugou-2021');
    expect(readdirSync(out).sort()).toEqual([
      'decisions.json',
      'meta.json',
      'numbers.json',
      'received.txt',
      'report.json',
    ]);
    expect(readFileSync(join(out, 'received.txt'), 'utf8')).toBe(fixture);
    const decisions = JSON.parse(readFileSync(join(out, 'decisions.json'), 'utf8'));
    expect(decisions.flags.map((f: { id: string; decision: null }) => [f.id, f.decision])).toEqual(
      importReport(fixture).flags.map((f) => [f.id, null]),
    );
    const again = run(fixturePath, '--id', 'xugou-2021', '--root', project);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already holds a draft; pass --force/);
    expect(run(fixturePath, '--id', 'xugou-2021', '--root', project, '--force').status).toBe(0);
  });

  it.each([
    [['no-such-report.txt', '--id', 'x'], /no-such-report\.txt does not exist/],
    [[fixturePath], /give the report id with --id/],
    [[fixturePath, '--id', 'Not An Id'], /"Not An Id" is not a report id/],
  ])('refuses %j with one line and the usage, no stack trace', (args, message) => {
    const r = run(...args);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(message);
    expect(lines[1]).toMatch(/^usage: npm run import:report -- <file\.txt> --id <report-id>/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
