/**
 * Problems with content, positioned where the editor made the mistake, and printed the way compilers print
 * them: `file:line:column: 名称：what is wrong — how to fix it`, then the line of the file with the place marked
 * and any notes (the closest passage, the known ids).
 */
import { MESSAGE_KINDS, type MessageKindId } from './messages.ts';

export interface Problem {
  kind: MessageKindId;
  /** Path from the project root, with forward slashes. */
  file: string;
  /** 1-based line and column (columns count characters). */
  line: number;
  column: number;
  /** How many characters to mark from the column (at least 1). */
  length?: number;
  /** What is wrong, quoting what the editor wrote. */
  message: string;
  /** How to fix it. */
  fix: string;
  /** Further lines: the closest passage with its differences marked, the ids the name could have meant. */
  notes?: string[];
}

/** Returns the problems in file, line and column order, each reported once. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return [...problems]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column))
    .filter((p) => {
      const key = `${p.file}:${p.line}:${p.column}:${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The first line of a problem: `file:line:column: 名称：what — fix`. */
export function problemLine(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${MESSAGE_KINDS[p.kind].zh}：${p.message} — ${p.fix}`;
}

/**
 * Formats a problem with the line it points at and a caret under the mistake, then its notes. `text` is the
 * file's content (the excerpt is left out without it).
 */
export function formatProblem(p: Problem, text?: string): string {
  const out = [problemLine(p)];
  const source = text?.split('\n')[p.line - 1]?.replace(/\r$/, '');
  if (source !== undefined && source.trim()) {
    const gutter = String(p.line).length;
    const before = [...source].slice(0, p.column - 1).join('');
    const marked = [...source].slice(p.column - 1, p.column - 1 + Math.max(1, p.length ?? 1)).join('');
    out.push(`  ${String(p.line)} | ${source}`);
    out.push(
      `  ${' '.repeat(gutter)} | ${' '.repeat(displayWidth(before))}${'^'.repeat(Math.max(1, displayWidth(marked)))}`,
    );
  }
  for (const note of p.notes ?? []) out.push(`  = ${note}`);
  return out.join('\n');
}

/** Formats every problem and the closing count. */
export function formatReport(problems: readonly Problem[], texts: ReadonlyMap<string, string> = new Map()): string {
  const sorted = sortProblems(problems);
  const files = new Set(sorted.map((p) => p.file)).size;
  const blocks = sorted.map((p) => formatProblem(p, texts.get(p.file)));
  const count = `✗ ${sorted.length} problem${sorted.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} (${sorted.length} 处问题)`;
  return [...blocks, count].join('\n\n');
}

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x20000;
    width += wide ? 2 : 1;
  }
  return width;
}

/** Edit distance between two strings: insertions, deletions, substitutions and swaps of two neighbours (p30/p03). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) =>
    Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= x.length; i++)
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[x.length]![y.length]!;
}

/** Returns the known name closest to a wanted one, if it is close enough to be a slip (did you mean). */
export function closest(wanted: string, known: Iterable<string>): string | undefined {
  const w = wanted.toLowerCase();
  let best: { id: string; score: number } | undefined;
  for (const id of known) {
    const k = id.toLowerCase();
    // A name that holds the other (invest / investment) is nearer than any edit.
    const score = w && (k.includes(w) || w.includes(k)) ? 0.5 : editDistance(w, k);
    if (!best || score < best.score) best = { id, score };
  }
  if (!best) return undefined;
  return best.score <= Math.max(2, Math.floor([...wanted].length / 3)) ? best.id : undefined;
}

/** `; did you mean "x"?` or, when nothing is close, the list of known names (shortened). */
export function didYouMean(wanted: string, known: readonly string[], what = 'known'): string {
  const near = closest(wanted, known);
  if (near) return `did you mean "${near}"?`;
  if (!known.length) return `there are none`;
  const shown = known.slice(0, 12).join(', ');
  return `${what}: ${shown}${known.length > 12 ? `, … (${known.length} in all)` : ''}`;
}

/**
 * Finds the passage of `text` closest to `quote` (approximate substring match) and describes where they differ:
 * returns the passage and two aligned lines, the report's and the quote's, with a line of marks under them.
 */
export function quoteDiff(quote: string, text: string): { passage: string; notes: string[] } {
  const q = [...quote];
  const t = [...text];
  // Sellers' algorithm: edit distance of q against any substring of t; start[j] remembers where the match began.
  let prev = Array.from({ length: t.length + 1 }, () => 0);
  let prevStart = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= q.length; i++) {
    const cur = [i];
    const curStart = [0];
    for (let j = 1; j <= t.length; j++) {
      const sub = prev[j - 1]! + (q[i - 1] === t[j - 1] ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      const best = Math.min(sub, del, ins);
      cur.push(best);
      curStart.push(best === sub ? prevStart[j - 1]! : best === del ? prevStart[j]! : curStart[j - 1]!);
    }
    prev = cur;
    prevStart = curStart;
  }
  let end = 0;
  for (let j = 1; j <= t.length; j++) if (prev[j]! < prev[end]!) end = j;
  const passage = t.slice(prevStart[end]!, end).join('');
  const { top, bottom, marks, first } = align(passage, quote);
  const notes = [`the report:  ${top}`, `your quote:  ${bottom}`, `             ${marks}${first ? `  ${first}` : ''}`];
  return { passage, notes };
}

/** Aligns two strings character by character; gaps are shown as a full-width space, differences marked ^. */
function align(a: string, b: string): { top: string; bottom: string; marks: string; first?: string } {
  const x = [...a];
  const y = [...b];
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) =>
    Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= x.length; i++)
    for (let j = 1; j <= y.length; j++)
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
  const cols: { a: string; b: string }[] = [];
  let i = x.length;
  let j = y.length;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && d[i]![j] === d[i - 1]![j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1)) {
      cols.unshift({ a: x[--i]!, b: y[--j]! });
    } else if (i > 0 && d[i]![j] === d[i - 1]![j]! + 1) cols.unshift({ a: x[--i]!, b: '' });
    else cols.unshift({ a: '', b: y[--j]! });
  }
  let top = '';
  let bottom = '';
  let marks = '';
  let first: string | undefined;
  for (const c of cols) {
    const w = Math.max(displayWidth(c.a), displayWidth(c.b), 1);
    const pad = (s: string) => s + ' '.repeat(w - displayWidth(s));
    top += pad(c.a);
    bottom += pad(c.b);
    const same = c.a === c.b;
    marks += (same ? ' ' : '^').repeat(w);
    if (!same && !first)
      first = !c.a
        ? `the report has nothing where the quote has “${c.b}”`
        : !c.b
          ? `the quote leaves out “${c.a}”`
          : `“${c.b}” where the report has “${c.a}”`;
  }
  return { top, bottom, marks: marks.replace(/\s+$/, ''), first };
}
