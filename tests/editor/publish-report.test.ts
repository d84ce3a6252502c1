// publish:report: a draft becomes a report folder only once every flag is decided; the corrections log it writes
// replays on the received text to the cleaned report, as the first report's does.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { draftMeta, importReport } from '../../src/editor/import-report.ts';
import { decisionsJson, type Decisions } from '../../src/editor/decisions.ts';
import { publishDraft, type Published } from '../../src/editor/publish-report.ts';
import { applyRepairs, splitBlocks } from '../../src/data/repairs.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string) => readFileSync(join(root, 'tests/fixtures/reports', name), 'utf8');

/** The draft files import:report writes, with the decisions an editor makes applied by `decide`. */
function draft(name: string, id: string, decide: (d: Decisions) => void) {
  const received = fixture(name);
  const { report, flags } = importReport(received, name, id);
  const decisions = JSON.parse(decisionsJson(flags, name, id)) as Decisions;
  decide(decisions);
  const meta = {
    ...draftMeta(report),
    key: '2022-03',
    place: '青石县',
    period: '2022年一季度',
    byline: '本报记者 王小明',
  };
  return {
    id,
    received,
    report: JSON.stringify(report, null, 2),
    decisions: JSON.stringify(decisions, null, 2),
    meta: JSON.stringify(meta, null, 2),
  };
}

/** The replay check of tests/data/source.test.ts, for any report. */
function replays(received: string, published: Published): void {
  const { repairs, noted } = published.corrections;
  const moved = (id: string) => repairs.some((r) => r.kind === 'caption-in-sentence' && r.why.includes(id));
  const blocks = published.report.sections.flatMap((s) => s.blocks);
  const inPlace = blocks.filter((b) => !(b.role === 'caption' && moved(b.id)));
  expect(inPlace.map((b) => (b.credit ? `${b.text} ${b.credit}` : b.text))).toEqual(
    splitBlocks(applyRepairs(received, repairs)),
  );
  const text = new Map(blocks.map((b) => [b.id, b.text]));
  for (const r of repairs) if (r.paragraph !== '*') expect(text.get(r.paragraph), r.id).toContain(r.after);
  for (const n of noted) expect(text.get(n.paragraph), n.id).toContain(n.text);
}

describe('publishDraft', () => {
  it('refuses while any flag is undecided, naming the line of each decision', () => {
    const files = draft('qingshi-page.txt', 'qingshi-2022-03', () => {});
    const { problems, published } = publishDraft(files);
    expect(published).toBeUndefined();
    const flags = (JSON.parse(files.decisions) as Decisions).flags;
    expect(problems).toHaveLength(flags.length);
    const lines = files.decisions.split('\n');
    for (const p of problems) {
      expect(p.message).toMatch(/is undecided: set "decision" to "accept", "reject" or "edit"/);
      expect(lines[p.line! - 1]).toMatch(/"decision": null/);
    }
  });

  it('applies accepted and edited repairs, logs rejected flags as doubts, and the log replays', () => {
    const files = draft('qingshi-page.txt', 'qingshi-2022-03', (d) => {
      for (const f of d.flags) {
        if (f.kind !== 'lost-digit') f.decision = 'accept';
        else if (f.excerpt.includes('.4亩')) {
          f.decision = 'edit';
          f.edited = { before: '占地.4亩', after: '占地0.4亩', why: '版面原文为“占地0.4亩”，提取时丢了整数位的0。' };
        } else {
          f.decision = 'reject';
          f.note = '版面此处数字缺失，无法核对原数，按原样保留。';
        }
      }
    });
    const { problems, published } = publishDraft(files);
    expect(problems).toEqual([]);
    replays(files.received, published!);
    const all = published!.report.sections.flatMap((s) => s.blocks.map((b) => b.text)).join('\n');
    expect(all).toContain('其中二十家子村占地0.4亩的育苗基地');
    expect(all).toContain('县里建设的冷链物流中心');
    expect(all).not.toMatch(/[,;()]/);
    expect(published!.corrections.repairs.map((r) => r.id)).toEqual(
      published!.corrections.repairs.map((_, i) => `c${String(i + 1).padStart(2, '0')}`),
    );
    expect(published!.corrections.repairs.find((r) => r.before === '占地.4亩')).toMatchObject({
      kind: 'lost-character',
      after: '占地0.4亩',
    });
    expect(published!.corrections.noted.map((n) => n.note)).toEqual(
      Array(4).fill('版面此处数字缺失，无法核对原数，按原样保留。'),
    );
    // The healed column breaks merge blocks; ids stay those of the draft, so links made from it still hold.
    const ids = published!.report.sections.flatMap((s) => s.blocks.map((b) => b.id));
    expect(ids.every((id) => id.startsWith('qingshi-2022-03-s'))).toBe(true);
  });

  it('moves a caption taken out of a sentence after its paragraph, and the log still replays', () => {
    const files = draft('xugou-fixture.txt', 'xugou-2021', (d) => {
      for (const f of d.flags) f.decision = 'accept';
    });
    const { problems, published } = publishDraft(files);
    expect(problems).toEqual([]);
    replays(files.received, published!);
    const blocks = published!.report.sections[0]!.blocks;
    const at = blocks.findIndex((b) => b.text.includes('计划建设富有特色、规模适中的样例园区'));
    expect(blocks[at + 1]).toMatchObject({ role: 'caption', text: '样例花园示意图。', credit: '本报记者 测试员 摄' });
  });

  it('refuses to accept a flag that has no repair, and an edit without one', () => {
    const files = draft('qingshi-page.txt', 'qingshi-2022-03', (d) => {
      for (const f of d.flags) f.decision = f.kind === 'lost-digit' ? 'accept' : 'reject';
      d.flags.find((f) => f.kind === 'stray-word')!.decision = 'edit';
    });
    const messages = publishDraft(files).problems.map((p) => p.message);
    expect(messages.filter((m) => /has no suggested repair to accept/.test(m))).toHaveLength(5);
    expect(messages.filter((m) => /is "edit" but "edited" does not give/.test(m))).toHaveLength(0);
    expect(messages).toHaveLength(5);
  });

  it('refuses a paragraph id another report already uses, and texts edited in report.json', () => {
    const files = draft('baishui-2022-06.txt', 'baishui-2022-06', (d) => {
      for (const f of d.flags) f.decision = 'reject';
    });
    expect(publishDraft(files, new Set(['baishui-2022-06-s1-p01'])).problems[0]?.message).toMatch(
      /"baishui-2022-06-s1-p01" is already used by a published report/,
    );
    const edited = { ...files, report: files.report.replace('夏粮丰收', '夏粮大丰收') };
    expect(publishDraft(edited).problems[0]?.message).toMatch(/no longer reads as received/);
  });
});

