/**
 * Checks every dataset in a folder (default content/data) against the cleaned report: schema, units, stories,
 * quotes, values, derived formulas; and, when the folder holds not-data.json, that every number in the report is
 * covered. Prints "✓ N datasets, M values checked" or every problem, and exits 1 on any.
 * Usage: node scripts/check-data.ts [folder]
 */
import { relative, resolve } from 'node:path';
import { readDatasetDir } from '../src/data/datasets.ts';

const root = process.cwd();
const dir = resolve(root, process.argv[2] ?? 'content/data');
const result = readDatasetDir(dir, root);
const problems = [...result.errors, ...(result.coverage ?? [])];
if (problems.length) {
  console.error(`✗ ${problems.length} problem(s) in ${relative(root, dir) || '.'}:`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
const coverage = result.coverage ? '; every number in the report is covered' : '';
console.log(`✓ ${result.datasets.length} datasets, ${result.valuesChecked} values checked${coverage}`);
