/**
 * Everything an editor writes, checked without building the site: the reports, every dataset and the not-data
 * list, every story's frontmatter and component calls, and the links between them. Used by
 * `npm run check:content`, and by `npm run build` and `npm run dev` before anything renders.
 * Reads files through a small interface, so tests can check a corpus of broken content in memory.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkDatasetTexts,
  placeProblem,
  readJson,
  zodProblems,
  type CheckResult,
  type PathProblem,
} from './check-datasets.ts';
import { layoutSchema } from './diagrams.ts';
import { checkNotData, notDataSchema, uncoveredNumbers } from './coverage.ts';
import { checkStory, type StoryContext, type StoryResult } from './check-stories.ts';
import { memoKey, type CheckMemo } from './check-memo.ts';
import { checkReportFolder } from './check-report-files.ts';
import type { JsonDocument } from './json-source.ts';
import type { Dataset } from './dataset-schema.ts';
import { closest, quoteDiff, sortProblems, type Problem } from './diagnostics.ts';

/** Files under a project root, by path relative to it with forward slashes. */
export interface ContentFiles {
  read(path: string): string | undefined;
  /** Names of the entries of a folder (files and folders), or [] when there is none. */
  list(dir: string): string[];
}

/** The files of a project folder on disk. */
export function diskFiles(root: string): ContentFiles {
  return {
    read: (path) => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : undefined),
    list: (dir) => (existsSync(join(root, dir)) ? readdirSync(join(root, dir)).sort() : []),
  };
}

/** `base` with some files replaced, added (text) or removed (null): a case of a test corpus. */
export function overlayFiles(base: ContentFiles, files: Record<string, string | null>): ContentFiles {
  return {
    read: (path) => (path in files ? (files[path] ?? undefined) : base.read(path)),
    list: (dir) => {
      const names = new Set(base.list(dir));
      for (const [path, text] of Object.entries(files)) {
        if (!path.startsWith(`${dir}/`)) continue;
        const name = path.slice(dir.length + 1).split('/')[0]!;
        if (text === null && !path.slice(dir.length + 1).includes('/')) names.delete(name);
        else if (text !== null) names.add(name);
      }
      return [...names].sort();
    },
  };
}

export interface ContentReport {
  problems: Problem[];
  /** The text of every file read, for excerpts under the messages. */
  texts: Map<string, string>;
  counts: { reports: number; datasets: number; values: number; stories: number; charts: number };
  /** The datasets that passed the schema (all of them when there is no problem), and the story ids checked against. */
  datasets: Dataset[];
  stories: string[];
}

interface ReportFile {
  file: string;
  text: string;
  doc?: JsonDocument;
}

/** Finds the reports: content/reports/<id>/report.json, or the single content/source/report.json. */
function reportFiles(files: ContentFiles): ReportFile[] {
  const paths = files
    .list('content/reports')
    .map((id) => `content/reports/${id}/report.json`)
    .filter((p) => files.read(p) !== undefined);
  if (!paths.length && files.read('content/source/report.json') !== undefined) paths.push('content/source/report.json');
  return paths.map((file) => ({ file, text: files.read(file)! }));
}

/**
 * Checks all content; returns every problem, sorted, each once. With a memo (src/data/check-memo.ts), the datasets
 * and each story are taken from an earlier run's verdict when nothing they rest on has changed.
 */
