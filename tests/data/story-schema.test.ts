import { describe, expect, it } from 'vitest';
import { storySchema } from '../../src/data/story-schema.ts';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTwoReportsRoot } from '../helpers/reports-root.ts';

// Fiction for the test: a story about the logistics paragraphs of the report.
const story = {
  title: '物流项目',
  summary: '测试用的摘要，至少十个字，虚构。',
  kind: 'brief',
  order: 9,
  byline: '本报记者',
  report: 'longcheng-2021-09',
  section: 'logistics',
  sources: ['logistics-p02'],
  period: '2021年9月',
};

describe('story frontmatter: section', () => {
  it('accepts the section its source paragraphs belong to', () => {
    expect(storySchema.safeParse(story).success).toBe(true);
  });

  it('rejects a section that none of its sources belongs to, naming the field and the right one', () => {
    const result = storySchema.safeParse({ ...story, section: 'feature' });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path.join('.') === 'section');
    expect(issue?.message).toContain('"logistics"');
  });
});

describe('story frontmatter: report', () => {
  // A project root holding the real report and the fictional second one (tests/fixtures/reports/archive/).
  useTwoReportsRoot('story-schema-');

  it('is required', () => {
    const { report: _omit, ...without } = story;
    const result = storySchema.safeParse(without);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('report');
  });

  it('refuses a report that does not exist, listing the reports', () => {
    const result = storySchema.safeParse({ ...story, report: 'longcheng-2021-10' });
    const issue = result.error?.issues.find((i) => i.path.join('.') === 'report');
    expect(issue?.message).toMatch(/"longcheng-2021-10" names no report in content\/reports\/.*xugou-2031-05/);
  });

  it('refuses a source paragraph of another report, naming the field and both reports', () => {
    const result = storySchema.safeParse({
      ...story,
      sources: ['logistics-p02', 'xugou-2031-05-harbour-p02'],
    });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path.join('.') === 'sources.1');
    expect(issue?.message).toBe(
      '"xugou-2031-05-harbour-p02" is a paragraph of report "xugou-2031-05", not of this story\'s report "longcheng-2021-09"; cite a paragraph of longcheng-2021-09 or change report',
    );
  });

  it("accepts a story of the second report citing that report's paragraphs", () => {
    const result = storySchema.safeParse({
      ...story,
      report: 'xugou-2031-05',
      section: 'harbour',
      sources: ['xugou-2031-05-harbour-p02'],
    });
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });
});

describe('story frontmatter: datasets', () => {
  // A project root with the two reports and a content/data/ folder the test edits (fiction: port-cargo).
  const root = useTwoReportsRoot('story-schema-data-');
  const withData = { ...story, datasets: ['port-cargo'] };

  it('sees a dataset file added, and one removed, after the folder was first read', () => {
    mkdirSync(join(root(), 'content/data'), { recursive: true });
    const first = storySchema.safeParse(withData);
    expect(first.error?.issues.find((i) => i.path.join('.') === 'datasets.0')?.message).toBe(
      '"port-cargo" names no dataset in content/data/ (see /data/ for the ids)',
    );
    writeFileSync(join(root(), 'content/data/port-cargo.json'), '{}');
    expect(storySchema.safeParse(withData).success).toBe(true);
    rmSync(join(root(), 'content/data/port-cargo.json'));
    expect(storySchema.safeParse(withData).success).toBe(false);
  });
});
