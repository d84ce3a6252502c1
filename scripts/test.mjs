#!/usr/bin/env node
// Runs every check in order and ends with one line `N passed, N failed, N skipped` that CI reads.
// Steps (type check, data check, build) count as one test each; Vitest's own counts are added.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function step(name, command, args) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const ok = run.status === 0;
  console.log(`${ok ? '✓' : '✗'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  results[ok ? 'passed' : 'failed'] += 1;
  if (!ok) failures.push(name);
  return ok;
}

step('type check', 'npx', ['astro', 'check']);
step('lint', 'npm', ['run', '--silent', 'lint']);
step('format', 'npm', ['run', '--silent', 'format:check']);
step('content check', 'npm', ['run', '--silent', 'check:content']);
const built = step('build', 'npm', ['run', '--silent', 'build']);

mkdirSync('.test-output', { recursive: true });
rmSync('.test-output/vitest.json', { force: true });
const projects = built ? [] : ['--project', 'unit'];
if (!built) console.log('\nThe build failed, so only the unit tests run; the site tests count as skipped.');
step('vitest', 'npx', [
  'vitest',
  'run',
  '--config',
  'tests/vitest.config.ts',
  ...projects,
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=.test-output/vitest.json',
]);
// The Vitest step itself is not a test: its tests are counted instead.
const vitestOk = !failures.includes('vitest');
results[vitestOk ? 'passed' : 'failed'] -= 1;
if (!vitestOk) failures.pop();
try {
  const report = JSON.parse(readFileSync('.test-output/vitest.json', 'utf8'));
  for (const file of report.testResults) {
    const tests = file.assertionResults;
    const anyFailed = tests.some((t) => t.status === 'failed');
    // A file that failed without a failing test broke in a hook or on import: its tests did not pass.
    const brokenFile = file.status === 'failed' && !anyFailed;
    if (brokenFile && tests.length === 0) results.failed += 1;
    for (const t of tests) {
      if (t.status === 'passed') results.passed += 1;
      else if (t.status === 'failed' || brokenFile) results.failed += 1;
      else results.skipped += 1;
    }
    if (brokenFile) failures.push(`${file.name} (${file.message.split('\n')[0]})`);
  }
} catch {
  results.failed += 1;
  failures.push('vitest (no report written)');
}
if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
process.exit(results.failed ? 1 : 0);
