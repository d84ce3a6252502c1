/**
 * The charts the articles ask for, read from each story's MDX source so that every chart (and its embed page
 * and SVG download) is known before pages render, and a mistake names the article, the line and the attribute.
 */

import { SLUG } from './ids.ts';
import { componentCalls } from './mdx-calls.ts';
import { lineColumn } from './json-source.ts';
import { problemLine, type Problem } from './diagnostics.ts';

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

/** Where a call and each of its attributes are in the file, for messages about them. */
export interface ChartCallPlace {
  call: { line: number; column: number; length: number };
  /** Attribute name → place of its value (and of each row id in rows). */
  attributes: Record<string, { line: number; column: number; length: number; nameColumn: number }>;
  rows: { line: number; column: number; length: number }[];
}

export const REQUIRED_CHART_ATTRIBUTES = ['id', 'dataset', 'kind', 'title', 'takeaway'] as const;

/** Parses the attributes of one `<Chart ... />` tag; only quoted string values are allowed. */
export function parseAttributes(source: string): { attrs: Record<string, string>; errors: string[] } {
  const [call] = componentCalls(`<X ${source} />`);
  const attrs: Record<string, string> = {};
  const errors: string[] = (call?.syntax ?? []).map((s) => `${s.message}; ${s.fix}`);
  for (const a of call?.attributes ?? []) {
    if (a.expression !== undefined) errors.push(`${a.name}: use a quoted string (name="value"), not {${a.expression}}`);
    else if (a.value !== undefined) attrs[a.name] = a.value;
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
 * Finds every `<Chart ... />` call in `text` (a whole MDX file, or a body that starts on line `firstLine`) and
 * returns its spec and place, or the problems with the call itself.
 */
export function chartCallsIn(
  text: string,
  story: string,
  file: string,
  firstLine = 1,
  from = 0,
): { specs: ChartSpec[]; places: ChartCallPlace[]; problems: Problem[]; errors: string[] } {
  const specs: ChartSpec[] = [];
  const places: ChartCallPlace[] = [];
  const problems: Problem[] = [];
  const at = (offset: number, length = 1) => {
    const { line, column } = lineColumn(text, offset);
    return { line: line + firstLine - 1, column, length };
  };
  for (const call of componentCalls(text, from).filter((c) => c.name === 'Chart')) {
    const here = at(call.offset, 6);
    for (const s of call.syntax)
      problems.push({ kind: 'mdx-syntax', file, ...at(s.offset, s.length), message: s.message, fix: s.fix });
    if (!call.selfClosing && !call.syntax.length)
      problems.push({
        kind: 'mdx-syntax',
        file,
        ...here,
        message: '<Chart> must close itself',
        fix: 'write <Chart … /> with no closing tag',
      });
    const attrs: Record<string, string> = {};
    const attributes: ChartCallPlace['attributes'] = {};
    for (const a of call.attributes) {
      const place = at(a.valueOffset, [...(a.value ?? a.expression ?? '')].length || 1);
      attributes[a.name] = { ...place, nameColumn: at(a.nameOffset).column };
      if (a.expression !== undefined) {
        problems.push({
          kind: 'mdx-syntax',
          file,
          ...at(a.nameOffset, a.name.length),
          message: `${a.name}={${a.expression}} is an expression; a chart takes only quoted text`,
          fix: `write ${a.name}="…"`,
        });
      } else if (a.value === undefined) {
        problems.push({
          kind: 'mdx-syntax',
          file,
          ...at(a.nameOffset, a.name.length),
          message: `${a.name} has no value`,
          fix: `write ${a.name}="…"`,
        });
      } else attrs[a.name] = a.value;
    }
    const missing = REQUIRED_CHART_ATTRIBUTES.filter((k) => !attrs[k]?.trim() && !attributes[k]);
    if (missing.length) {
      problems.push({
        kind: 'missing-attribute',
        file,
        ...here,
        message: `<Chart> has no ${missing.map((k) => `${k}="…"`).join(', ')}`,
        fix: `add ${missing.length > 1 ? 'them' : 'it'}: every chart needs ${REQUIRED_CHART_ATTRIBUTES.join(', ')}`,
      });
      continue;
    }
    if (REQUIRED_CHART_ATTRIBUTES.some((k) => attrs[k] === undefined)) continue;
    if (!SLUG.test(attrs.id!))
      problems.push({
        kind: 'wrong-value',
        file,
        ...at(call.attributes.find((a) => a.name === 'id')!.valueOffset, [...attrs.id!].length || 1),
        message: `the chart id "${attrs.id}" is not kebab-case`,
        fix: `use a-z, 0-9 and single hyphens, e.g. "${
          attrs
            .id!.toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-|-$/g, '') || 'my-chart'
        }"`,
      });
    const rowsAttr = call.attributes.find((a) => a.name === 'rows');
    const rowPlaces: ChartCallPlace['rows'] = [];
    if (rowsAttr?.value !== undefined)
      for (const m of rowsAttr.value.matchAll(/[^,\s]+/g))
        rowPlaces.push(at(rowsAttr.valueOffset + m.index, [...m[0]].length));
    const { id, dataset, kind, title, takeaway, rows, ...options } = attrs;
    specs.push({
      id: id!,
      dataset: dataset!,
      kind: kind!,
      title: title!,
      takeaway: takeaway!,
      rows: rows !== undefined ? rows.split(/[,\s]+/).filter(Boolean) : undefined,
      story,
      file,
      options,
    });
    places.push({ call: here, attributes, rows: rowPlaces });
  }
  return { specs, places, problems, errors: problems.map(problemLine) };
}