export function checkContent(files: ContentFiles, memo?: CheckMemo): ContentReport {
  const problems: Problem[] = [];
  const texts = new Map<string, string>();
  const read = (path: string) => {
    const text = files.read(path);
    if (text !== undefined) texts.set(path, text);
    return text;
  };

  // Reports: paragraph id → text, and where each paragraph's text is, for coverage messages.
  const paragraphs = new Map<string, string>();
  const paragraphPlace = new Map<string, { report: ReportFile; path: (string | number)[] }>();
  /** Paragraph id → its report's id (only for content/reports/<id>/) and its section's id. */
  const paragraphReport = new Map<string, string>();
  const paragraphSection = new Map<string, string>();
  const reports = reportFiles(files);
  let reportsReadable = true;
  for (const report of reports) {
    texts.set(report.file, report.text);
    const { doc, problem } = readJson(report.file, report.text);
    if (problem) {
      problems.push(problem);
      reportsReadable = false;
      continue;
    }
    report.doc = doc;
    const sections = (doc!.value as { sections?: unknown })?.sections;
    if (!Array.isArray(sections)) {
      problems.push({
        kind: 'report-shape',
        file: report.file,
        line: 1,
        column: 1,
        message: 'the report has no "sections" list',
        fix: 'a report is { "sections": [ { "id", "kind", "blocks": [ { "id", "role", "text" } ] } ] }',
      });
      reportsReadable = false;
      continue;
    }
    const reportId = /^content\/reports\/([^/]+)\//.exec(report.file)?.[1];
    sections.forEach((section: { id?: unknown; blocks?: unknown }, i) => {
      (Array.isArray(section?.blocks) ? section.blocks : []).forEach((block: { id?: unknown; text?: unknown }, j) => {
        if (typeof block?.id !== 'string' || typeof block.text !== 'string') return;
        if (paragraphs.has(block.id)) {
          problems.push(
            placeProblem(report.file, report.text, doc, {
              kind: 'duplicate-id',
              path: ['sections', i, 'blocks', j, 'id'],
              message: `the paragraph id "${block.id}" is used twice`,
              fix: 'paragraph ids are unique across all reports: rename one',
            }),
          );
          return;
        }
        paragraphs.set(block.id, block.text);
        paragraphPlace.set(block.id, { report, path: ['sections', i, 'blocks', j, 'text'] });
        if (reportId) paragraphReport.set(block.id, reportId);
        if (typeof section.id === 'string') paragraphSection.set(block.id, section.id);
      });
    });
  }

  // Stories present (for the datasets' "stories" field).
  const storyFiles = files.list('content/stories').filter((f) => /\.mdx?$/.test(f));
  const storyIds = storyFiles.map((f) => f.replace(/\.mdx?$/, ''));

  // Datasets.
  const dataFiles = files.list('content/data').filter((f) => f.endsWith('.json') && f !== 'not-data.json');
  const inputs = dataFiles.map((f) => ({ file: `content/data/${f}`, text: read(`content/data/${f}`)! }));
  const reportIds = reports.flatMap((r) => /^content\/reports\/([^/]+)\//.exec(r.file)?.[1] ?? []);
  const reportLinks = reportIds.length ? { of: (p: string) => paragraphReport.get(p), ids: reportIds } : undefined;
  // The datasets' verdict rests on their texts, the reports' texts and the list of stories (keys only with a memo).
  const dataKey = memo
    ? memoKey(
        'datasets',
        memo.code,
        reports.flatMap((r) => [r.file, r.text]),
        inputs.flatMap((i) => [i.file, i.text]),
        storyIds,
      )
    : '';
  const storedData = datasetsVerdict(memo?.get(dataKey), inputs);
  const data = storedData ?? checkDatasetTexts(inputs, { paragraphs, stories: storyIds, reports: reportLinks });
  if (memo && !storedData && !data.problems.length)
    memo.set(dataKey, { datasets: data.datasets, valuesChecked: data.valuesChecked });
  // Without a readable report every quote would look wrong: report the report alone.
  problems.push(
    ...data.problems.filter(
      (p) => reportsReadable || !['unknown-paragraph', 'quote-not-in-paragraph', 'number-typo'].includes(p.kind),
    ),
  );

  // Each report folder's own files: meta.json, corrections.json, key-figures.json and the shape of report.json.
  const readableReports = new Set(
    reports.filter((r) => Array.isArray((r.doc?.value as { sections?: unknown })?.sections)).map((r) => r.file),
  );
  const datasetInfo = new Map(
    data.datasets.map(
      (d) => [d.id, { report: d.report, stories: d.stories, rows: data.rowIds.get(d.id) ?? [] }] as const,
    ),
  );
  const unreadable = new Set([...data.broken, ...[...data.rowIds.keys()].filter((id) => !datasetInfo.has(id))]);
  // Built once for all report folders (per folder, they grew with the square of the archive).
  const goodRows = new Map([...data.goodRows].filter(([key]) => !data.badRows.has(key)));
  const paragraphsOf = new Map<string, string[]>();
  for (const [p, r] of paragraphReport) (paragraphsOf.get(r) ?? paragraphsOf.set(r, []).get(r)!).push(p);
  for (const id of files.list('content/reports')) {
    // Files beside the report folders (a README) are not reports; a report id has no dot.
    if (id.includes('.')) continue;
    const file = `content/reports/${id}/report.json`;
    for (const name of ['meta.json', 'corrections.json', 'key-figures.json']) read(`content/reports/${id}/${name}`);
    problems.push(
      ...checkReportFolder(id, files.read, {
        paragraphs: readableReports.has(file) ? (paragraphsOf.get(id) ?? []) : undefined,
        stories: storyIds,
        datasets: datasetInfo,
        broken: unreadable,
        goodRows,
      }),
    );
  }

  // The not-data list and coverage of every number in the report (only when the datasets are right).
  const notDataFile = 'content/data/not-data.json';
  const notDataText = read(notDataFile);
  if (notDataText !== undefined && reportsReadable) {
    const { doc, problem } = readJson(notDataFile, notDataText);
    const place = (p: PathProblem) => problems.push(placeProblem(notDataFile, notDataText, doc, p));
    if (problem) problems.push(problem);
    else {
      const parsed = notDataSchema.safeParse(doc!.value);
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          place({
            kind: 'not-data',
            path: issue.path as (string | number)[],
            message: `${issue.path.join('.')}: ${issue.message}`,
            fix: 'each entry is { "paragraph", "text", "reason", "heldAs"? }',
          });
      } else {
        for (const line of checkNotData(notDataFile, parsed.data.entries, paragraphs, data.datasets)) {
          const m = /^[^:]+: entries\[(\d+)\]\.(\w+)(?:\[(\d+)\])?: (.*)$/.exec(line);
          const path = m ? ['entries', Number(m[1]), m[2]!, ...(m[3] ? [Number(m[3])] : [])] : ['entries'];
          const [message, fix] = (m?.[4] ?? line).split(' — ');
          place({
            kind: 'not-data',
            path,
            message: message!,
            fix:
              fix ??
              (m?.[2] === 'heldAs' ? 'name a row as "dataset/rowId"' : 'quote a span of the paragraph with its number'),
          });
        }
        if (!data.problems.length && !problems.some((p) => p.file === notDataFile)) {
          for (const { number: n, context } of uncoveredNumbers(data.datasets, paragraphs, parsed.data.entries)) {
            const where = paragraphPlace.get(n.paragraph)!;
            problems.push(
              placeProblem(where.report.file, where.report.text, where.report.doc, {
                kind: 'not-covered',
                path: where.path,
                inString: { index: n.index, length: n.end - n.index },
                message: `${n.printed} in “…${context}…” (paragraph ${n.paragraph}) is neither the value of a row quoting it nor listed in content/data/not-data.json`,
                fix: 'add a dataset row that quotes it, or an entry in not-data.json saying why it is not data',
              }),
            );
          }
        }
      }
    }
  }

  // Layouts of schematic charts: named parts, each quoted from the report.
  const layoutFiles = files.list('content/diagrams').filter((f) => f.endsWith('.json'));
  for (const name of layoutFiles) {
    const file = `content/diagrams/${name}`;
    problems.push(...checkLayoutText(file, read(file)!, reportsReadable ? paragraphs : undefined));
  }
  const layouts = new Set(layoutFiles.map((f) => f.slice(0, -5)));

  // Stories.
  const ctx: StoryContext = {
    paragraphs,
    sections: paragraphSection,
    reports: reportLinks,
    datasetFiles: new Set(dataFiles.map((f) => f.slice(0, -5))),
    broken: data.broken,
    rowIds: data.rowIds,
    // Rows found wrong later (a quote, a unit) are not good either: nothing that shows them is checked again.
    goodRows: new Map([...data.goodRows].filter(([key]) => !data.badRows.has(key))),
    datasets: new Map(data.datasets.map((d) => [d.id, d])),
    layouts,
    icons: tablerIcons(),
  };
  // A story's verdict rests on its text and on all that the context was made from: the datasets' inputs (dataKey)
  // and the layouts present.
  const storiesKey = memo ? memoKey('stories', dataKey, [...layouts]) : '';
  const charts = new Map<string, { file: string; line: number }>();
  let chartCount = 0;
  for (const name of storyFiles) {
    const file = `content/stories/${name}`;
    const text = read(file)!;
    const key = memo ? memoKey(storiesKey, file, text) : '';
    const stored = memo?.get(key) as StoryResult | undefined;
    const result = stored ?? checkStory(file, text, ctx);
    if (memo && !stored && !result.problems.length) memo.set(key, result);
    problems.push(...result.problems.filter((p) => reportsReadable || !['unknown-paragraph'].includes(p.kind)));
    for (const { spec, place } of result.charts) {
      chartCount++;
      const other = charts.get(spec.id);
      if (other)
        problems.push({
          kind: 'duplicate-id',
          file,
          ...(place.attributes.id ?? place.call),
          message: `the chart id "${spec.id}" is already used in ${other.file}:${other.line}`,
          fix: 'chart ids are unique across the site: choose another',
        });
      else charts.set(spec.id, { file, line: place.call.line });
    }
  }

  return {
    problems: sortProblems(problems),
    texts,
    counts: {
      reports: reports.length,
      datasets: dataFiles.length,
      values: data.valuesChecked,
      stories: storyFiles.length,
      charts: chartCount,
    },
    datasets: data.datasets,
    stories: storyIds,
  };
}

