/** npm run new:story -- <slug> --report <report-id> [--title "标题"] [--root <dir>]: scaffolds a draft story and its dataset. */
import { parseArgs } from 'node:util';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scaffoldStory, ScaffoldError } from '../src/editor/new-story.ts';

const usage =
  'usage: npm run new:story -- <slug> --report <report-id> [--title "标题"] [--root <dir>] (--report may be left out when there is one report)';
let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    strict: true,
    options: {
      title: { type: 'string' },
      report: { type: 'string' },
      root: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  fail(`${(error as Error).message.split('\n')[0]!.replace(/\.$/, '')}. ${usage}`);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (positionals.length > 1) fail(`give one slug, not ${positionals.length}. ${usage}`);

// SHUSHUO_ROOT lets tests scaffold into a temporary copy; by default the project this script lives in.
const root = resolve(values.root ?? process.env.SHUSHUO_ROOT ?? fileURLToPath(new URL('..', import.meta.url)));
try {
  const { story, dataset } = scaffoldStory({
    root,
    slug: positionals[0] ?? '',
    title: values.title,
    report: values.report,
  });
  console.log(
    `new:story: wrote ${relative(root, story)} and ${relative(root, dataset)} (draft: true). 运行 npm run dev 预览 / preview with npm run dev.`,
  );
} catch (error) {
  if (error instanceof ScaffoldError) fail(`${error.message} ${usage}`);
  throw error;
}

function fail(message: string): never {
  console.error(`new:story: ${message}`);
  process.exit(1);
}
