/**
 * Names, sizes and modification times of the files in a folder, as one string that changes when any of them is
 * added, removed or edited. `npm run dev` lives across edits: the loaders that read content with node:fs (datasets,
 * reports) key what they read by it there, so an edited file is read again on the next request. A build reads once.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The stamp of a folder's files; with `depth` 1, of the files in each of its folders too (content/reports/<id>/). */
export function folderStamp(dir: string, depth: 0 | 1 = 0): string {
  if (!existsSync(dir)) return '';
  return readdirSync(dir, { withFileTypes: true })
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) return depth ? `${name}/[${folderStamp(path)}]` : `${name}/`;
      return `${name}:${stat.size}:${stat.mtimeMs}`;
    })
    .join('|');
}
