/**
 * Drops, from a page's inline <style>, the rules written for markup the page does not have. The site's sheets
 * serve every page type (a story carries the home page's, the masthead's, the print rules…); a reader's browser
 * needs only the rules that can match. A rule is kept when one of its selectors names only classes that occur in
 * the page's class="" attributes or that the browser scripts add (CLIENT_CLASSES). Selectors without classes,
 * classes inside :not(), and :is()/:where()/:has() selectors are always kept, as are at-rules other than
 * @media/@supports (their rules are filtered one by one). Only minified CSS (the build's) is given to this.
 */

/** Classes that src/client/*.ts puts on elements at run time (tests/lib/css-purge.test.ts keeps this list true). */
export const CLIENT_CLASSES = ['chart-tip', 'flip', 'on', 'has-on', 'chart-views', 'search-label'];

const GROUPING = /^@(?:media|supports|layer|container)\b/;

function selectorUsed(selector: string, classes: Set<string>): boolean {
  if (/:(?:is|where|has)\(/.test(selector)) return true;
  const own = selector.replace(/:not\([^)]*\)/g, '');
  return [...own.matchAll(/\.(-?[A-Za-z_][\w-]*)/g)].every((m) => classes.has(m[1]!));
}

function purge(css: string, classes: Set<string>): string {
  let out = '';
  let i = 0;
  while (i < css.length) {
    const open = css.indexOf('{', i);
    if (open < 0) return out + css.slice(i);
    let depth = 1;
    let j = open + 1;
    for (; j < css.length && depth > 0; j++) {
      if (css[j] === '{') depth++;
      else if (css[j] === '}') depth--;
    }
    const prelude = css.slice(i, open);
    const body = css.slice(open + 1, j - 1);
    const head = prelude.trim();
    if (GROUPING.test(head)) {
      const inner = purge(body, classes);
      if (inner.trim()) out += `${prelude}{${inner}}`;
    } else if (head.startsWith('@') || head.split(',').some((s) => selectorUsed(s, classes))) {
      out += `${prelude}{${body}}`;
    }
    i = j;
  }
  return out;
}

/**
 * The classes each sheet's selectors name, and each sheet purged for each set of them a page uses. Pages of one kind
 * (thousands of embeds, hundreds of stories) carry the same sheet and use the same of its classes, so each sheet is
 * purged once per kind of page, not once per page. Bounded, since a build only ever has a few kinds of page.
 */
const sheetClasses = new Map<string, Set<string>>();
const purged = new Map<string, string>();
const MEMO_LIMIT = 2000;

function purgeMemo(css: string, classes: Set<string>): string {
  let named = sheetClasses.get(css);
  if (!named) {
    if (sheetClasses.size >= MEMO_LIMIT) sheetClasses.clear();
    named = new Set([...css.matchAll(/\.(-?[A-Za-z_][\w-]*)/g)].map((m) => m[1]!));
    sheetClasses.set(css, named);
  }
  const key = `${[...named]
    .filter((c) => classes.has(c))
    .sort()
    .join(' ')}\n${css}`;
  let out = purged.get(key);
  if (out === undefined) {
    if (purged.size >= MEMO_LIMIT) purged.clear();
    out = purge(css, classes);
    purged.set(key, out);
  }
  return out;
}

/** Returns the page with the rules of its <head> <style> elements that cannot match anything on it removed. */
export function purgeUnusedCss(html: string): string {
  const classes = new Set(CLIENT_CLASSES);
  for (const m of html.matchAll(/\sclass="([^"]*)"/g)) for (const c of m[1]!.split(/\s+/)) if (c) classes.add(c);
  const headEnd = html.indexOf('</head>');
  if (headEnd < 0) return html;
  const head = html
    .slice(0, headEnd)
    .replace(/(<style(?:\s[^>]*)?>)([\s\S]*?)(<\/style>)/g, (_, open: string, css: string, close: string) => {
      return open + purgeMemo(css, classes) + close;
    });
  return head + html.slice(headEnd);
}
