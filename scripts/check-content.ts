/**
 * npm run check:content: checks everything an editor writes — reports, datasets, not-data.json, every story's
 * frontmatter and component calls, and the links between them — without building the site. Prints every problem
 * at its file:line:column with the fix, sorted, then a count; exits 1 on any. `npm run build` and `npm run dev`
 * run the same check first (src/data/content-check-integration.ts).
 */
import { resolve } from 'node:path';
import { command, run } from '../src/editor/cli.ts';
import { checkContent, diskFiles } from '../src/data/check-content.ts';
import { diskMemo } from '../src/data/check-memo.ts';
import { formatReport } from '../src/data/diagnostics.ts';

const { values } = command({
  name: 'check:content',
  usage: '[--root <dir>]',
  summary:
    'Checks every report, dataset and story (frontmatter and component calls) and the links between them, without building the site.',
  options: { root: { type: 'string', description: 'the project folder to check (default: this one)' } },
});

await run('check:content', () => {
  const root = resolve(values.root ?? process.cwd());
  const memo = diskMemo(root);
  const result = checkContent(diskFiles(root), memo);
  memo.save();
  if (result.problems.length) {
    console.error(formatReport(result.problems, result.texts));
    process.exit(1);
  }
  const c = result.counts;
  console.log(
    `✓ content checked: ${c.reports} report${c.reports === 1 ? '' : 's'}, ${c.datasets} datasets (${c.values} values), ${c.stories} stories, ${c.charts} charts`,
  );
});
