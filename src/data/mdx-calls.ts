/**
 * The component calls an article makes (<Chart … />, <Fig …>…</Fig>, <Src … />, <IconList … />), read from the
 * MDX source with the offset of every attribute, so a message can point at `rows="…"` rather than at the article.
 * Code blocks and code spans are skipped: the guide quotes calls there.
 */

export interface Attribute {
  name: string;
  /** The string value ("…" or '…'), or undefined for an expression or a bare flag. */
  value?: string;
  /** The source of a {…} expression, braces excluded. */
  expression?: string;
  /** Offsets of the name and of the value's first character (after the quote or brace). */
  nameOffset: number;
  valueOffset: number;
}

export interface ComponentCall {
  name: string;
  /** Offset of the `<`, and one past the end of the call (closing tag included). */
  offset: number;
  end: number;
  attributes: Attribute[];
  selfClosing: boolean;
  /** Text between the opening and closing tag, and its offset. */
  children?: string;
  childrenOffset?: number;
  /** Mistakes in the call's syntax, positioned. */
  syntax: { offset: number; length: number; message: string; fix: string }[];
}

/** Replaces code blocks and code spans by spaces, keeping every offset. */
export function blankCode(text: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, ' ');
  return text.replace(/^```[\s\S]*?^```/gm, blank).replace(/`[^`\n]*`/g, blank);
}

/** Finds every call of a capitalised component in `text` from `from` on. */
export function componentCalls(text: string, from = 0): ComponentCall[] {
  const source = blankCode(text);
  const calls: ComponentCall[] = [];
  const tag = /<([A-Z][A-Za-z0-9]*)(?=[\s/>])/g;
  tag.lastIndex = from;
  for (let m = tag.exec(source); m; m = tag.exec(source)) {
    const call = readCall(source, m.index, m[1]!);
    calls.push(call);
    tag.lastIndex = Math.max(call.end, m.index + 1);
  }
  return calls;
}

function readCall(text: string, start: number, name: string): ComponentCall {
  const call: ComponentCall = { name, offset: start, end: start, attributes: [], selfClosing: false, syntax: [] };
  let pos = start + 1 + name.length;
  const err = (offset: number, length: number, message: string, fix: string) =>
    call.syntax.push({ offset, length, message, fix });
  for (;;) {
    while (pos < text.length && /\s/.test(text[pos]!)) pos++;
    const ch = text[pos];
    if (ch === undefined || (ch === '<' && /^<[A-Za-z/]/.test(text.slice(pos)))) {
      err(start, name.length + 1, `the tag <${name} is not closed`, `end it with /> (or > … </${name}>)`);
      call.end = pos;
      return call;
    }
    if (text.startsWith('/>', pos)) {
      call.selfClosing = true;
      call.end = pos + 2;
      return call;
    }
    if (ch === '>') {
      pos++;
      const close = text.indexOf(`</${name}>`, pos);
      const nextOpen = text.slice(pos).search(new RegExp(`<${name}[\\s/>]`));
      if (close < 0 || (nextOpen >= 0 && pos + nextOpen < close)) {
        err(
          start,
          name.length + 1,
          `<${name}> is opened but never closed with </${name}>`,
          `end it with />, or close it with </${name}>`,
        );
        call.end = pos;
        return call;
      }
      call.children = text.slice(pos, close);
      call.childrenOffset = pos;
      call.end = close + name.length + 3;
      return call;
    }
    const attr = /^[A-Za-z_][\w:-]*/.exec(text.slice(pos));
    if (!attr) {
      err(
        pos,
        1,
        `cannot read the attributes from “${text.slice(pos, pos + 12).split('\n')[0]}”`,
        'write attributes as name="value"',
      );
      // Skip to the end of the tag so the rest of the article is still checked.
      const end = text.indexOf('>', pos);
      call.end = end < 0 ? text.length : end + 1;
      call.selfClosing = text[end - 1] === '/';
      return call;
    }
    const nameOffset = pos;
    pos += attr[0].length;
    while (pos < text.length && /[ \t]/.test(text[pos]!)) pos++;
    if (text[pos] !== '=') {
      call.attributes.push({ name: attr[0], nameOffset, valueOffset: nameOffset });
      continue;
    }
    pos++;
    while (pos < text.length && /[ \t]/.test(text[pos]!)) pos++;
    const q = text[pos];
    if (q === '"' || q === "'") {
      const close = text.indexOf(q, pos + 1);
      if (close < 0) {
        err(pos, 1, `the value of ${attr[0]} opens with ${q} but is never closed`, `end it with ${q}`);
        call.end = text.length;
        return call;
      }
      call.attributes.push({ name: attr[0], value: text.slice(pos + 1, close), nameOffset, valueOffset: pos + 1 });
      pos = close + 1;
    } else if (q === '{') {
      const close = matchBrace(text, pos);
      if (close < 0) {
        err(pos, 1, `the {…} value of ${attr[0]} is never closed`, 'close it with }');
        call.end = text.length;
        return call;
      }
      call.attributes.push({ name: attr[0], expression: text.slice(pos + 1, close), nameOffset, valueOffset: pos + 1 });
      pos = close + 1;
    } else {
      const bare = /^[^\s/>]*/.exec(text.slice(pos))![0];
      err(pos, Math.max(1, bare.length), `the value of ${attr[0]} is not in quotes`, `write ${attr[0]}="${bare}"`);
      call.attributes.push({ name: attr[0], value: bare, nameOffset, valueOffset: pos });
      pos += bare.length;
    }
  }
}

/** Returns the offset of the } closing the { at `open`, skipping strings; -1 if none. */
function matchBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"' || ch === "'" || ch === '`') {
      const end = text.indexOf(ch, i + 1);
      if (end < 0) return -1;
      i = end;
    } else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i;
  }
  return -1;
}
