/**
 * A small JSON parser that remembers where every value is, so that a message about `rows[2].value` can point at
 * the line and column of that token in the file the editor has open. JSON.parse gives no positions and words its
 * syntax errors for programmers; this parser names the mistakes editors make (a missing comma, a trailing comma,
 * a number written with full-width digits or a unit, single quotes) in plain words.
 *
 * `loose: true` also reads the JavaScript object literals editors write inside MDX attributes
 * (`items={[{ icon: 'x', text: '…' }]}`): unquoted keys, single quotes and trailing commas.
 */
import { describeNumberTypo } from './number-typos.ts';

export type JsonPath = readonly (string | number)[];

export interface JsonSpan {
  /** Offsets into the text: the value's first character and one past its last. */
  start: number;
  end: number;
  /** For an object member: the offset of its key (messages about a misspelt field point there). */
  keyStart?: number;
}

export interface JsonDocument {
  value: unknown;
  /** Span of the value at `path`, or of its nearest parent that exists (a missing field points at its object). */
  locate(path: JsonPath): JsonSpan & { exact: boolean };
}

export class JsonSyntaxError extends Error {
  readonly offset: number;
  readonly fix: string;
  /** Length of the offending text (for carets), at least 1. */
  readonly length: number;
  constructor(message: string, offset: number, fix: string, length = 1) {
    super(message);
    this.offset = offset;
    this.fix = fix;
    this.length = length;
  }
}

/**
 * The spans' key of a path, built segment by segment as the parser descends (a name as its JSON string, an index as
 * [n]), so no path array is copied or stringified per value: the same key for the same path, and no two paths alike.
 */
const segment = (k: string | number) => (typeof k === 'number' ? `[${k}]` : JSON.stringify(k));
const key = (path: JsonPath) => {
  let out = '';
  for (const k of path) out += segment(k);
  return out;
};

