/**
 * Normalised SVG snapshots, after Observable Plot's tests: numbers rounded to two decimals and one element per line,
 * compared with tests/charts/__snapshots__/<name>.svg. A mismatch writes <name>-changed.svg beside it and fails;
 * to accept a change, replace the snapshot with the -changed file. A missing snapshot is written with a warning (a new
 * chart's first local run records it: look at the file before committing); under CI (process.env.CI set) a missing
 * snapshot fails instead, so a snapshot never committed cannot pass unseen.
 */
import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('./__snapshots__/', import.meta.url));

/** Rounds every decimal number to two places and breaks the markup before each element. */
export function normalise(svg: string): string {
  return (
    svg
      .replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100))
      .replace(/></g, '>\n<')
      .trim() + '\n'
  );
}

/** Compares svg with the stored snapshot `name`; see the module comment for what happens on a mismatch. */
export function expectSnapshot(name: string, svg: string): void {
  mkdirSync(dir, { recursive: true });
  const file = `${dir}${name}.svg`;
  const changed = `${dir}${name}-changed.svg`;
  const actual = normalise(svg);
  if (!existsSync(file)) {
    if (process.env.CI)
      throw new Error(`SVG snapshot "${name}" is missing under CI: run the chart tests locally to record ${file}.`);
    console.warn(`! SVG snapshot "${name}" was missing and is now written: ${file}`);
    writeFileSync(file, actual);
    return;
  }
  if (readFileSync(file, 'utf8') === actual) {
    if (existsSync(changed)) unlinkSync(changed);
    return;
  }
  writeFileSync(changed, actual);
  throw new Error(
    `SVG snapshot "${name}" changed: compare ${file} with ${changed}; if the change is wanted, replace the snapshot with it.`,
  );
}
