/** The frontmatter every article in content/stories/ must have; Astro names the file and field when it fails. */
import { z } from 'astro/zod';
import { SLUG } from './ids.ts';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findBlock } from './report.ts';

const paragraphRef = z.string().refine((id) => findBlock(id) !== undefined, {
  message: 'is not a paragraph id in content/source/report.json (ids look like "feature-p07"; see /source/)',
});

/** Returns the ids of the dataset files in content/data/ of the project root (SHUSHUO_ROOT, as for new:story, else cwd). */
function datasetFiles(): Set<string> {
  try {
    return new Set(
      readdirSync(join(process.env.SHUSHUO_ROOT ?? process.cwd(), 'content/data'))
        .filter((f) => f.endsWith('.json') && f !== 'not-data.json')
        .map((f) => f.slice(0, -5)),
    );
  } catch {
    return new Set();
  }
}

const datasetRef = z
  .string()
  .regex(SLUG)
  .refine((id) => datasetFiles().has(id), {
    error: (issue) => `"${String(issue.input)}" names no dataset in content/data/ (see /data/ for the ids)`,
  });

export const storySchema = z
  .object({
    /** Headline as printed. */
    title: z.string().min(2),
    /** The line printed above the headline (引题), if any. */
    kicker: z.string().min(2).optional(),
    /** The line printed below the headline (副题), if any. */
    subtitle: z.string().min(2).optional(),
    /** The standfirst shown under the headline: for the feature, its 核心提示. */
    standfirst: z.string().min(10).optional(),
    /** One or two sentences for cards, search results and link previews. */
    summary: z.string().min(10).max(160),
    kind: z.enum(['feature', 'brief']),
    /** The newspaper column the story ran under, e.g. 龙城时讯. */
    column: z.string().min(2).optional(),
    /** Position on the home page: 0 is the lead. */
    order: z.number().int().min(0),
    byline: z.string().min(2),
    /** Id of the report section the story comes from. */
    section: z.string().regex(SLUG, 'is a section id such as "logistics"'),
    /** Every source paragraph the article draws on. */
    sources: z.array(paragraphRef).min(1, 'lists at least one source paragraph'),
    /** Ids of the datasets in content/data/ the article's charts use. */
    datasets: z.array(datasetRef).default([]),
    /** The time the report speaks of, in words; never a made-up publication date. */
    period: z.string().min(2),
    draft: z.boolean().default(false),
  })
  .superRefine((story, ctx) => {
    // The section names where the story comes from, so it must be the section of a paragraph the story cites.
    const cited = [...new Set(story.sources.map((id) => findBlock(id)?.section.id).filter((id) => id !== undefined))];
    if (cited.length && !cited.includes(story.section))
      ctx.addIssue({
        code: 'custom',
        path: ['section'],
        message: `"${story.section}" is not the section of any paragraph in sources; use ${cited.map((id) => `"${id}"`).join(' or ')}`,
      });
  });

export type StoryData = z.infer<typeof storySchema>;
