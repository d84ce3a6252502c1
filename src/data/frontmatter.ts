/**
 * A story's frontmatter read the way Astro reads it (js-yaml between two lines of ---), but keeping where each
 * field is, so that a message points at the field's line; and a block that is not closed is named as such
 * instead of appearing as every field missing.
 */
import { load, YAMLException } from 'js-yaml';

export interface FrontmatterSpan {
  line: number;
  column: number;
  length: number;
}

export type Frontmatter =
  | {
      ok: true;
      data: Record<string, unknown>;
      /** Offset of the body (the first character after the closing ---), and its line. */
      bodyStart: number;
      bodyLine: number;
      /** Where a field (["sources", 2]) is written; a missing field points at the closing ---. */
      locate(path: readonly (string | number)[]): FrontmatterSpan & { exact: boolean };
    }
  | {
      ok: false;
      /** unclosed: the --- lines are missing or malformed; yaml: the fields cannot be read. */
      kind: 'unclosed' | 'yaml';
      line: number;
      column: number;
      length: number;
      message: string;
      fix: string;
    };

const FIELD = /^([A-Za-z_][\w-]*)\s*:(.*)$/;

/** Splits and parses a story's frontmatter, or says precisely why it cannot be read. */
export function readFrontmatter(text: string): Frontmatter {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  let first = 0;
  while (first < lines.length && !lines[first]!.replace(/^\uFEFF/, '').trim()) first++;
  const opener = lines[first]?.replace(/^\uFEFF/, '') ?? '';
  if (opener.trim() !== '---') {
    const looksLikeField = FIELD.test(opener);
    return {
      ok: false,
      kind: 'unclosed',
      line: first + 1,
      column: 1,
      length: Math.max(1, [...opener].length),
      message: /^-{1,2}\s*$|^-{4,}\s*$/.test(opener)
        ? `the frontmatter opens with "${opener.trim()}" instead of ---`
        : looksLikeField
          ? 'the frontmatter has no opening ---'
          : 'the story has no frontmatter: it must start with a line ---, the fields, and a line ---',
      fix: /^-+\s*$/.test(opener) ? 'write exactly three hyphens: ---' : 'put a line --- before the first field',
    };
  }
  let close = -1;
  for (let i = first + 1; i < lines.length; i++) {
    if (lines[i] === '---') {
      close = i;
      break;
    }
    // A closing line with the wrong number of hyphens or trailing text is the editor's attempt at closing.
    if (/^-{2,}\s*$/.test(lines[i]!) || /^---\s+\S/.test(lines[i]!) || /^---\s+$/.test(lines[i]!)) {
      return {
        ok: false,
        kind: 'unclosed',
        line: i + 1,
        column: 1,
        length: [...lines[i]!].length,
        message: `the frontmatter's closing line is "${lines[i]}", not ---`,
        fix: 'write the closing line as exactly three hyphens, ---, and nothing else',
      };
    }
  }
  if (close < 0) {
    // The fields end where the lines stop looking like YAML: that is where the closing --- belongs.
    let last = first;
    for (let i = first + 1; i < lines.length; i++) {
      const l = lines[i]!;
      if (FIELD.test(l) || /^\s+(-\s|\S)/.test(l) || /^-\s/.test(l)) last = i;
      else if (l.trim() && !l.trim().startsWith('#')) break;
    }
    return {
      ok: false,
      kind: 'unclosed',
      line: first + 1,
      column: 1,
      length: 3,
      message: `the frontmatter opened by --- on line ${first + 1} is never closed (no line --- after the fields)`,
      fix: `add a line --- after the last field (after line ${last + 1})`,
    };
  }
  const yamlStartLine = first + 2; // 1-based line of the first YAML line
  // A quoted value that does not close on its line: YAML would read on into the next fields and complain there.
  for (let i = first + 1; i < close; i++) {
    const m = FIELD.exec(lines[i]!);
    const value = m?.[2]!.trim() ?? '';
    const q = value[0] ?? '';
    const unclosed = q === '"' ? !/^"(?:[^"\\]|\\.)*"/.test(value) : q === "'" && !/^'(?:[^']|'')*'/.test(value);
    if (unclosed) {
      return {
        ok: false,
        kind: 'yaml',
        line: i + 1,
        column: lines[i]!.indexOf(q) + 1,
        length: [...value].length,
        message: `the value of ${m![1]} opens with ${q} but the quote is not closed on its line`,
        fix: `end it with ${q}`,
      };
    }
  }
  const yaml = lines.slice(first + 1, close).join('\n');
  let data: unknown;
  try {
    data = load(yaml);
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const mark = error.mark;
    return {
      ok: false,
      kind: 'yaml',
      line: yamlStartLine + (mark?.line ?? 0),
      column: (mark?.column ?? 0) + 1,
      length: 1,
      message: `the frontmatter is not valid YAML: ${error.reason}`,
      fix: 'write one field per line as name: value; put a value that holds a colon or starts with a quote in double quotes',
    };
  }
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    return {
      ok: false,
      kind: 'yaml',
      line: yamlStartLine,
      column: 1,
      length: 1,
      message: 'the frontmatter is not a list of fields',
      fix: 'write one field per line as name: value',
    };
  }
  const bodyStart =
    lines.slice(0, close + 1).reduce((n, l) => n + l.length + 1, 0) + (text.startsWith('\uFEFF') ? 0 : 0);
  const raw = lines.slice(first + 1, close);
  return {
    ok: true,
    data: (data ?? {}) as Record<string, unknown>,
    bodyStart: Math.min(bodyStart, text.length),
    bodyLine: close + 2,
    locate: (path) => locate(raw, yamlStartLine, close + 1, path),
  };
}

/** Finds a top-level field, or an item of a list field, in the frontmatter's lines. */
function locate(
  lines: readonly string[],
  firstLine: number,
  closeLine: number,
  path: readonly (string | number)[],
): FrontmatterSpan & { exact: boolean } {
  const [name, index] = path;
  const at = lines.findIndex((l) => FIELD.exec(l)?.[1] === name);
  if (at < 0) return { line: closeLine, column: 1, length: 3, exact: false };
  const fieldLine = lines[at]!;
  const valueText = FIELD.exec(fieldLine)![2]!;
  const valueColumn = fieldLine.length - valueText.trimStart().length + 1;
  const whole = { line: firstLine + at, column: valueText.trim() ? valueColumn : 1, length: 0, exact: true };
  whole.length = valueText.trim() ? [...valueText.trim()].length : [...name!.toString()].length;
  if (typeof index !== 'number') return whole;
  // A flow list on the same line: [a, b, c].
  if (valueText.trim().startsWith('[')) {
    let column = valueColumn + 1;
    const items = valueText.trim().slice(1).replace(/\].*$/, '').split(',');
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      const lead = item.length - item.trimStart().length;
      if (i === index)
        return { line: firstLine + at, column: column + lead, length: [...item.trim()].length, exact: true };
      column += [...item].length + 1;
    }
    return { ...whole, exact: false };
  }
  // A block list: the index-th "- item" line under the field.
  let count = 0;
  for (let i = at + 1; i < lines.length && !FIELD.test(lines[i]!); i++) {
    const m = /^(\s*-\s*)(.*)$/.exec(lines[i]!);
    if (!m) continue;
    if (count === index)
      return { line: firstLine + i, column: [...m[1]!].length + 1, length: [...m[2]!].length, exact: true };
    count++;
  }
  return { ...whole, exact: false };
}
