#!/usr/bin/env node
// Runs every check and ends with one line `N passed, N failed, N skipped` that CI reads.
// Steps (type check, lint, format, content check, build) count as one test each; Vitest's own counts are added.
//
// Two lanes, one per core, from the start: the production build and then the site tests (against the built dist/,
// the longest step); beside them lint, format, the data check, the unit tests and the type check. The type check
// and the build both write Astro's generated types and content store in this checkout, so the type check waits for
// the build (the site tests build only in project copies). The site tests print as they go; every other step's
// output is printed in one piece when it ends, with its time.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

// Astro reports every build and check to its telemetry server (and runs git to describe the project): the suite
// stays off the network, so a slow or absent connection cannot change a run.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

/**
 * Runs a command and resolves to ok. The one long step of each phase (`live`) prints as it goes; the others
 * print their output in one piece when they end, with their result and time.
 */
function step(name, command, args, live = false) {
  const started = Date.now();
  const title = `\n▶ ${name}: ${command} ${args.join(' ')}`;
  if (live) console.log(title);
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      env: process.env,
      stdio: ['ignore', live ? 'inherit' : 'pipe', live ? 'inherit' : 'pipe'],
    });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.on('close', (status) => {
      const ok = status === 0;
      if (!live) console.log(title);
      process.stdout.write(Buffer.concat(output));
      console.log(`${ok ? '✓' : '✗'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      resolve(ok);
    });
  });
}

/** Runs a step that counts as one test. */
async function check(name, command, args, live = false) {
  const ok = await step(name, command, args, live);
  results[ok ? 'passed' : 'failed'] += 1;
  if (!ok) failures.push(name);
  return ok;
}

/** Runs one Vitest project with a JSON report and adds its tests to the counts (the step itself is not a test). */
async function vitest(project, live = false) {
  const report = `.test-output/vitest-${project}.json`;
  rmSync(report, { force: true });
  await step(
    `vitest ${project}`,
    'npx',
    [
      'vitest',
      'run',
      '--config',
      'tests/vitest.config.ts',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    live,
  );
  try {
    for (const file of JSON.parse(readFileSync(report, 'utf8')).testResults) {
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
    failures.push(`vitest ${project} (no report written)`);
  }
}

const started = Date.now();
mkdirSync('.test-output', { recursive: true });

const build = check('build', 'npm', ['run', '--silent', 'build']);
await Promise.all([
  (async () => {
    if (await build) await vitest('site', true);
    else console.log('\nThe build failed, so the site tests did not run.');
  })(),
  (async () => {
    await check('lint', 'npm', ['run', '--silent', 'lint']);
    await check('format', 'npm', ['run', '--silent', 'format:check']);
    await check('content check', 'npm', ['run', '--silent', 'check:content']);
    await vitest('unit');
    await build;
    await check('type check', 'npx', ['astro', 'check']);
  })(),
]);

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\nnpm test: ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`\n${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
process.exit(results.failed ? 1 : 0);
