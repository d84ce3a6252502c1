/** npm run import:report -- <file.txt> --id <report-id> [--force]: writes a report draft for an editor to decide. */
import { parseArgs } from 'node:util';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isSlug, ID_RULES } from '../src/data/ids.ts';
import { draftMeta, importReport } from '../src/editor/import-report.ts';
import { decisionsJson } from '../src/editor/decisions.ts';

const usage = 'usage: npm run import:report -- <file.txt> --id <report-id> [--force] [--root <dir>]';
let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      id: { type: 'string' },
      force: { type: 'boolean', default: false },
      root: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  fail(`${(error as Error).message}`);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(
    `${usage}\nWrites content/drafts/<report-id>/: received.txt, report.json, meta.json, numbers.json and decisions.json.`,
  );
  process.exit(0);
}
if (positionals.length !== 1)
  fail(positionals.length ? `give one report file, not ${positionals.length}` : 'give the report file');
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
const { report, flags, numbers, notData } = importReport(readFileSync(file, 'utf8'), source, id);
mkdirSync(out, { recursive: true });
const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
copyFileSync(file, join(out, 'received.txt'));
writeFileSync(join(out, 'report.json'), json(report));
writeFileSync(join(out, 'meta.json'), json(draftMeta(report)));
writeFileSync(
  join(out, 'numbers.json'),
  json({
    $comment:
      'Every quantity the report prints (draft dataset rows: value, unit, qualifier, quote) and, under notData, the numerals that are not quantities, as candidate content/data/not-data.json entries. A reading aid: nothing here is checked or published.',
    source,
    numbers,
    notData,
  }),
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
  console.error(`import:report: ${message}\n${usage}`);
  process.exit(1);
}
