// An editor's rebuild after an edit: the production build run again with every cache the last build kept (Astro's
// incremental build, the compiled stories, embed pages, share images, search copies, the content check's memo) shows
// the edit everywhere the text appears and is byte-identical to a clean build of the edited content.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectCopy, siteBuild } from '../helpers/build.ts';
import { hashTree, treeDiff } from '../helpers/tree.ts';

const STORY = 'content/stories/logistics.mdx';
const CHART = 'logistics-status';

describe('a rebuild after an edit', () => {
  it('shows the edit and equals a clean build of the edited content', () => {
    const copy = projectCopy();
    try {
      const first = siteBuild({}, copy.dir);
      expect(first.status, first.output).toBe(0);
      // The compiled stories are kept (src/lib/mdx-cache.ts found @astrojs/mdx's plugin).
      expect(first.output).not.toContain('compiled stories are not kept');

      // The editor rewords a chart's takeaway (words only: every number of the story stays as the report has it).
      const file = join(copy.dir, STORY);
      const text = readFileSync(file, 'utf8');
      const edited = text.replace(/(<Chart id="logistics-status"[^>]*takeaway=")([^"]*)"/, '$1$2（编辑改写）"');
      expect(edited).not.toBe(text);
      writeFileSync(file, edited);

      const warm = siteBuild({ OUT_DIR: 'dist-warm' }, copy.dir);
      expect(warm.status, warm.output).toBe(0);
      // The warm build took the unchanged stories from the caches: it is a rebuild, not a second cold build.
      expect(warm.output).toMatch(/\(\d+ of \d+ stories' from the cache\)/);
      for (const page of ['stories/logistics/index.html', `embed/${CHART}/index.html`]) {
        expect(readFileSync(join(copy.dir, 'dist-warm', page), 'utf8'), page).toContain('（编辑改写）');
      }

      // Every cache set aside: a clean build of the same content.
      for (const cache of ['node_modules/.astro', 'node_modules/.vite', 'node_modules/.cache', '.astro']) {
        const path = join(copy.dir, cache);
        if (existsSync(path)) renameSync(path, `${path}.set-aside`);
      }
      const clean = siteBuild({ OUT_DIR: 'dist-clean' }, copy.dir);
      expect(clean.status, clean.output).toBe(0);
      const diff = treeDiff(hashTree(join(copy.dir, 'dist-warm')), hashTree(join(copy.dir, 'dist-clean')), [
        'rebuild',
        'clean build',
      ]);
      expect(diff, `files where the rebuild differs from a clean build:\n${diff.join('\n')}`).toEqual([]);
    } finally {
      copy.remove();
    }
  }, 600_000);
});