/**
 * The datasets' result rebuilt from a stored verdict of no problem: every file was read and passed, so every row is
 * good (rows parse alike alone and in their dataset) and none is bad or broken. Undefined when there is no verdict
 * or it does not cover these files.
 */
function datasetsVerdict(stored: unknown, inputs: readonly { file: string }[]): CheckResult | undefined {
  const verdict = stored as { datasets: Dataset[]; valuesChecked: number } | undefined;
  if (!verdict || verdict.datasets.length !== inputs.length) return undefined;
  const goodRows: CheckResult['goodRows'] = new Map();
  const rowIds: CheckResult['rowIds'] = new Map();
  verdict.datasets.forEach((d, i) => {
    rowIds.set(
      d.id,
      d.rows.map((r) => r.id),
    );
    for (const row of d.rows) goodRows.set(`${d.id}/${row.id}`, { row, file: inputs[i]!.file });
  });
  return {
    datasets: verdict.datasets,
    valuesChecked: verdict.valuesChecked,
    problems: [],
    errors: [],
    broken: new Set(),
    badRows: new Set(),
    goodRows,
    rowIds,
  };
}

let icons: Set<string> | undefined | null;

/** The names of the Tabler icons (astro-icon's set), or undefined when the set is not installed. */
function tablerIcons(): Set<string> | undefined {
  if (icons === undefined) {
    try {
      const json = JSON.parse(
        readFileSync(join(process.cwd(), 'node_modules/@iconify-json/tabler/icons.json'), 'utf8'),
      );
      icons = new Set([...Object.keys(json.icons ?? {}), ...Object.keys(json.aliases ?? {})]);
    } catch {
      icons = null;
    }
  }
  return icons ?? undefined;
}

