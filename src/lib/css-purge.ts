/**
 * Drops, from a page's inline <style>, the rules written for markup the page does not have. The site's sheets
 * serve every page type (a story carries the home page's, the masthead's, the print rules…); a reader's browser
 * needs only the rules that can match. A selector is kept when every class it names occurs in the page's class=""
 * attributes or is one the browser scripts add (CLIENT_CLASSES), and every element type it names occurs in the page
 * or is one the scripts create (CLIENT_TAGS); a selector list keeps only such selectors, and a rule none of whose
 * selectors is kept goes. Classes inside :not() and attribute values are not counted; :is()/:where()/:has()
 * selectors are always kept, as are at-rules other than @media/@supports (their rules are filtered one by one).
 * On a page whose markup a third-party script builds (the search page's Pagefind UI), element types are not
 * checked. Only minified CSS (the build's) is given to this.
 */

import { pageNames, type PageNames } from './page-names.ts';

/** Classes that src/client/*.ts puts on elements at run time (tests/lib/css-purge.test.ts keeps this list true). */
export const CLIENT_CLASSES = ['chart-tip', 'flip', 'on', 'has-on', 'chart-views', 'search-label'];
/** Elements that src/client/*.ts creates at run time (the same test keeps this list true). */
export const CLIENT_TAGS = ['div', 'label', 'link', 'script', 'button'];
/** The class of the box whose markup Pagefind's UI builds in the browser: element types there are not known. */
const BUILT_IN_BROWSER = 'search-box';

const GROUPING = /^@(?:media|supports|layer|container)\b/;

interface Present {
  classes: Set<string>;
  /** Lower-case element names, or null when they are not checked. */
  tags: Set<string> | null;
}

function selectorUsed(selector: string, page: Present): boolean {
  if (/:(?:is|where|has)\(/.test(selector)) return true;
  const own = selector.replace(/:not\([^)]*\)/g, '').replace(/\[[^\]]*\]/g, '');
  if (![...own.matchAll(/\.(-?[A-Za-z_][\w-]*)/g)].every((m) => page.classes.has(m[1]!))) return false;
  if (!page.tags) return true;
  return own
    .split(/[\s>+~]+/)
    .map((compound) => /^[A-Za-z][\w-]*/.exec(compound)?.[0].toLowerCase())
    .every((tag) => tag === undefined || page.tags!.has(tag));
}

/** Splits a selector list at its top-level commas (not those inside :not(…) or :is(…)). */
function selectorList(prelude: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let k = 0; k < prelude.length; k++) {
    const c = prelude[k];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      out.push(prelude.slice(start, k));
      start = k + 1;
    }
  }
  out.push(prelude.slice(start));
  return out;
}

function purge(css: string, page: Present): string {
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
      const inner = purge(body, page);
      if (inner.trim()) out += `${prelude}{${inner}}`;
    } else if (head.startsWith('@')) {
      out += `${prelude}{${body}}`;
    } else {
      const kept = selectorList(head).filter((s) => selectorUsed(s.trim(), page));
      if (kept.length > 0) out += `${kept.join(',')}{${body}}`;
    }
    i = j;
  }
  return out;
}

/**
 * The classes and the element names each sheet's selectors may name, and each sheet purged for each set of them a
 * page uses. Pages of one kind (thousands of embeds, hundreds of stories) carry the same sheet and use the same of its
 * classes and elements, so each sheet is purged once per kind of page, not once per page. Bounded, since a build only
 * ever has a few kinds of page. A sheet's purged copies are keyed by its number, not its text: a key holding the
 * whole sheet (tens of kilobytes) had to be built and hashed again for every page.
 */
interface SheetNames {
  /** Numbers the sheet for the keys of `purged`; never reused, so a cleared memo cannot mix two sheets up. */
  id: number;
  classes: Set<string>;
  /** Every word of the sheet that could be an element name (property names too: a superset only refines the key). */
  words: Set<string>;
}
const sheetNames = new Map<string, SheetNames>();
const purged = new Map<string, string>();
const MEMO_LIMIT = 2000;
let sheets = 0;

/** The names in both sets, sorted and joined: looped over the smaller set (a page uses few of a sheet's names). */
export function sharedNames(a: ReadonlySet<string>, b: ReadonlySet<string>): string {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const out: string[] = [];
  for (const name of small) if (large.has(name)) out.push(name);
  return out.sort().join(' ');
}

function purgeMemo(css: string, page: Present): string {
  let named = sheetNames.get(css);
  if (!named) {
    if (sheetNames.size >= MEMO_LIMIT) sheetNames.clear();
    named = {
      id: sheets++,
      classes: new Set([...css.matchAll(/\.(-?[A-Za-z_][\w-]*)/g)].map((m) => m[1]!)),
      words: new Set([...css.matchAll(/[A-Za-z][\w-]*/g)].map((m) => m[0].toLowerCase())),
    };
    sheetNames.set(css, named);
  }
  const key = `${named.id}\n${sharedNames(named.classes, page.classes)}\n${page.tags ? sharedNames(named.words, page.tags) : '*'}`;
  let out = purged.get(key);
  if (out === undefined) {
    if (purged.size >= MEMO_LIMIT) purged.clear();
    out = purge(css, page);
    purged.set(key, out);
  }
  return out;
}

/**
 * Returns the page with the rules of its <head> <style> elements that cannot match anything on it removed. `names`
 * are the page's class and element names (src/lib/page-names.ts), when the caller has read them already.
 */
export function purgeUnusedCss(html: string, names: PageNames = pageNames(html)): string {
  const classes = new Set([...CLIENT_CLASSES, ...names.classes]);
  const tags = names.classes.has(BUILT_IN_BROWSER) ? null : new Set(['html', 'body', ...CLIENT_TAGS, ...names.tags]);
  const headEnd = html.indexOf('</head>');
  if (headEnd < 0) return html;
  const head = html
    .slice(0, headEnd)
    .replace(/(<style(?:\s[^>]*)?>)([\s\S]*?)(<\/style>)/g, (_, open: string, css: string, close: string) => {
      return open + purgeMemo(css, { classes, tags }) + close;
    });
  return head + html.slice(headEnd);
}
