/** npm run import:report -- <file.txt> [--out <dir>] [--force]: writes a cleaned-source draft for an editor. */
import { parseArgs } from 'node:util';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { importReport, flagsMarkdown } from '../src/editor/import-report.ts';

const usage = 'usage: npm run import:report -- <file.txt> [--out <dir>] [--force]';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (positionals.length !== 1) fail(`give exactly one report file. ${usage}`);
const file = resolve(positionals[0]);
if (!existsSync(file)) fail(`${positionals[0]} does not exist`);

const name = basename(file, extname(file));
const out = resolve(values.out ?? join('content', 'drafts', name));
if (existsSync(out) && readdirSync(out).length > 0 && !values.force)
  fail(`${out} already holds a draft; pass --force to overwrite it`);

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

function fail(message: string): never {
  console.error(`import:report: ${message}`);
  process.exit(1);
}
