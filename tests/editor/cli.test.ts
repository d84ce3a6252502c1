/**
 * Every editor tool answers --help, refuses an unknown option or a missing argument with one line and its usage,
 * exits non-zero, and never prints a stack trace for something the editor typed (src/editor/cli.ts).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

const tools = [
  { script: 'scripts/new-story.ts', name: 'new:story', missing: /请给出文章的 slug/ },
  { script: 'scripts/import-report.ts', name: 'import:report', missing: /^import:report: give the report file$/m },
  { script: 'scripts/publish-report.ts', name: 'publish:report', missing: /^publish:report: give the report id$/m },
  { script: 'scripts/publish-report.ts', name: 'publish:report', missing: /^publish:report: give the report id$/m },
  { script: 'scripts/check-content.ts', name: 'check:content', missing: undefined },
];

const run = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, [script, ...args], {
    encoding: 'utf8',
    env: { ...process.env, SHUSHUO_ROOT: '/nonexistent' },
  });
const stack = /^\s+at .*[(:]\d+/m;
// Each case starts Node on a script; on a busy machine that takes seconds.
const slow = 60_000;

describe.each(tools)('npm run $name', ({ script, name, missing }) => {
  it(
    'answers --help with its usage and options, exit 0',
    () => {
      const r = run(script, '--help');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^usage: npm run ${name} -- `));
      expect(r.stdout).toMatch(/^\s+-h, --help\s+show this help$/m);
    },
    slow,
  );

  it(
    'refuses an unknown option with one line and the usage, naming the option it probably meant',
    () => {
      const r = run(script, '--hlep');
      expect(r.status).toBe(1);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines[0]).toBe(`${name}: unknown option --hlep; did you mean --help?`);
      expect(lines[1]).toMatch(new RegExp(`^usage: npm run ${name} -- `));
      expect(r.stderr).not.toMatch(stack);
    },
    slow,
  );

  // check:content takes no argument, so only the tools that need one are asked without it.
  if (missing)
    it(
      'refuses a missing argument with one line and the usage',
      () => {
        const r = run(script);
        expect(r.status).toBe(1);
        const lines = r.stderr.trimEnd().split('\n');
        expect(lines[0]).toMatch(missing!);
        expect(lines[1]).toMatch(new RegExp(`^usage: npm run ${name} -- `));
        expect(r.stderr).not.toMatch(stack);
      },
      slow,
    );

  it(
    'refuses an option without its value, and a value given to a flag',
    () => {
      const r = run(script, '--help=yes');
      expect(r.status).toBe(1);
      expect(r.stderr.split('\n')[0]).toBe(`${name}: the option --help takes no value`);
      expect(r.stderr).not.toMatch(stack);
    },
    slow,
  );
});
