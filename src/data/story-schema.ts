/** The frontmatter every article in content/stories/ must have; Astro names the file and field when it fails. */
import { z } from 'astro/zod';
import { SLUG } from './ids.ts';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findBlock, getReport, reportIds } from './report.ts';

const paragraphRef = z.string().refine((id) => findBlock(id) !== undefined, {
  message:
    'is not a paragraph id of any report in content/reports/ (ids look like "feature-p07"; see the report\'s source page under /reports/)',
});

const reportRef = z.string().refine((id) => getReport(id) !== undefined, {
  error: (issue) =>
    `"${String(issue.input)}" names no report in content/reports/ (reports are ${reportIds().join(', ') || '(none)'})`,
});

let datasetIds: { dir: string; mtimeMs: number; ids: Set<string> } | undefined;

/**
 * Returns the ids of the dataset files in content/data/ of the project root (SHUSHUO_ROOT, as for new:story, else
 * cwd). The folder is listed again only when its modification time changes (a file added, removed or renamed):
 * every story names its datasets, and listing 1,000 files once per name took 0.7 s of a 1,000-story build.
 */
function datasetFiles(): Set<string> {
  const dir = join(process.env.SHUSHUO_ROOT ?? process.cwd(), 'content/data');
  try {
    const { mtimeMs } = statSync(dir);
    if (datasetIds?.dir === dir && datasetIds.mtimeMs === mtimeMs) return datasetIds.ids;
    const ids = new Set(
      readdirSync(dir)
        .filter((f) => f.endsWith('.json') && f !== 'not-data.json')
        .map((f) => f.slice(0, -5)),
    );
    datasetIds = { dir, mtimeMs, ids };
    return ids;
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

/**
 * The story fields without the links to reports and datasets (report, sources and datasets only as ids): what
 * check:content parses, since it checks those links against the content it reads and must not load the reports
 * through src/data/report.ts, which stops at the first malformed report file.
 */
export const storyFieldsSchema = z.object({
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
  /** Position within its report, as printed: 0 is the lead. */
  order: z.number().int().min(0),
  byline: z.string().min(2),
  /** Id of the report (a folder of content/reports/) the story belongs to. */
  report: z.string(),
  /** Id of the report section the story comes from. */
  section: z.string().regex(SLUG, 'is a section id such as "logistics"'),
  /** Every source paragraph the article draws on. */
  sources: z.array(z.string()).min(1, 'lists at least one source paragraph'),
  /** Ids of the datasets in content/data/ the article's charts use. */
  datasets: z.array(z.string().regex(SLUG)).default([]),
  /**
   * Only when the story speaks of a time other than its report's (meta.json `period`, which the page shows with the
   * report's name), in words; never a made-up publication date.
   */
  period: z.string().min(2).optional(),
  draft: z.boolean().default(false),
});

export const storySchema = storyFieldsSchema
  .extend({
    report: reportRef,
    sources: z.array(paragraphRef).min(1, 'lists at least one source paragraph'),
    datasets: z.array(datasetRef).default([]),
  })
  .superRefine((story, ctx) => {
    // A story follows one report: every source paragraph must be one of that report's.
    story.sources.forEach((id, i) => {
      const owner = findBlock(id)?.report;
      if (owner && owner !== story.report)
        ctx.addIssue({
          code: 'custom',
          path: ['sources', i],
          message: `"${id}" is a paragraph of report "${owner}", not of this story's report "${story.report}"; cite a paragraph of ${story.report} or change report`,
        });
    });
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