/** Parses JSON (or, with loose, a JavaScript literal); throws JsonSyntaxError with an offset and a fix. */
export function parseJsonSource(text: string, options: { loose?: boolean } = {}): JsonDocument {
  const loose = options.loose ?? false;
  const spans = new Map<string, JsonSpan>();
  let pos = 0;

  function fail(message: string, fix: string, at = pos, length = 1): never {
    throw new JsonSyntaxError(message, at, fix, length);
  }
  const skip = () => {
    for (;;) {
      // ASCII white space is told by its code; anything else that \s covers (and the BOM) by the regular expression.
      for (; pos < text.length; pos++) {
        const c = text.charCodeAt(pos);
        if (c === 32 || (c >= 9 && c <= 13)) continue;
        if (c < 128 || !/[\s\uFEFF]/.test(text[pos]!)) break;
      }
      if (text.charCodeAt(pos) === 47 && (text.startsWith('//', pos) || text.startsWith('/*', pos))) {
        if (!loose) fail('JSON has no comments', 'remove the comment (put remarks in a "note" field)', pos, 2);
        const end = text.startsWith('//', pos) ? text.indexOf('\n', pos) : text.indexOf('*/', pos) + 2;
        pos = end <= 1 ? text.length : end;
        continue;
      }
      return;
    }
  };
  const describe = (ch: string | undefined) =>
    ch === undefined ? 'the end of the file' : /\s/.test(ch) ? 'a space' : `“${ch}”`;

  const value = (path: string): unknown => {
    skip();
    const start = pos;
    const ch = text[pos];
    let result: unknown;
    if (ch === '{') result = object(path);
    else if (ch === '[') result = array(path);
    else if (ch === '"' || (loose && ch === "'")) result = string();
    else if (ch === "'")
      fail('JSON strings use double quotes', 'write "…" instead of \'…\'', pos, closingQuote(pos) - pos + 1);
    else result = bare();
    const span = spans.get(path);
    if (span) {
      span.start = start;
      span.end = pos;
    } else spans.set(path, { start, end: pos });
    return result;
  };

  const closingQuote = (at: number) => {
    const end = text.indexOf(text[at]!, at + 1);
    return end < 0 ? at : end;
  };

  /** A number, true, false or null; anything else is named as precisely as possible. */
  const bare = (): unknown => {
    const start = pos;
    // Read the whole run up to a delimiter, so "84.4亿" or "８４.4" is one token in the message.
    for (; pos < text.length; pos++) {
      const c = text.charCodeAt(pos);
      // Digits, letters, . + - need no regular expression: none of them ends a token.
      if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 43 || c === 45)
        continue;
      if (/[\s,\]}:]/.test(text[pos]!)) break;
    }
    const word = text.slice(start, pos);
    if (!word) {
      const at = text[start];
      if (at === undefined) fail('the file ends where a value should be', 'finish the value or remove the last comma');
      if (at === ',' || at === ']' || at === '}')
        fail(`a value is missing before ${describe(at)}`, 'write the value, or remove the extra comma', start);
      fail(
        `${describe(at)} cannot start a value`,
        'write a value: "text", a number, true, false, null, [ … ] or { … }',
      );
    }
    // A space inside a number ("84. 4", "1 000") leaves a second run of digits right after the first.
    const next = text[pos];
    const spaced = next === ' ' || next === '\u3000' ? /^[ \u3000]+([\d.]+)/.exec(text.slice(pos)) : null;
    if (/^-?[\d.]+$/.test(word) && spaced) {
      const whole = text.slice(start, pos + spaced[0].length);
      fail(
        `a stray space inside the number "${whole}"`,
        `write it without the space: ${word}${spaced[1]}`,
        start,
        whole.length,
      );
    }
    if (/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(word)) return Number(word);
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    if (loose && /^[A-Za-z_$][\w$]*$/.test(word)) fail(`“${word}” is not a value`, 'quote it: "…"', start, word.length);
    const typo = describeNumberTypo(word);
    if (typo) fail(typo.what, `write ${typo.corrected}`, start, word.length);
    if (/^-?\d/.test(word)) {
      const digits = /^-?\d+(\.\d+)?/.exec(word)![0];
      fail(
        `“${word}” is not a number: a number holds only digits and one decimal point`,
        `write ${digits} and put the unit in "unit" (or, for text, quote it: "${word}")`,
        start,
        word.length,
      );
    }
    fail(`“${word}” is not a value (text must be in double quotes)`, `write "${word}"`, start, word.length);
  };

  const string = (): string => {
    const quote = text[pos]!;
    const start = pos;
    pos++;
    let out = '';
    const quoteCode = quote.charCodeAt(0);
    for (;;) {
      // Copy the run of plain characters up to the next quote, backslash or control character in one slice.
      let run = pos;
      for (; run < text.length; run++) {
        const c = text.charCodeAt(run);
        if (c === quoteCode || c === 92 || c < 32) break;
      }
      if (run > pos) {
        out += text.slice(pos, run);
        pos = run;
      }
      const ch = text[pos];
      if (ch === undefined || ch === '\n')
        fail(
          'a string is not closed',
          `end it with ${quote} on the same line (a line break inside text is written \\n)`,
          start,
          pos - start,
        );
      if (ch === quote) {
        pos++;
        return out;
      }
      if (ch === '\\') {
        const esc = text[pos + 1];
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (esc === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
          out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
          pos += 6;
        } else if (esc !== undefined && (simple[esc] !== undefined || (loose && esc === "'"))) {
          out += simple[esc] ?? esc;
          pos += 2;
        } else fail(`“\\${esc ?? ''}” is not an escape JSON knows`, 'write a backslash as \\\\', pos, 2);
      } else {
        if (ch < ' ') fail('a control character inside a string', 'remove it or write it as \\n or \\t');
        out += ch;
        pos++;
      }
    }
  };

  const object = (path: string): Record<string, unknown> => {
    const open = pos;
    pos++;
    const out: Record<string, unknown> = {};
    skip();
    if (text[pos] === '}') {
      pos++;
      return out;
    }
    for (;;) {
      skip();
      const keyStart = pos;
      let name: string;
      if (text[pos] === '"' || (loose && text[pos] === "'")) name = string();
      else if (loose && /[A-Za-z_$]/.test(text[pos] ?? '')) {
        name = /^[A-Za-z_$][\w$]*/.exec(text.slice(pos))![0];
        pos += name.length;
      } else if (text[pos] === '}' && !loose)
        fail('a comma before } has nothing after it', 'remove the last comma', lastComma(pos));
      else if (text[pos] === '}') {
        pos++;
        return out;
      } else if (text[pos] === undefined) unclosed('{', open);
      else if (text[pos] === "'")
        fail(
          'JSON field names use double quotes',
          'write "name" instead of \'name\'',
          pos,
          closingQuote(pos) - pos + 1,
        );
      else fail(`a field name in double quotes is expected, not ${describe(text[pos])}`, 'write "name": value');
      if (Object.hasOwn(out, name!))
        fail(`the field "${name!}" is written twice in this object`, 'keep one of the two', keyStart, pos - keyStart);
      skip();
      if (text[pos] !== ':') fail(`a colon is missing after "${name!}"`, `write "${name!}": value`);
      pos++;
      const childPath = path + segment(name!);
      spans.set(childPath, { start: pos, end: pos, keyStart });
      out[name!] = value(childPath);
      const after = pos;
      skip();
      if (text[pos] === ',') {
        pos++;
        doubleComma();
        continue;
      }
      if (text[pos] === '}') {
        pos++;
        return out;
      }
      if (text[pos] === undefined) unclosed('{', open);
      if (text[pos] === '"' || text[pos] === '{' || text[pos] === '[')
        fail('a comma is missing after this value, before the next field', 'add a comma here', after);
      fail(`${describe(text[pos])} after a value; a comma or } is expected`, 'add a comma or close the object');
    }
  };

  const array = (path: string): unknown[] => {
    const open = pos;
    pos++;
    const out: unknown[] = [];
    skip();
    if (text[pos] === ']') {
      pos++;
      return out;
    }
    for (;;) {
      skip();
      if (text[pos] === ']') {
        if (!loose) fail('a comma before ] has nothing after it', 'remove the last comma', lastComma(pos));
        pos++;
        return out;
      }
      out.push(value(path + segment(out.length)));
      const after = pos;
      skip();
      if (text[pos] === ',') {
        pos++;
        doubleComma();
        continue;
      }
      if (text[pos] === ']') {
        pos++;
        return out;
      }
      if (text[pos] === undefined) unclosed('[', open);
      if (text[pos] === '"' || text[pos] === '{' || text[pos] === '[')
        fail('a comma is missing after this item, before the next one', 'add a comma here', after);
      fail(`${describe(text[pos])} after an item; a comma or ] is expected`, 'add a comma or close the list');
    }
  };

  const doubleComma = () => {
    skip();
    if (text[pos] === ',') fail('two commas in a row', 'remove one');
  };
  const lastComma = (before: number) => text.lastIndexOf(',', before);
  function unclosed(bracket: string, open: number): never {
    const { line } = lineColumn(text, open);
    return fail(
      `the file ends before the ${bracket} opened on line ${line} is closed`,
      `close it with ${bracket === '{' ? '}' : ']'} (or restore the end of the file)`,
      text.length,
    );
  }

  const result = value('');
  skip();
  if (pos < text.length)
    fail(
      `${describe(text[pos])} after the end of the data`,
      'remove it: a file holds one value',
      pos,
      text.length - pos,
    );

  return {
    value: result,
    locate(path) {
      for (let n = path.length; n >= 0; n--) {
        const span = spans.get(key(path.slice(0, n)));
        if (span) return { ...span, exact: n === path.length };
      }
      return { start: 0, end: 0, exact: false };
    },
  };
}

let lines: { text: string; breaks: number[] } | undefined;

/** The offsets of the line breaks of a text, kept for the last text asked about (messages ask many times per file). */
function lineBreaks(text: string): number[] {
  if (lines?.text !== text) {
    const breaks: number[] = [];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i);
    lines = { text, breaks };
  }
  return lines.breaks;
}

/** Returns the 1-based line and column of an offset (columns count characters, as editors show them). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const breaks = lineBreaks(text);
  // How many line breaks come before the offset: a binary search instead of a scan from the top of the file.
  let low = 0;
  let high = breaks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (breaks[mid]! < offset) low = mid + 1;
    else high = mid;
  }
  const lineStart = low ? breaks[low - 1]! + 1 : 0;
  return { line: low + 1, column: [...text.slice(lineStart, offset)].length + 1 };
}
