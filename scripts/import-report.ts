/** npm run import:report -- <file.txt> [--out <dir>] [--force]: writes a cleaned-source draft for an editor. */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { importReport, flagsMarkdown } from '../src/editor/import-report.ts';
import { command, fail } from '../src/editor/cli.ts';

const { values, positionals } = command({
  name: 'import:report',
  usage: '<file.txt> [--out <dir>] [--force]',
  summary:
    'Turns a report as received into a cleaned-source draft (report.json, flags.md, numbers.json) for an editor to review.',
  options: {
    out: { type: 'string', description: 'the folder to write (default: content/drafts/<file name>)' },
    force: { type: 'boolean', description: 'overwrite a draft that is already there' },
  },
  positionals: { min: 1, max: 1, name: 'report file' },
});
const file = resolve(positionals[0]!);
if (!existsSync(file)) fail('import:report', `${positionals[0]} does not exist`);

const name = basename(file, extname(file));
const out = resolve(values.out ?? join('content', 'drafts', name));
if (existsSync(out) && readdirSync(out).length > 0 && !values.force)
  fail('import:report', `${out} already holds a draft; pass --force to overwrite it`);

const { report, flags, numbers } = importReport(readFileSync(file, 'utf8'), basename(file));
mkdirSync(out, { recursive: true });
const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
writeFileSync(join(out, 'report.json'), json(report));
writeFileSync(join(out, 'flags.json'), json({ source: basename(file), flags }));
writeFileSync(join(out, 'flags.md'), flagsMarkdown(flags, basename(file)));
writeFileSync(join(out, 'numbers.json'), json({ source: basename(file), numbers }));

const blocks = report.sections.reduce((n, s) => n + s.blocks.length, 0);
console.log(
  `${out}: ${report.sections.length} sections, ${blocks} blocks, ${flags.length} flags (see flags.md), ${numbers.length} numbers`,
);
