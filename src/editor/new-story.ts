/** Checks a new story's slug and writes its draft MDX and dataset, refusing anything that would clobber a file. */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { datasetTemplate, storyTemplate } from './templates.ts';
import { placeholderFor } from './placeholders.ts';
import { SLUG } from '../data/ids.ts';
import { closest } from '../data/diagnostics.ts';
import { checkReports, formatReportProblems, readReportFolders, type Report } from '../data/report.ts';

export { SLUG };

export class ScaffoldError extends Error {}

export interface ScaffoldOptions {
  /** The project root holding content/. */
  root: string;
  slug: string;
  title?: string;
  /** The report the story belongs to; may be left out only when there is exactly one report. */
  report?: string;
}

/** Returns why a slug cannot be used, or undefined when it can. */
export function slugProblem(slug: string): string | undefined {
  if (!slug)
    return '请给出文章的 slug，例如 npm run new:story -- port-logistics。 Give a slug, e.g. npm run new:story -- port-logistics.';
  if (!SLUG.test(slug)) {
    return (
      `slug "${slug}" 格式不对：只能用小写字母 a-z、数字 0-9 和单个连字符 -，例如 "port-logistics"。 ` +
      `The slug must be kebab-case (a-z, 0-9, single hyphens), e.g. "port-logistics".`
    );
  }
  return undefined;
}

/** Returns the next free position in a report: one after the largest `order` among that report's stories. */
export function nextOrder(storiesDir: string, report?: string): number {
  if (!existsSync(storiesDir)) return 0;
  const orders = readdirSync(storiesDir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => readFileSync(join(storiesDir, f), 'utf8'))
    .filter((text) => !report || new RegExp(`^report:\\s*["']?${report}["']?\\s*$`, 'm').test(text))
    .map((text) => /^order:\s*(\d+)\s*$/m.exec(text)?.[1])
    .filter((o): o is string => o !== undefined)
    .map(Number);
  return orders.length ? Math.max(...orders) + 1 : 0;
}

/** Writes content/stories/<slug>.mdx and content/data/<slug>.json; throws ScaffoldError with a message for the editor. */
export function scaffoldStory({ root, slug, title, report }: ScaffoldOptions): { story: string; dataset: string } {
  const problem = slugProblem(slug);
  if (problem) throw new ScaffoldError(problem);
  if (title !== undefined && [...title.trim()].length < 2) {
    throw new ScaffoldError('--title 至少两个字。 The title needs at least two characters.');
  }
  const storiesDir = join(root, 'content', 'stories');
  const dataDir = join(root, 'content', 'data');
  const story = join(storiesDir, `${slug}.mdx`);
  const dataset = join(dataDir, `${slug}.json`);
  for (const [file, what] of [
    [story, '文章 story'],
    [dataset, '数据集 dataset'],
  ] as const) {
    if (existsSync(file)) {
      throw new ScaffoldError(
        `${what} "${slug}" 已存在：${file}。请换一个 slug，或直接编辑该文件。 It already exists; choose another slug or edit that file.`,
      );
    }
  }
  const chosen = chooseReport(root, report);
  const placeholder = placeholderFor(chosen);
  if (!placeholder)
    throw new ScaffoldError(
      `报道 ${chosen.id} 没有带单位数字的正文段落可作示例。 Report ${chosen.id} has no body paragraph with a number to quote as a placeholder.`,
    );
  const options = {
    slug,
    title: title?.trim() || '待定标题（请替换）',
    order: nextOrder(storiesDir, chosen.id),
    report: chosen,
    placeholder,
  };
  mkdirSync(storiesDir, { recursive: true });
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(story, storyTemplate(options));
  writeFileSync(dataset, JSON.stringify(datasetTemplate(options), null, 2) + '\n');
  return { story, dataset };
}

/** Returns the report a new story belongs to: the one named, or the only one; refuses anything else with a hint. */
export function chooseReport(root: string, wanted?: string): Report {
  const { reports, problems } = checkReports(readReportFolders(root));
  if (problems.length) throw new ScaffoldError(`the reports have problems:\n${formatReportProblems(problems)}`);
  const ids = reports.map((r) => r.id);
  if (!reports.length) throw new ScaffoldError('content/reports/ 中没有报道。 There is no report in content/reports/.');
  if (wanted === undefined) {
    if (reports.length === 1) return reports[0]!;
    throw new ScaffoldError(
      `有 ${reports.length} 份报道，请用 --report 指明文章属于哪一份：${ids.join(', ')}。 There are several reports; name one with --report.`,
    );
  }
  const found = reports.find((r) => r.id === wanted);
  if (found) return found;
  const near = closest(wanted, ids);
  throw new ScaffoldError(
    `没有报道 "${wanted}"${near ? `；是不是 "${near}"？` : '。'} Unknown report "${wanted}"${near ? `; did you mean "${near}"?` : '.'} Reports: ${ids.join(', ')}`,
  );
}
