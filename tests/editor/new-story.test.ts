import { datasetSchema } from '../../src/data/dataset-schema.ts';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { storySchema } from '../../src/data/story-schema.ts';
import { findBlock, getReport } from '../../src/data/report.ts';
import { nextOrder, scaffoldStory, slugProblem } from '../../src/editor/new-story.ts';
import { placeholderFor } from '../../src/editor/placeholders.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const script = join(root, 'scripts/new-story.ts');
const first = getReport('longcheng-2021-09')!;
const placeholder = placeholderFor(first)!;

/** A temporary project holding a copy of the real stories, so nothing is written into content/. */
function tempProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'new-story-'));
  cpSync(join(root, 'content/stories'), join(dir, 'content/stories'), { recursive: true });
  cpSync(join(root, 'content/reports'), join(dir, 'content/reports'), { recursive: true });
  return dir;
}

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [script, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
}

/** Validates scaffolded frontmatter against the story schema, with the scaffold's folder as the project root. */
function parseStory(dir: string, mdx: string) {
  process.env.SHUSHUO_ROOT = dir;
  try {
    return storySchema.parse(frontmatter(mdx));
  } finally {
    delete process.env.SHUSHUO_ROOT;
  }
}

function frontmatter(mdx: string): unknown {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(mdx);
  expect(m, 'the story starts with a frontmatter block').not.toBeNull();
  return parseYaml(m?.[1] ?? '');
}

