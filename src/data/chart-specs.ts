/**
 * The charts the articles ask for, read from each story's MDX source so that every chart (and its embed page
 * and SVG download) is known before pages render, and a mistake names the article and the attribute.
 */

import { SLUG } from './ids.ts';

export interface ChartSpec {
  /** Stable id: used for the figure's anchor, /embed/<id>/ and /charts/<id>.svg. */
  id: string;
  dataset: string;
  kind: string;
  title: string;
  takeaway: string;
  /** Row ids to draw, in order; all rows when absent. */
  rows?: string[];
  /** Which story the chart appears in, and the file it was written in. */
  story: string;
  file: string;
  /** Any further string attributes, passed to the chart kind as options (e.g. toggle="share"). */
  options: Record<string, string>;
}

const required = ['id', 'dataset', 'kind', 'title', 'takeaway'] as const;

/** Parses the attributes of one `<Chart ... />` tag; only quoted string values are allowed. */
export function parseAttributes(source: string): { attrs: Record<string, string>; errors: string[] } {
  const attrs: Record<string, string> = {};
  const errors: string[] = [];
  let rest = source;
  const pattern = /^\s*([A-Za-z][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\{[^}]*\}))/;
  for (;;) {
    rest = rest.replace(/^\s+/, '');
    if (!rest) break;
    const m = pattern.exec(rest);
    if (!m) {
      errors.push(`cannot read the attributes near "${rest.slice(0, 30)}"; write name="value"`);
      break;
    }
    if (m[4] !== undefined) errors.push(`${m[1]}: use a quoted string (name="value"), not ${m[4]}`);
    else attrs[m[1]!] = m[2] ?? m[3] ?? '';
    rest = rest.slice(m[0].length);
  }
  return { attrs, errors };
}

/**
 * Returns the line of the file on which the body starts (the body of a content entry comes without its
 * frontmatter), so that messages give line numbers of the file the editor has open.
 */
export function bodyFirstLine(fileText: string, body: string): number {
  const at = body ? fileText.indexOf(body) : -1;
  return at < 0 ? 1 : fileText.slice(0, at).split('\n').length;
}

/**
 * Finds every `<Chart ... />` call in an MDX body and returns its spec or the problems with it; `firstLine` is the
 * line of the file the body starts on (see bodyFirstLine).
 */
export function chartCallsIn(
  body: string,
  story: string,
  file: string,
  firstLine = 1,
): { specs: ChartSpec[]; errors: string[] } {
  const specs: ChartSpec[] = [];
  const errors: string[] = [];
  // Quoted attribute values may contain > (a title such as 增长>10%), so the tag ends at the first > outside quotes.
  for (const match of body.matchAll(/<Chart\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g)) {
    const line = firstLine - 1 + body.slice(0, match.index).split('\n').length;
    const where = `${file}:${line}: <Chart>`;
    if (match[2] !== '/') errors.push(`${where} must close itself: <Chart ... />`);
    const { attrs, errors: attrErrors } = parseAttributes(match[1]!);
    errors.push(...attrErrors.map((e) => `${where} ${e}`));
    const missing = required.filter((k) => !attrs[k]?.trim());
    if (missing.length) {
      errors.push(`${where} is missing ${missing.map((k) => `${k}="…"`).join(', ')}`);
      continue;
    }
    if (!SLUG.test(attrs.id!)) errors.push(`${where} id="${attrs.id}" must be kebab-case (a-z, 0-9, -)`);
    const { id, dataset, kind, title, takeaway, rows, ...options } = attrs as Record<string, string>;
    specs.push({
      id: id!,
      dataset: dataset!,
      kind: kind!,
      title: title!,
      takeaway: takeaway!,
      rows: rows ? rows.split(/[,\s]+/).filter(Boolean) : undefined,
      story,
      file,
      options,
    });
  }
  return { specs, errors };
}
