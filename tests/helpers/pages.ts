/** The pages of a built site, as the browser tests visit them. */
import { relative, sep } from 'node:path';
import { htmlFiles } from './links.ts';

export interface BuiltPage {
  /** File under dist/, e.g. "stories/feature/index.html". */
  file: string;
  /** Path under the site's base, e.g. "stories/feature/" ("" is the home page, "404.html" the error page). */
  path: string;
  /** True for article pages (stories/<id>/). */
  story: boolean;
}

/** Lists every HTML page in `dist`, sorted, home page first. */
export function builtPages(dist = 'dist'): BuiltPage[] {
  return htmlFiles(dist)
    .map((abs) => relative(dist, abs).split(sep).join('/'))
    .sort()
    .map((file) => {
      const path = file.replace(/(^|\/)index\.html$/, '$1');
      return { file, path, story: /^stories\/[^/]+\/$/.test(path) };
    })
    .sort((a, b) => (a.path === '' ? -1 : b.path === '' ? 1 : 0));
}
