/** npm run import:report -- <file.txt> --id <report-id> [--force]: writes a report draft for an editor to decide. */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isSlug, ID_RULES } from '../src/data/ids.ts';
import { draftMeta, importReport, numbersJson } from '../src/editor/import-report.ts';
import { decisionsJson } from '../src/editor/decisions.ts';
import { command, fail as cliFail } from '../src/editor/cli.ts';

const usage = 'usage: npm run import:report -- <file.txt> --id <report-id> [--force] [--root <dir>]';
const { values, positionals } = command({
  name: 'import:report',
  usage: '<file.txt> --id <report-id> [--force] [--root <dir>]',
  summary: 'Writes content/drafts/<report-id>/: received.txt, report.json, meta.json, numbers.json and decisions.json.',
  options: {
    id: { type: 'string', description: 'the new report id, e.g. qingshi-2022-03' },
    force: { type: 'boolean', description: 'overwrite a draft that is already there' },
    root: { type: 'string', description: 'the project folder to write into (default: this one)' },
  },
  positionals: { min: 1, max: 1, name: 'report file', missing: 'give the report file' },
});
if (!values.id) fail('give the report id with --id, e.g. --id qingshi-2022-03');
if (!isSlug(values.id)) fail(`"${values.id}" is not a report id: ${ID_RULES.slug}`);

// SHUSHUO_ROOT lets tests import into a temporary copy; by default the project this script lives in.
const root = resolve(values.root ?? process.env.SHUSHUO_ROOT ?? fileURLToPath(new URL('..', import.meta.url)));
const file = resolve(positionals[0]!);
if (!existsSync(file)) fail(`${positionals[0]} does not exist`);
const id = values.id;
if (existsSync(join(root, 'content/reports', id)))
  fail(`content/reports/${id} is already published; choose another id`);
const out = join(root, 'content/drafts', id);
if (existsSync(out) && readdirSync(out).length > 0 && !values.force)
  fail(`${relative(root, out)} already holds a draft; pass --force to overwrite it`);

const source = basename(file);
const { report, flags, numbers } = importReport(readFileSync(file, 'utf8'), source, id);
mkdirSync(out, { recursive: true });
const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
copyFileSync(file, join(out, 'received.txt'));
writeFileSync(join(out, 'report.json'), json(report));
writeFileSync(join(out, 'meta.json'), json(draftMeta(report)));
writeFileSync(
  join(out, 'numbers.json'),
  numbersJson(
    report.sections.flatMap((s) => s.blocks),
    source,
  ),
);
writeFileSync(join(out, 'decisions.json'), decisionsJson(flags, source, id));

const blocks = report.sections.reduce((n, s) => n + s.blocks.length, 0);
const likely = flags.filter((f) => f.confidence === 'likely').length;
console.log(
  `import:report: wrote ${relative(root, out)}/: ${report.sections.length} sections, ${blocks} blocks, ` +
    `${flags.length} flags to decide in decisions.json (${likely} likely, ${flags.length - likely} to check), ${numbers.length} numbers.\n` +
    `Next: decide every flag, fill meta.json, then npm run publish:report -- ${id}`,
);

function fail(message: string): never {
  return cliFail('import:report', `${message}\n${usage}`);
}