describe('npm run new:story', () => {
  it('scaffolds a draft story whose frontmatter passes the story schema', () => {
    const dir = tempProject();
    const r = run(['port-logistics', '--root', dir, '--title', '港口物流']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('content/stories/port-logistics.mdx');
    const mdx = readFileSync(join(dir, 'content/stories/port-logistics.mdx'), 'utf8');
    const data = parseStory(dir, mdx);
    expect(data).toMatchObject({
      title: '港口物流',
      draft: true,
      kind: 'brief',
      datasets: ['port-logistics'],
      report: 'longcheng-2021-09',
      sources: [placeholder.paragraph],
      byline: first.meta.byline,
    });
    // The period is the report's own (shown once, with the report's name): the draft does not repeat it.
    expect(data).not.toHaveProperty('period');
    expect(findBlock(placeholder.paragraph)?.report).toBe('longcheng-2021-09');
    // After the report's seven real stories (orders 0–6), on the report's next free position.
    expect(data.order).toBe(7);
    expect(nextOrder(join(root, 'content/stories'), 'longcheng-2021-09')).toBe(7);
  });

  it('puts an example chart on the scaffolded dataset, with editor comments in Chinese and English', () => {
    const dir = tempProject();
    scaffoldStory({ root: dir, slug: 'port-logistics' });
    const mdx = readFileSync(join(dir, 'content/stories/port-logistics.mdx'), 'utf8');
    expect(mdx).toContain('<Chart id="port-logistics-1" dataset="port-logistics" kind="bar" title="');
    expect(mdx).toMatch(/<Chart [^>]*takeaway="[^"]+" \/>/);
    expect(mdx.match(/<Chart\b/g)).toHaveLength(1);
    expect(mdx).toMatch(/\{\/\*[\s\S]*请替换[\s\S]*Replace[\s\S]*\*\/\}/);
    expect(mdx).toContain(`<Src p="${placeholder.paragraph}" />`);
    expect(parseStory(dir, mdx).title).toBe('待定标题（请替换）');
  });

  it('writes a dataset with every field, each row quoting a real paragraph that contains its value', () => {
    const dir = tempProject();
    scaffoldStory({ root: dir, slug: 'port-logistics', title: '港口物流' });
    const dataset = JSON.parse(readFileSync(join(dir, 'content/data/port-logistics.json'), 'utf8'));
    expect(Object.keys(dataset).sort()).toEqual(
      ['asOf', 'description', 'id', 'measure', 'notes', 'report', 'rows', 'stories', 'title', 'unitNote'].sort(),
    );
    expect(dataset).toMatchObject({
      id: 'port-logistics',
      report: 'longcheng-2021-09',
      stories: ['port-logistics'],
      asOf: first.meta.period,
    });
    expect(dataset.rows.length).toBeGreaterThan(1);
    expect(new Set(dataset.rows.map((r: { unit: string }) => r.unit)).size, 'one unit per chart').toBe(1);
    for (const row of dataset.rows) {
      expect(row).toEqual({
        id: expect.stringMatching(/^[a-z0-9-]+$/),
        label: expect.any(String),
        value: expect.any(Number),
        unit: expect.any(String),
        source: { paragraph: expect.any(String), quote: expect.any(String) },
      });
      const block = findBlock(row.source.paragraph);
      expect(block?.report, row.source.paragraph).toBe('longcheng-2021-09');
      expect(block!.block.text).toContain(row.source.quote);
      expect(row.source.quote).toContain(String(row.value));
    }
  });

  it('validates the dataset with the project schema', () => {
    const dir = tempProject();
    scaffoldStory({ root: dir, slug: 'port-logistics' });
    const result = datasetSchema.safeParse(
      JSON.parse(readFileSync(join(dir, 'content/data/port-logistics.json'), 'utf8')),
    );
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });

  it('refuses an existing story and an existing dataset, changing nothing', () => {
    const dir = tempProject();
    const before = readFileSync(join(dir, 'content/stories/logistics.mdx'), 'utf8');
    const r = run(['logistics', '--root', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/new:story: 文章 story "logistics" 已存在.*already exists/);
    expect(readFileSync(join(dir, 'content/stories/logistics.mdx'), 'utf8')).toBe(before);
    expect(existsSync(join(dir, 'content/data/logistics.json'))).toBe(false);

    scaffoldStory({ root: dir, slug: 'taken' });
    expect(() => scaffoldStory({ root: dir, slug: 'taken' })).toThrow(/文章 story "taken" 已存在/);
    writeFileSync(join(dir, 'content/data/only-data.json'), '{}');
    expect(() => scaffoldStory({ root: dir, slug: 'only-data' })).toThrow(/数据集 dataset "only-data" 已存在/);
    expect(existsSync(join(dir, 'content/stories/only-data.mdx'))).toBe(false);
  });

  it.each(['Port', 'port_logistics', 'port--logistics', 'port-', '物流', 'port logistics'])(
    'refuses the malformed slug %j',
    (slug) => {
      const dir = tempProject();
      const r = run([slug, '--root', dir]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('kebab-case');
      expect(existsSync(join(dir, 'content/data'))).toBe(false);
    },
  );

  it('asks for a slug when none is given, and honours SHUSHUO_ROOT', () => {
    const dir = tempProject();
    const none = run([], { SHUSHUO_ROOT: dir });
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/npm run new:story -- port-logistics/);
    expect(run(['via-env'], { SHUSHUO_ROOT: dir }).status).toBe(0);
    expect(existsSync(join(dir, 'content/stories/via-env.mdx'))).toBe(true);
  });

  it('explains slug rules in both languages', () => {
    expect(slugProblem('good-slug-2')).toBeUndefined();
    expect(slugProblem('Bad')).toMatch(/格式不对.*kebab-case/);
    // On the command line a leading hyphen reads as an option, which the script also refuses with exit code 1.
    expect(slugProblem('-port')).toMatch(/kebab-case/);
  });
});

describe('npm run new:story --report', () => {
  /** A project with the real report and a second, fictional one (tests/fixtures/reports/archive/). */
  function twoReports(): string {
    const dir = tempProject();
    cpSync(join(root, 'tests/fixtures/reports/archive/content/reports'), join(dir, 'content/reports'), {
      recursive: true,
    });
    return dir;
  }

  it('takes byline, section, sources and quotes from the report named', () => {
    const dir = twoReports();
    const r = run(['harbour', '--report', 'xugou-2031-05', '--root', dir]);
    expect(r.status, r.stderr).toBe(0);
    const mdx = readFileSync(join(dir, 'content/stories/harbour.mdx'), 'utf8');
    const fm = frontmatter(mdx) as Record<string, unknown>;
    expect(fm).toMatchObject({ report: 'xugou-2031-05', byline: '本报记者 甄文', order: 0 });
    expect(fm).not.toHaveProperty('period');
    expect(String((fm.sources as string[])[0])).toMatch(/^xugou-2031-05-/);
    expect(mdx).not.toMatch(/张旭|龙城/);
    const dataset = JSON.parse(readFileSync(join(dir, 'content/data/harbour.json'), 'utf8'));
    expect(dataset.report).toBe('xugou-2031-05');
    for (const row of dataset.rows) expect(row.source.paragraph).toMatch(/^xugou-2031-05-/);
  });

  it('requires --report when there is more than one report, naming them', () => {
    const dir = twoReports();
    const r = run(['harbour', '--root', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--report/);
    expect(r.stderr).toContain('longcheng-2021-09');
    expect(r.stderr).toContain('xugou-2031-05');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'content/stories/harbour.mdx'))).toBe(false);
  });

  it('refuses an unknown report with the nearest id, in one line and the usage', () => {
    const dir = twoReports();
    const r = run(['harbour', '--report', 'xugou-2031-5', '--root', dir]);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^new:story: .*Unknown report "xugou-2031-5"; did you mean "xugou-2031-05"\?/);
    expect(lines[1]).toMatch(/^usage: npm run new:story -- <slug> --report <report-id>/);
  });

  it('refuses an unknown option and a missing slug in one line and the usage, no stack trace', () => {
    const dir = tempProject();
    for (const args of [
      ['harbour', '--id', 'x', '--root', dir],
      ['--report', 'longcheng-2021-09', '--root', dir],
    ]) {
      const r = run(args);
      expect(r.status, args.join(' ')).toBe(1);
      const lines = r.stderr.trim().split('\n');
      expect(lines, r.stderr).toHaveLength(2);
      expect(lines[1]).toMatch(/^usage: npm run new:story -- <slug> --report <report-id>/);
      expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    }
  });

  it('answers --help with the usage', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--report <report-id>');
  });
});