describe('npm run publish:report', () => {
  const importer = join(root, 'scripts/import-report.ts');
  const script = join(root, 'scripts/publish-report.ts');
  const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8' });

  it('refuses an undecided draft with file:line for each flag, then publishes the decided one', () => {
    const project = mkdtempSync(join(tmpdir(), 'publish-'));
    const file = join(root, 'tests/fixtures/reports/baishui-2022-06.txt');
    execFileSync(process.execPath, [importer, file, '--id', 'baishui-2022-06', '--root', project], { cwd: root });
    const refused = run('baishui-2022-06', '--root', project);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^content\/drafts\/baishui-2022-06\/decisions\.json:\d+: flag f001 .*is undecided/m);
    expect(refused.stderr).toMatch(/^content\/drafts\/baishui-2022-06\/meta\.json:\d+: place: fill it/m);
    expect(refused.stderr).not.toMatch(/\n\s+at /);

    const dir = join(project, 'content/drafts/baishui-2022-06');
    const decisions = JSON.parse(readFileSync(join(dir, 'decisions.json'), 'utf8')) as Decisions;
    for (const f of decisions.flags) f.decision = f.kind === 'lost-digit' ? 'reject' : 'accept';
    writeFileSync(join(dir, 'decisions.json'), JSON.stringify(decisions, null, 2));
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
    writeFileSync(
      join(dir, 'meta.json'),
      JSON.stringify({ ...meta, key: '2022-06', place: '白水县', period: '2022年夏' }),
    );
    const ok = run('baishui-2022-06', '--root', project);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const out = join(project, 'content/reports/baishui-2022-06');
    for (const f of ['received.txt', 'report.json', 'corrections.json', 'meta.json', 'numbers.json'])
      expect(existsSync(join(out, f)), f).toBe(true);
    expect(existsSync(dir)).toBe(false);
    expect(readFileSync(join(out, 'received.txt'), 'utf8')).toBe(readFileSync(file, 'utf8'));
    const published = {
      report: JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')),
      corrections: JSON.parse(readFileSync(join(out, 'corrections.json'), 'utf8')),
    };
    replays(readFileSync(file, 'utf8'), published);
    expect(JSON.parse(readFileSync(join(out, 'meta.json'), 'utf8'))).toMatchObject({
      byline: '记者 周一',
      publication: null,
      date: null,
    });
  }, 60_000);

  it.each([
    [['a', 'b'], /give one report id, not 2/],
    [['Bad Id'], /"Bad Id" is not a report id/],
    [['no-such-draft'], /content\/drafts\/no-such-draft does not exist/],
  ])('refuses %j with one line and the usage, no stack trace', (args, message) => {
    const r = run(...args, '--root', mkdtempSync(join(tmpdir(), 'publish-')));
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(message);
    expect(lines[1]).toMatch(/^usage: npm run publish:report -- <report-id>/);
  });
});
