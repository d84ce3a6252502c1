/**
 * Turns a decided draft (content/drafts/<id>/) into a report folder: applies the accepted and edited repairs to the
 * text as received, logs each in corrections.json (before, after, why) and each rejected flag as a doubt (noted),
 * so that replaying the log on received.txt gives report.json exactly. Pure: the script reads and writes the files.
 */
import { PARAGRAPH_ID, ID_RULES } from '../data/ids.ts';
import { reportMetaSchema } from '../data/report-meta-schema.ts';
import { applyRepairs, splitBlocks, type Repair } from '../data/repairs.ts';
import { CAPTION, normaliseText, splitRawBlocks } from './blocks.ts';
import { chosenRepair, decisionLine, decisionsSchema, type Decisions } from './decisions.ts';
import { importReport, type DraftReport } from './import-report.ts';

export interface DraftFiles {
  id: string;
  /** Raw texts of the draft's files. */
  received: string;
  report: string;
  decisions: string;
  meta: string;
}

/** One reason the draft cannot be published yet: the file (relative to the draft folder), a line, what to do. */
export interface PublishProblem {
  file: string;
  line?: number;
  message: string;
}

type Block = { id: string; role: string; text: string; credit?: string };
type Section = { id: string; kind: string; blocks: Block[] };

export interface Published {
  report: { $comment: string; sections: Section[] };
  corrections: {
    $comment: string;
    repairs: Repair[];
    noted: { id: string; paragraph: string; text: string; note: string }[];
  };
}

/** A block of the draft, located in the text as the repairs change it. */
interface Placed {
  block: Block;
  section: number;
  start: number;
  end: number;
  /** Merged into this block by a repair (a healed column break). */
  gone?: Placed;
  /** A caption a repair took out of a sentence: placed after this block. */
  after?: Placed;
}

function parseJson<T>(file: string, text: string, problems: PublishProblem[]): T | undefined {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    problems.push({ file, message: `malformed JSON: ${(error as Error).message}` });
    return undefined;
  }
}

const joined = (b: Block) => (b.role === 'caption' && b.credit ? `${b.text} ${b.credit}` : b.text);

