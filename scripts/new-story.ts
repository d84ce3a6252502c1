/** npm run new:story -- <slug> [--title "标题"] [--root <dir>]: scaffolds a draft story and its dataset. */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scaffoldStory, ScaffoldError, slugProblem } from '../src/editor/new-story.ts';
import { command, fail } from '../src/editor/cli.ts';

const { values, positionals } = command({
  name: 'new:story',
  usage: '<slug> [--title "标题"] [--root <dir>]',
  summary:
    'Writes a draft story, content/stories/<slug>.mdx (draft: true), and its dataset, content/data/<slug>.json, ready to edit.',
  options: {
    title: { type: 'string', description: 'the headline (default: a placeholder to replace)' },
    root: { type: 'string', description: 'the project folder to write into (default: this one)' },
  },
  positionals: { min: 1, max: 1, name: 'slug', missing: slugProblem('') },
});

// SHUSHUO_ROOT lets tests scaffold into a temporary copy; by default the project this script lives in.
const root = resolve(values.root ?? process.env.SHUSHUO_ROOT ?? fileURLToPath(new URL('..', import.meta.url)));
try {
  const { story, dataset } = scaffoldStory({ root, slug: positionals[0]!, title: values.title });
  console.log(
    `new:story: wrote ${relative(root, story)} and ${relative(root, dataset)} (draft: true). 运行 npm run dev 预览 / preview with npm run dev.`,
  );
} catch (error) {
  if (error instanceof ScaffoldError) fail('new:story', error.message);
  throw error;
}
