import { describe, expect, it } from 'vitest';
import { storySchema } from '../../src/data/story-schema.ts';

// Fiction for the test: a story about the logistics paragraphs of the report.
const story = {
  title: '物流项目',
  summary: '测试用的摘要，至少十个字，虚构。',
  kind: 'brief',
  order: 9,
  byline: '本报记者',
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
