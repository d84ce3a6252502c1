/** The pieces behind the content check's messages: positions in JSON, frontmatter, typos, nearest names, quote diffs. */
import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, lineColumn, parseJsonSource } from '../../src/data/json-source.ts';
import { readFrontmatter } from '../../src/data/frontmatter.ts';
import { findNumberTypos, toHalfWidth } from '../../src/data/number-typos.ts';
import { closest, displayWidth, formatProblem, quoteDiff, sortProblems } from '../../src/data/diagnostics.ts';

const syntax = (text: string, loose = false) => {
  try {
    parseJsonSource(text, { loose });
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { ...lineColumn(text, error.offset), message: error.message, fix: error.fix };
  }
  throw new Error('parsed');
};

describe('parseJsonSource', () => {
  it('parses what JSON.parse parses, and locates every value and key', () => {
    const text = '{\n  "a": [1, {"b": "x\\u00e9"}],\n  "c": null\n}';
    const doc = parseJsonSource(text);
    expect(doc.value).toEqual(JSON.parse(text));
    const b = doc.locate(['a', 1, 'b']);
    expect(lineColumn(text, b.start)).toEqual({ line: 2, column: 18 });
    expect(lineColumn(text, b.keyStart!)).toEqual({ line: 2, column: 13 });
    // A missing field points at the nearest parent that exists.
    const missing = doc.locate(['a', 1, 'zz']);
    expect(missing.exact).toBe(false);
    expect(lineColumn(text, missing.start)).toEqual({ line: 2, column: 12 });
  });

  it('names the mistakes editors make, where they are', () => {
    expect(syntax('{\n  "a": 1\n  "b": 2\n}')).toMatchObject({
      line: 2,
      column: 9,
      message: expect.stringMatching(/comma is missing/),
    });
    expect(syntax('[1, 2,]')).toMatchObject({ line: 1, column: 6, message: 'a comma before ] has nothing after it' });
    expect(syntax('{"a": 84.4亿}')).toMatchObject({
      column: 7,
      fix: expect.stringMatching(/^write 84\.4 and put the unit in "unit"/),
    });
    expect(syntax('{"a": ８４.4}')).toMatchObject({ column: 7, fix: 'write 84.4' });
    expect(syntax('{"a": 1 000}')).toMatchObject({ column: 7, fix: 'write it without the space: 1000' });
    expect(syntax("{'a': 1}")).toMatchObject({ message: 'JSON field names use double quotes' });
    expect(syntax('{"a": "x}')).toMatchObject({ message: 'a string is not closed' });
    expect(syntax('{"a": 1, "a": 2}')).toMatchObject({
      column: 10,
      message: 'the field "a" is written twice in this object',
    });
    expect(syntax('{"a": [1,\n')).toMatchObject({ line: 2, message: 'the file ends where a value should be' });
    expect(syntax('{"a": 1}\n}')).toMatchObject({ line: 2, message: '“}” after the end of the data' });
  });

  it('gives line and column in whichever file is asked about, in turn', () => {
    const a = '{\n  "a": 1,\n  "b": "字字x"\n}';
    const b = '[\n\n\n  1]';
    expect(lineColumn(a, a.indexOf('x'))).toEqual({ line: 3, column: 11 });
    expect(lineColumn(b, b.indexOf('1'))).toEqual({ line: 4, column: 3 });
    expect(lineColumn(a, a.indexOf('"b"'))).toEqual({ line: 3, column: 3 });
    expect(lineColumn(a, 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn(a, a.indexOf('\n'))).toEqual({ line: 1, column: 2 });
  });

  it('reads the object literals of MDX attributes when loose', () => {
    const doc = parseJsonSource("[{ icon: 'leaf', text: '生态', }, ]", { loose: true });
    expect(doc.value).toEqual([{ icon: 'leaf', text: '生态' }]);
    expect(syntax('[{ icon: leaf }]', true).message).toBe('“leaf” is not a value');
  });
});

describe('readFrontmatter', () => {
  it('locates fields and list items, in block and flow style', () => {
    const fm = readFrontmatter('---\ntitle: "标题"\nsources:\n  - a-p01\n  - a-p02\ndatasets: [x, yy]\n---\n\n正文');
    if (!fm.ok) throw new Error(fm.message);
    expect(fm.data.sources).toEqual(['a-p01', 'a-p02']);
    expect(fm.locate(['sources', 1])).toMatchObject({ line: 5, column: 5, exact: true });
    expect(fm.locate(['datasets', 1])).toMatchObject({ line: 6, column: 15, exact: true });
    expect(fm.locate(['byline'])).toMatchObject({ line: 7, exact: false });
    expect(fm.bodyLine).toBe(8);
  });

  it('names a block that is not opened or not closed, at its line', () => {
    expect(readFrontmatter('title: x\n---\n')).toMatchObject({
      ok: false,
      line: 1,
      message: 'the frontmatter has no opening ---',
    });
    expect(readFrontmatter('---\ntitle: x\nkind: brief\n\n正文')).toMatchObject({
      ok: false,
      kind: 'unclosed',
      line: 1,
      fix: 'add a line --- after the last field (after line 3)',
    });
    expect(readFrontmatter('---\ntitle: x\n----\n正文')).toMatchObject({ ok: false, line: 3 });
  });
});

describe('findNumberTypos', () => {
  it('names full-width digits, full-width letters and a stray space, with the corrected text', () => {
    const pick = (t: string) => findNumberTypos(t).map(({ kind, corrected }) => [kind, corrected]);
    expect(pick('共计１８个')).toEqual([['full-width-digit', '18']]);
    expect(pick('８４．４亿元')).toEqual([['full-width-digit', '84.4']]);
    expect(pick('150ＭＷ')).toEqual([['full-width-letter', '150MW']]);
    expect(pick('12％以上')).toEqual([['full-width-letter', '12%']]);
    expect(pick('84. 4亿元 和 1 000个')).toEqual([
      ['stray-space', '84.4'],
      ['stray-space', '1000'],
    ]);
    expect(pick('共计18个，5G')).toEqual([]);
    expect(toHalfWidth('ＡＢ１２％')).toBe('AB12%');
  });
});

describe('messages', () => {
  it('suggest the nearest name only when it is close', () => {
    expect(closest('totl', ['total', 'operating'])).toBe('total');
    expect(closest('harbour-p30', ['harbour-p01', 'harbour-p03'])).toBe('harbour-p03');
    expect(closest('invest', ['in-use', 'investment'])).toBe('investment');
    expect(closest('zebra', ['total', 'operating'])).toBeUndefined();
  });

  it('mark where a quote differs from the closest passage', () => {
    const { passage, notes } = quoteDiff('物流项目共计19个', '本报讯 截至目前，物流项目共计18个；已建成7个。');
    expect(passage).toBe('物流项目共计18个');
    expect(notes[2]).toBe(`${' '.repeat(13)}${' '.repeat(13)}^  “9” where the report has “8”`);
  });

  it('mark the column under wide characters, and sort by file, line and column', () => {
    expect(displayWidth('共计18')).toBe(6);
    const p = { kind: 'fig-mismatch' as const, file: 'a.mdx', line: 1, column: 3, length: 2, message: 'm', fix: 'f' };
    expect(formatProblem(p, '共计18个').split('\n').slice(1)).toEqual(['  1 | 共计18个', '    |     ^^']);
    const sorted = sortProblems([{ ...p, line: 2 }, { ...p, file: 'A.mdx' }, p, p]);
    expect(sorted.map((x) => `${x.file}:${x.line}`)).toEqual(['A.mdx:1', 'a.mdx:1', 'a.mdx:2']);
  });
});