/** Checks a layout file (content/diagrams/<id>.json): its shape, and each element's quote and name in the report. */
function checkLayoutText(file: string, text: string, paragraphs: ReadonlyMap<string, string> | undefined): Problem[] {
  const { doc, problem } = readJson(file, text);
  if (problem) return [problem];
  const place = (p: PathProblem) => placeProblem(file, text, doc, p);
  const parsed = layoutSchema.safeParse(doc!.value);
  if (!parsed.success) return zodProblems(parsed.error, doc!.value).map(place);
  if (!paragraphs) return [];
  const out: Problem[] = [];
  parsed.data.elements.forEach((e, i) => {
    const paragraph = paragraphs.get(e.source.paragraph);
    if (paragraph === undefined) {
      const near = closest(e.source.paragraph, [...paragraphs.keys()]);
      out.push(
        place({
          kind: 'unknown-paragraph',
          path: ['elements', i, 'source', 'paragraph'],
          message: `"${e.source.paragraph}" is not a paragraph of the report`,
          fix: near ? `did you mean "${near}"?` : 'copy the paragraph id from /source/',
        }),
      );
    } else if (!paragraph.includes(e.source.quote)) {
      out.push(
        place({
          kind: 'quote-not-in-paragraph',
          path: ['elements', i, 'source', 'quote'],
          message: `the quote is not in paragraph ${e.source.paragraph}`,
          fix: `copy it word for word from /source/#${e.source.paragraph}`,
          notes: quoteDiff(e.source.quote, paragraph).notes,
        }),
      );
    } else {
      const name = e.label.replace(/（.*?）$/, '');
      if (!e.source.quote.includes(name))
        out.push(
          place({
            kind: 'quote-not-in-paragraph',
            path: ['elements', i, 'label'],
            message: `the name "${name}" is not in its quote "${e.source.quote}"`,
            fix: 'name the part with the words of the quote',
          }),
        );
    }
  });
  return out;
}
