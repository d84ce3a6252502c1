// The search index reads copies of the indexed pages without their chart figures (src/lib/search-pages.ts), kept
// between builds. Readers must find what they found when Pagefind read the built pages themselves: the index in
// dist/ is compared, file by file, with Pagefind's own index of dist/. Reads dist/ (npm run build).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { searchIndexArgs } from '../../src/lib/search-index.ts';
import { hashTree, treeDiff } from '../helpers/tree.ts';

describe('the search index', () => {
  it("is byte for byte Pagefind's index of the built pages themselves, though it read them without their charts", () => {
    const site = resolve('dist');
    const own = mkdtempSync(join(tmpdir(), 'shushuo-pagefind-'));
    try {
      // Pagefind on the built site, as the build ran it before the copies, written elsewhere.
      const [entry, ...args] = searchIndexArgs(site);
      const run = spawnSync(process.execPath, [entry!, ...args, '--output-path', join(own, 'pagefind')], {
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);
      expect(
        treeDiff(hashTree(join(site, 'pagefind')), hashTree(join(own, 'pagefind')), ['dist/', 'Pagefind on dist/']),
      ).toEqual([]);
      // The copies are not the pages: they lack the chart figures, which the stories have.
      const copy = readFileSync(resolve('node_modules/.cache/shushuo/search/stories/feature/index.html'), 'utf8');
      expect(readFileSync(join(site, 'stories/feature/index.html'), 'utf8')).toContain('class="chart-figure');
      expect(copy).not.toContain('class="chart-figure');
      expect(copy).toContain('data-pagefind-body');
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });
});
