/** npm run publish:report -- <report-id>: moves a decided draft into content/reports/<report-id>/. */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isSlug, ID_RULES } from '../src/data/ids.ts';
import { metaProblems, publishDraft } from '../src/editor/publish-report.ts';
import { numbersJson } from '../src/editor/import-report.ts';
import { command, fail as cliFail } from '../src/editor/cli.ts';

const usage = 'usage: npm run publish:report -- <report-id> [--root <dir>]';
const { values, positionals } = command({
  name: 'publish:report',
  usage: '<report-id> [--root <dir>]',
  summary:
    'Applies the repairs decided in content/drafts/<report-id>/decisions.json, logs them in corrections.json and moves the draft to content/reports/<report-id>/.',
  options: {
    root: { type: 'string', description: 'the project folder to publish in (default: this one)' },
  },
  positionals: { min: 1, max: 1, name: 'report id', missing: 'give the report id' },
});
const id = positionals[0]!;
if (!isSlug(id)) fail(`"${id}" is not a report id: ${ID_RULES.slug}`);

// SHUSHUO_ROOT lets tests publish in a temporary copy; by default the project this script lives in.
const root = resolve(values.root ?? process.env.SHUSHUO_ROOT ?? fileURLToPath(new URL('..', import.meta.url)));
const draftDir = join(root, 'content/drafts', id);
const reportsDir = join(root, 'content/reports');
if (!existsSync(draftDir))
  fail(`content/drafts/${id} does not exist; run npm run import:report -- <file.txt> --id ${id} first`);
if (existsSync(join(reportsDir, id))) fail(`content/reports/${id} is already published`);
const read = (name: string) => {
  const path = join(draftDir, name);
  if (!existsSync(path)) fail(`content/drafts/${id}/${name} is missing; import the report again with --force`);
  return readFileSync(path, 'utf8');
};
const files = {
  id,
  received: read('received.txt'),
  report: read('report.json'),
  decisions: read('decisions.json'),
  meta: read('meta.json'),
};

// Paragraph ids are unique across the site: collect every published report's.
const taken = new Set<string>();
for (const other of existsSync(reportsDir) ? readdirSync(reportsDir) : []) {
  const path = join(reportsDir, other, 'report.json');
  if (!existsSync(path)) continue;
  const report = JSON.parse(readFileSync(path, 'utf8')) as { sections: { blocks: { id: string }[] }[] };
  for (const s of report.sections) for (const b of s.blocks) taken.add(b.id);
}

const { problems, published } = publishDraft(files, taken);
const meta = metaProblems(files.meta);
const all = [...problems, ...meta.problems];
if (all.length || !published) {
  for (const p of all) console.error(`content/drafts/${id}/${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  console.error(`publish:report: ${all.length} thing(s) to settle before content/drafts/${id} can be published.`);
  process.exit(1);
}

const out = join(reportsDir, id);
mkdirSync(out, { recursive: true });
const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
writeFileSync(join(out, 'received.txt'), files.received);
writeFileSync(join(out, 'report.json'), json(published.report));
writeFileSync(join(out, 'corrections.json'), json(published.corrections));
writeFileSync(join(out, 'meta.json'), json(meta.meta));
// The number list again, from the cleaned text: its quotes now match report.json exactly, ready for datasets.
writeFileSync(
  join(out, 'numbers.json'),
  numbersJson(
    published.report.sections.flatMap((s) => s.blocks),
    `content/reports/${id}/report.json`,
  ),
);
rmSync(draftDir, { recursive: true });
const blocks = published.report.sections.reduce((n, s) => n + s.blocks.length, 0);
console.log(
  `publish:report: wrote content/reports/${id}/ (${published.report.sections.length} sections, ${blocks} blocks, ` +
    `${published.corrections.repairs.length} repairs, ${published.corrections.noted.length} doubts) and removed the draft.\n` +
    `Next: npm run new:story -- <slug> --report ${id}`,
);

function fail(message: string): never {
  return cliFail('publish:report', `${message}\n${usage}`);
}
