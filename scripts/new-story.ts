/** npm run new:story -- <slug> --report <report-id> [--title "标题"] [--root <dir>]: scaffolds a draft story and its dataset. */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scaffoldStory, ScaffoldError, slugProblem } from '../src/editor/new-story.ts';
import { command, fail } from '../src/editor/cli.ts';

const USAGE = '<slug> --report <report-id> [--title "标题"] [--root <dir>]';
const { values, positionals } = command({
  name: 'new:story',
  usage: USAGE,
  summary:
    'Writes a draft story of one report, content/stories/<slug>.mdx (draft: true), and its dataset, content/data/<slug>.json, ready to edit; byline, period, section, source paragraph and placeholder quotes come from the report. --report may be left out while there is a single report.',
  options: {
    report: { type: 'string', description: 'the report the story belongs to (a folder of content/reports/)' },
    title: { type: 'string', description: 'the headline (default: a placeholder to replace)' },
    root: { type: 'string', description: 'the project folder to write into (default: this one)' },
  },
  positionals: { min: 1, max: 1, name: 'slug', missing: slugProblem('') },
});

// SHUSHUO_ROOT lets tests scaffold into a temporary copy; by default the project this script lives in.
const root = resolve(values.root ?? process.env.SHUSHUO_ROOT ?? fileURLToPath(new URL('..', import.meta.url)));
try {
  const { story, dataset } = scaffoldStory({ root, slug: positionals[0]!, title: values.title, report: values.report });
  console.log(
    `new:story: wrote ${relative(root, story)} and ${relative(root, dataset)} (draft: true). 运行 npm run dev 预览 / preview with npm run dev.`,
  );
} catch (error) {
  // A wrong or missing --report is a mistake in the command, so the usage follows the message as for an option.
  if (error instanceof ScaffoldError) fail('new:story', `${error.message}\nusage: npm run new:story -- ${USAGE}`);
  throw error;
}