/** Checks the draft and, when every flag is decided, returns the report and its corrections log. */
export function publishDraft(
  files: DraftFiles,
  takenIds: ReadonlySet<string> = new Set(),
): { problems: PublishProblem[]; published?: Published } {
  const problems: PublishProblem[] = [];
  const draft = parseJson<DraftReport>('report.json', files.report, problems);
  const raw = parseJson<unknown>('decisions.json', files.decisions, problems);
  if (!draft || raw === undefined) return { problems };
  const parsed = decisionsSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [, index] = issue.path;
      const id = typeof index === 'number' ? (raw as Decisions).flags?.[index]?.id : undefined;
      problems.push({
        file: 'decisions.json',
        line: id ? decisionLine(files.decisions, id) : undefined,
        message: `${issue.path.join('.')}: ${issue.message}`,
      });
    }
    return { problems };
  }
  const decisions = parsed.data;

  // Decisions name the ids the importer gave; the editor may have renamed blocks in report.json since.
  const text = normaliseText(files.received);
  const rawBlocks = splitRawBlocks(text);
  const original = importReport(files.received, '', files.id).report.sections.flatMap((s) => s.blocks.map((b) => b.id));
  const placed: Placed[] = draft.sections.flatMap((s, section) =>
    s.blocks.map((block) => ({ block: { ...block } as Block, section, start: 0, end: 0 })),
  );
  if (placed.length !== rawBlocks.length) {
    problems.push({
      file: 'report.json',
      message: `holds ${placed.length} blocks but received.txt splits into ${rawBlocks.length}: keep one block per paragraph as imported (decide repairs in decisions.json instead of editing texts)`,
    });
    return { problems };
  }
  const rename = new Map<string, string>();
  placed.forEach((p, i) => {
    const r = rawBlocks[i]!;
    if (joined(p.block) !== r.text)
      problems.push({
        file: 'report.json',
        message: `block ${p.block.id} no longer reads as received ("${r.text.slice(0, 20)}…"): restore its text; repairs belong in decisions.json`,
      });
    if (!PARAGRAPH_ID.test(p.block.id))
      problems.push({ file: 'report.json', message: `"${p.block.id}" is not ${ID_RULES.paragraph}` });
    if (takenIds.has(p.block.id))
      problems.push({
        file: 'report.json',
        message: `paragraph id "${p.block.id}" is already used by a published report: keep the report id as prefix`,
      });
    p.start = r.start;
    p.end = r.end;
    rename.set(original[i]!, p.block.id);
  });
  const ids = placed.map((p) => p.block.id);
  const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (dupes.length) problems.push({ file: 'report.json', message: `block ids used twice: ${dupes.join(', ')}` });

  const repairs: Repair[] = [];
  const noted: Published['corrections']['noted'] = [];
  for (const entry of decisions.flags) {
    const chosen = chosenRepair(entry);
    if (typeof chosen === 'string') {
      problems.push({
        file: 'decisions.json',
        line: decisionLine(files.decisions, entry.id),
        message: `flag ${entry.id} (${entry.kind}, ${entry.paragraph}) ${chosen}`,
      });
      continue;
    }
    const renameIn = (s: string) => s.replace(/[a-z0-9-]+-p\d{2}/g, (id) => rename.get(id) ?? id);
    if (chosen) {
      repairs.push({
        id: `c${String(repairs.length + 1).padStart(2, '0')}`,
        ...chosen,
        paragraph: chosen.paragraph === '*' ? '*' : renameIn(chosen.paragraph),
        why: renameIn(chosen.why),
      });
    } else if (entry.note !== null && entry.note.trim().length < 10) {
      problems.push({
        file: 'decisions.json',
        line: decisionLine(files.decisions, entry.id),
        message: `flag ${entry.id}: "note" must say in a sentence (10 characters or more) why the text stays as received`,
      });
    } else
      noted.push({
        id: entry.id,
        paragraph: renameIn(entry.paragraph),
        text: entry.text ?? '',
        note: entry.note ?? entry.message,
      });
  }
  if (problems.length) return { problems };

  let current = text;
  for (const repair of repairs) {
    if (repair.map) {
      const map = repair.map;
      current = [...current].map((ch) => map[ch] ?? ch).join('');
      continue;
    }
    const p = current.indexOf(repair.before);
    const line = decisionLine(
      files.decisions,
      decisions.flags.find((f) => f.repair?.before === repair.before || f.edited?.before === repair.before)?.id ?? '',
    );
    if (p < 0 || current.indexOf(repair.before, p + 1) >= 0) {
      problems.push({
        file: 'decisions.json',
        line,
        message: `repair of ${repair.paragraph}: "before" ${p < 0 ? 'is not in the text (after the repairs before it)' : 'occurs more than once; quote more context'}`,
      });
      continue;
    }
    const q = p + repair.before.length;
    const delta = repair.after.length - repair.before.length;
    current = current.slice(0, p) + repair.after + current.slice(q);
    const live = placed.filter((b) => !b.gone && !b.after);
    const touched = live.filter((b) => b.start < q && b.end > p);
    const moved = touched.filter((b) => b.block.role === 'caption' && b.start >= p && b.end <= q);
    const kept = touched.filter((b) => !moved.includes(b));
    const first = kept[0];
    if (first) {
      first.end = Math.max(...kept.map((b) => b.end)) + delta;
      for (const b of kept.slice(1)) b.gone = first;
    }
    for (const b of moved) b.after = first;
    for (const b of live) {
      if (touched.includes(b) || b.start < q) continue;
      b.start += delta;
      b.end += delta;
    }
  }
  if (problems.length) return { problems };

  // Captions keep their text as received (with the punctuation map); only their place changes.
  const mapped = (s: string) =>
    repairs.filter((r) => r.map).reduce((t, r) => [...t].map((ch) => r.map![ch] ?? ch).join(''), s);
  const textOf = (b: Placed) => (b.after ? mapped(joined(b.block)) : current.slice(b.start, b.end).trim());
  const finalBlock = (b: Placed): Block => {
    const t = textOf(b);
    if (b.block.role !== 'caption') return { id: b.block.id, role: b.block.role, text: t };
    const m = CAPTION.exec(t);
    return m
      ? { id: b.block.id, role: 'caption', text: m[1]!.trim(), credit: m[2]!.trim() }
      : { id: b.block.id, role: 'caption', text: t };
  };
  const order: Placed[] = [];
  for (const b of placed) {
    if (b.gone || b.after) continue;
    order.push(b, ...placed.filter((c) => c.after === b));
  }
  const sections: Section[] = draft.sections
    .map((s, i) => ({ id: s.id, kind: s.kind, blocks: order.filter((b) => b.section === i).map(finalBlock) }))
    .filter((s) => s.blocks.length > 0);

  // The replay check: the log applied to the received text gives the blocks, captions taken out of sentences aside.
  const replayed = splitBlocks(applyRepairs(files.received, repairs));
  const inPlace = order.filter((b) => !b.after).map((b) => joined(finalBlock(b)));
  if (JSON.stringify(replayed) !== JSON.stringify(inPlace))
    problems.push({
      file: 'decisions.json',
      message:
        'the accepted repairs do not replay to the cleaned blocks (a repair crosses a block it should not): edit the repairs so that each stays within the paragraphs it joins',
    });

  // A repair or doubt names the paragraph it was found in; after a merge, that is the block it went into.
  const home = (id: string) => {
    let b = placed.find((x) => x.block.id === id);
    while (b?.gone) b = b.gone;
    return b?.block.id ?? id;
  };
  for (const r of repairs) if (r.paragraph !== '*') r.paragraph = home(r.paragraph);
  for (const n of noted) n.paragraph = home(n.paragraph);
  const finalText = new Map(sections.flatMap((s) => s.blocks.map((b) => [b.id, b.text] as const)));
  for (const n of noted) {
    const paragraph = finalText.has(n.paragraph)
      ? n.paragraph
      : ([...finalText.keys()].find((id) => finalText.get(id)!.includes(mapped(n.text))) ?? sections[0]!.blocks[0]!.id);
    const body = finalText.get(paragraph)!;
    const text = mapped(n.text);
    n.paragraph = paragraph;
    n.text = text && body.includes(text) ? text : body.slice(0, 12);
    n.id = `n${String(noted.indexOf(n) + 1).padStart(2, '0')}`;
  }
  if (problems.length) return { problems };
  return {
    problems,
    published: {
      report: {
        $comment: `The report as the site publishes it: received.txt with the repairs in corrections.json applied, split into sections and blocks (npm run publish:report from ${decisions.source}). Block ids are stable: stories and datasets point at them.`,
        sections,
      },
      corrections: {
        $comment:
          "Every repair made to received.txt to produce report.json, in the order applied, as decided in the draft's decisions.json; 'noted' lists the flags the editor rejected, kept as doubts.",
        repairs,
        noted,
      },
    },
  };
}

/** Checks the draft's meta.json against the report metadata schema; each problem names its field and line. */
export function metaProblems(text: string): { problems: PublishProblem[]; meta: Record<string, unknown> } {
  const problems: PublishProblem[] = [];
  const meta = parseJson<Record<string, unknown>>('meta.json', text, problems) ?? {};
  if (problems.length) return { problems, meta };
  const lines = text.split('\n');
  const lineOf = (field: string) => lines.findIndex((l) => l.includes(`"${field}"`)) + 1 || undefined;
  const parsed = reportMetaSchema.safeParse(meta);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      const empty = meta[field] === null || meta[field] === undefined;
      problems.push({
        file: 'meta.json',
        line: lineOf(field),
        message: `${issue.path.join('.') || '(top level)'}: ${empty ? 'fill it from the printed page' : issue.message}`,
      });
    }
  return { problems, meta };
}
