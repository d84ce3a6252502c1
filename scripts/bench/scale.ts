/**
 * Build cost as content grows: synthetic stories in a temporary copy of the project (tests/helpers/build.ts
 * projectCopy()), then the production build (scripts/build.mjs: astro build + pagefind) under /usr/bin/time -v,
 * while /proc is polled for the whole process tree's resident memory.
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { buildEnv, projectCopy } from '../../tests/helpers/build.ts';
import { htmlFiles } from './weight.ts';
import { growthExponent } from './stats.ts';
import { buildPhases, lineStamper, type Phases, type TimedLine } from './phases.ts';
import { referenceProject } from './reference.ts';
import { hashTree, treeDiff } from '../../tests/helpers/tree.ts';
import {
  STORIES_PER_REPORT,
  benchReportJson,
  hasReportFolders,
  reportOfStory,
  syntheticReport,
  syntheticReportId,
} from './reports.ts';
import {
  COUNT_ROWS,
  PART_ROWS,
  borrowedFamilies,
  checkedRows,
  kindsFor,
  storyId,
  syntheticDataset,
  syntheticStory,
  type DataRow,
  type Family,
  type ReportRef,
  type TextBlock,
} from './synthetic.ts';

export interface BuildRun {
  stories: number;
  /** Synthetic reports (about ten stories each) the stories belong to. */
  reports: number;
  /** Synthetic stories plus the site's own. */
  totalStories: number;
  charts: number;
  htmlPages: number;
  ok: boolean;
  wallS: number;
  /** Astro's own "N page(s) built in X" figure, when printed. */
  astroPagesS: number | null;
  /** Largest single process (GNU time's "Maximum resident set size"). */
  peakRssMB: number | null;
  /** Largest sum over the build's whole process tree, polled from /proc every 200 ms. */
  peakTreeRssMB: number;
  msPerChart: number | null;
  /** Astro's per-file render times, summed by first path segment (stories, embed, og, charts, data …). */
  routes: Record<string, { files: number; ms: number }>;
  msPerPage: number;
  /** Wall seconds per phase of the cold build (see phases.ts). */
  phases: Phases;
  /** The last line the cold build printed before its memory peaked: where the peak happens. */
  peakDuring: string;
  /** The bare Astro build of the same stories and charts (reference.ts), in the same run. */
  reference: {
    ok: boolean;
    wallS: number;
    cpuS: number | null;
    peakTreeRssMB: number;
    phases: Phases;
    /** With --repeat: every run's wall time, in order (wallS is the median's). */
    wallRunsS?: number[];
    error?: string;
  };
  /** With --repeat: every cold build's and rebuild's wall time, in order (wallS and rebuildOneStoryS: the medians). */
  wallRunsS?: number[];
  rebuildRunsS?: number[];
  /** wallS / reference wall time. */
  ratio: number | null;
  /** CPU seconds of the build's process tree, and their ratio to the reference's (steadier on a shared machine). */
  cpuS: number | null;
  cpuRatio: number | null;
  rebuildCpuS: number | null;
  /** Rebuild after one story changed, with the caches of the cold build (null when the cold build failed). */
  rebuildOneStoryS: number | null;
  rebuildPhases?: Phases;
  /** A cold build of the changed content (caches removed first): a second cold sample and the output to match. */
  coldAfterChangeS: number | null;
  /** Whether the rebuild's output is byte-identical to the cold build of the same content; differing paths if not. */
  rebuildIdentical: boolean | null;
  rebuildDiff?: string[];
  error?: string;
}

export interface ScaleResult {
  kinds: string[];
  chartsIncluded: boolean;
  chartsNote: string;
  runs: BuildRun[];
  exponent: number | null;
}

const STORY_PAGE = 'src/pages/stories/[id].astro';

/**
 * Whether the chart library is in place (Chart component, kinds, datasets loader, Chart passed to the stories'
 * MDX). When only the last is missing, the copy's story page is given <Chart> (patch: true) and the run says so.
 */
export function chartSupport(root: string): { ok: boolean; patch: boolean; note: string } {
  const need = ['src/components/Chart.astro', 'src/charts/index.ts', 'src/data/datasets.ts'];
  const missing = need.filter((f) => !existsSync(join(root, f)));
  if (missing.length) return { ok: false, patch: false, note: `charts omitted: missing ${missing.join(', ')}` };
  const page = readFileSync(join(root, STORY_PAGE), 'utf8');
  if (/\bChart\b/.test(page)) return { ok: true, patch: false, note: 'charts included' };
  if (page.includes('components={{ Src }}')) {
    return {
      ok: true,
      patch: true,
      note: `charts included; ${STORY_PAGE} did not pass <Chart> to the MDX yet, so the bench added it in its copy`,
    };
  }
  return { ok: false, patch: false, note: `charts omitted: ${STORY_PAGE} does not pass <Chart> to the MDX` };
}

/** Gives the copy's story page the <Chart> component (see chartSupport). */
function passChart(root: string) {
  const file = join(root, STORY_PAGE);
  const page = readFileSync(file, 'utf8')
    .replace(/^---\n/, "---\nimport Chart from '../../components/Chart.astro';\n")
    .replace('components={{ Src }}', 'components={{ Src, Chart }}');
  writeFileSync(file, page);
}

/** The chart kinds src/charts/index.ts exports as `chartKinds`. */
export async function chartKindNames(root: string): Promise<string[]> {
  try {
    const mod = await import(join(root, 'src/charts/index.ts'));
    return Object.keys(mod.chartKinds ?? {});
  } catch {
    const text = readFileSync(join(root, 'src/charts/index.ts'), 'utf8');
    const block = /chartKinds[^{]*\{([\s\S]*?)\}/.exec(text)?.[1] ?? '';
    return [...block.matchAll(/^\s*['"]?([a-z][\w-]*)['"]?\s*[:,]/gm)].map((m) => m[1]!);
  }
}

function reportBlocks(root: string): Map<string, { text: string; role: string; section: string }> {
  const report = JSON.parse(readFileSync(benchReportJson(root), 'utf8'));
  const map = new Map<string, { text: string; role: string; section: string }>();
  for (const s of report.sections)
    for (const b of s.blocks) map.set(b.id, { text: b.text, role: b.role, section: s.id });
  return map;
}

/** The row families of the synthetic datasets: counts and parts quoted here, targets and dates borrowed from content/data/. */
export function benchFamilies(root: string): Partial<Record<Family, DataRow[]>> {
  const blocks = reportBlocks(root);
  const paragraph = (id: string) => blocks.get(id)?.text;
  const dataDir = join(root, 'content/data');
  const real = existsSync(dataDir)
    ? readdirSync(dataDir)
        .filter((f) => f.endsWith('.json') && f !== 'not-data.json')
        .sort()
        .map((f) => JSON.parse(readFileSync(join(dataDir, f), 'utf8')))
    : [];
  return {
    count: checkedRows(COUNT_ROWS, paragraph),
    parts: checkedRows(PART_ROWS, paragraph),
    ...borrowedFamilies(real),
  };
}

/**
 * Writes n synthetic stories and their datasets into a project folder; returns the number of charts and reports.
 * With report folders (contract 1) the archive has the layout of a growing newsroom archive: a synthetic report
 * for every ten stories (scripts/bench/reports.ts), each story and dataset naming its own report.
 */
export function writeSynthetic(
  root: string,
  n: number,
  kinds: string[],
): { charts: number; reports: number; families: Partial<Record<Family, DataRow[]>> } {
  const blocks = reportBlocks(root);
  const families = benchFamilies(root);
  const dataDir = join(root, 'content/data');
  if (kinds.length && families.count!.length < 2)
    throw new Error('the synthetic rows no longer quote report.json; update scripts/bench/synthetic.ts');
  mkdirSync(dataDir, { recursive: true });
  const folders = hasReportFolders(root);
  // One paragraph per paragraph of the real report the rows quote, made of exactly their quotes.
  const quoted = new Map<string, string[]>();
  for (const r of Object.values(families).flat()) {
    const quotes = quoted.get(r.source.paragraph) ?? quoted.set(r.source.paragraph, []).get(r.source.paragraph)!;
    if (!quotes.includes(r.source.quote)) quotes.push(r.source.quote);
  }
  const origins = [...quoted.keys()];
  const reports = folders ? reportOfStory(n) : 1;
  const refs: ReportRef[] = [];
  const texts: TextBlock[][] = [];
  for (let k = 1; k <= reports; k++) {
    if (!folders) {
      const text: TextBlock[] = ['feature-p16', 'feature-p17', 'feature-p18']
        .filter((id) => blocks.has(id))
        .map((id) => ({ id, text: blocks.get(id)!.text }));
      if (!text.length) throw new Error('report.json lacks feature-p16..p18; update scripts/bench/scale.ts');
      texts.push(text);
      continue;
    }
    const files = syntheticReport(
      k,
      origins.map((o) => quoted.get(o)!),
    );
    const dir = join(root, 'content/reports', syntheticReportId(k));
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const body = JSON.parse(files['report.json']!).sections[0].blocks.slice(1) as { id: string; text: string }[];
    const to = new Map(origins.map((o, j) => [o, body[j]!.id]));
    refs.push({ id: syntheticReportId(k), section: syntheticReportId(k), paragraph: (p) => to.get(p) ?? p });
    texts.push(origins.map((o, j) => ({ id: o, text: body[j]!.text })));
  }
  let charts = 0;
  for (let i = 1; i <= n; i++) {
    const ks = kindsFor(i, kinds);
    const k = folders ? reportOfStory(i) : 1;
    const report = refs[k - 1];
    charts += ks.length;
    writeFileSync(
      join(root, 'content/stories', `${storyId(i)}.mdx`),
      syntheticStory(i, texts[k - 1]!, ks, folders ? i - (k - 1) * STORIES_PER_REPORT - 1 : 1000 + i, families, report),
    );
    if (ks.length)
      writeFileSync(
        join(dataDir, `${storyId(i)}.json`),
        `${JSON.stringify(syntheticDataset(i, families, report), null, 2)}\n`,
      );
  }
  return { charts, reports, families };
}

/** The MDX of the n synthetic stories as written into root (for the reference build). */
export function syntheticStories(root: string, n: number): { id: string; mdx: string }[] {
  return Array.from({ length: n }, (_, k) => {
    const id = storyId(k + 1);
    return { id, mdx: readFileSync(join(root, 'content/stories', `${id}.mdx`), 'utf8') };
  });
}

/** Sum of VmRSS (kB) over pid and all its descendants. */
function treeRssKB(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      const ppid = Number(fields[1]);
      rss.set(pid, Number(fields[21]) * 4); // rss in pages of 4 kB
      (children.get(ppid) ?? children.set(ppid, []).get(ppid)!).push(pid);
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export interface TimedBuild {
  ok: boolean;
  wallS: number;
  /** User + system CPU seconds of the whole process tree (GNU time): less sensitive than wall time to a busy machine. */
  cpuS: number | null;
  peakRssMB: number | null;
  peakTreeRssMB: number;
  /** When the process tree's memory peaked (seconds since the start) and the last output line before it. */
  peakAtS: number;
  peakDuring: string;
  output: string;
  lines: TimedLine[];
}

/** User + system seconds from GNU time -v output. */
export function cpuSeconds(output: string): number | null {
  const user = /User time \(seconds\): ([\d.]+)/.exec(output);
  const system = /System time \(seconds\): ([\d.]+)/.exec(output);
  return user && system ? Number(user[1]) + Number(system[1]) : null;
}

/**
 * Runs a build command in root under /usr/bin/time -v (default: the production build, `node scripts/build.mjs`,
 * into outDir); returns wall time, memory, and the output with the time each line arrived.
 */
export function timedBuild(
  root: string,
  outDir: string,
  command: string[] = ['node', 'scripts/build.mjs'],
): Promise<TimedBuild> {
  return new Promise((resolveRun) => {
    const started = process.hrtime.bigint();
    const stamp = lineStamper(started);
    const useTime = existsSync('/usr/bin/time');
    const [cmd, ...args] = useTime ? ['/usr/bin/time', '-v', ...command] : command;
    const child = spawn(cmd!, args, {
      cwd: root,
      env: buildEnv({ OUT_DIR: outDir }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const take = (d: Buffer) => {
      const text = d.toString();
      output += text;
      stamp.push(text);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    let peakTree = 0;
    let peakAtS = 0;
    const poll = setInterval(() => {
      if (!child.pid) return;
      const kb = treeRssKB(child.pid);
      if (kb > peakTree) {
        peakTree = kb;
        peakAtS = Number(process.hrtime.bigint() - started) / 1e9;
      }
    }, 200);
    child.on('close', (code) => {
      clearInterval(poll);
      stamp.end();
      const wallS = Number(process.hrtime.bigint() - started) / 1e9;
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(output);
      resolveRun({
        ok: code === 0,
        wallS,
        cpuS: cpuSeconds(output),
        peakRssMB: rss ? Number(rss[1]) / 1024 : null,
        peakTreeRssMB: peakTree / 1024,
        peakAtS,
        peakDuring:
          stamp.lines
            .filter((l) => l.t <= peakAtS && l.text.trim())
            .at(-1)
            ?.text.trim()
            .slice(0, 120) ?? '',
        output,
        lines: stamp.lines,
      });
    });
  });
}

/**
 * Folders the bench is done with, set aside (renamed, which frees nothing) and deleted only after the last build.
 * Deleting tens of thousands of files makes creating files slower for the next few minutes on ext4 without a journal
 * (the inode allocator skips and re-reads inodes freed in the last 60 to 360 s: recently_deleted() in
 * fs/ext4/ialloc.c). Measured here: 37 us a file with no recent deletion, 350-780 us after one, and a 1,000-story
 * build at 42 s instead of 33 s after the previous one's output was deleted. Deleting between builds would bill each
 * build for the last one's cleanup, and the site, writing 20 times the reference's files, 20 times over.
 */
export class Trash {
  #dir: string | undefined;
  /** Moves a file or folder out of the way (nothing when it does not exist). */
  setAside(path: string): void {
    if (!existsSync(path)) return;
    this.#dir ??= mkdtempSync(join(tmpdir(), 'shushuo-bench-trash-'));
    renameSync(path, join(this.#dir, `${readdirSync(this.#dir).length}`));
  }
  /** Deletes everything set aside. */
  empty(): void {
    if (this.#dir) rmSync(this.#dir, { recursive: true, force: true });
    this.#dir = undefined;
  }
}

/** The caches a build keeps between runs (Astro's, Vite's, the site's own): set aside for a cold build. */
export function setAsideBuildCaches(root: string, trash: Trash) {
  for (const dir of ['node_modules/.astro', 'node_modules/.vite', 'node_modules/.cache', '.astro'])
    trash.setAside(join(root, dir));
}

/** The last lines of a failed build's output, without GNU time's report. */
function failure(output: string): string {
  return output
    .split('\n')
    .filter(
      (l) =>
        !/^\s+(Command being timed|User time|System time|Percent|Elapsed|Average|Maximum|Major|Minor|Voluntary|Involuntary|Swaps|File system|Socket|Signals|Page size|Exit status)/.test(
          l,
        ),
    )
    .slice(-25)
    .join('\n');
}

/**
 * The edit of the warm-rebuild measurement: synthetic story 1 gets a new headline and its first chart a new
 * takeaway, which touches its page, share image, embeds and the other pages that list it.
 */
export function changeOneStory(root: string, round = 0) {
  const file = join(root, 'content/stories', `${storyId(1)}.mdx`);
  const text = readFileSync(file, 'utf8');
  // Each round's edit differs from the last (修订, then 修订二, 修订三 …), so each rebuild has one story to redo.
  const mark = `（修订${'二三四五六七八九'[round - 1] ?? ''}）`;
  const next = text
    .replace(/^title: "(.*)"$/m, `title: "$1${mark}"`)
    .replace(/takeaway="([^"]*)"/, `takeaway="$1${mark}"`);
  if (next === text) throw new Error(`${file}: found no title to change for the rebuild measurement`);
  writeFileSync(file, next);
}

/** Astro's "N page(s) built in 850ms" / "12.34s" / "5m 12s", in seconds. */
export function astroBuiltIn(output: string): number | null {
  const m = /page\(s\) built in (?:(\d+)m )?([\d.]+)(ms|s)\b/.exec(stripVTControlCharacters(output));
  if (!m) return null;
  const seconds = m[3] === 'ms' ? Number(m[2]) / 1000 : Number(m[2]);
  return Number(m[1] ?? 0) * 60 + seconds;
}

/** Sums Astro's "├─ /embed/s1-1/index.html (+12ms)" lines by the first segment of the path. */
export function routeTimes(output: string): Record<string, { files: number; ms: number }> {
  const out: Record<string, { files: number; ms: number }> = {};
  for (const m of output.matchAll(/[├└]─ \/([^\s/]*)(\/?)\S* \(\+([\d.]+)(ms|s)\)/g)) {
    const key = m[2] ? m[1]! : m[1]!.replace(/\.html$/, '') || 'index';
    const ms = m[4] === 's' ? Number(m[3]) * 1000 : Number(m[3]);
    const r = (out[key] ??= { files: 0, ms: 0 });
    r.files++;
    r.ms += ms;
  }
  return out;
}

const ms = (r: TimedBuild) => `${r.wallS.toFixed(1)} s${r.cpuS === null ? '' : ` (${r.cpuS.toFixed(1)} s CPU)`}`;

/** Bytes free to this user on the file system of a folder. */
function freeBytes(dir: string): number {
  const { bavail, bsize } = statfsSync(dir);
  return bavail * bsize;
}

/** Of several timed builds, the one whose wall time is the median (the lower middle one of an even count). */
export function medianRun<T extends { wallS: number }>(runs: readonly T[]): T {
  const sorted = [...runs].sort((a, b) => a.wallS - b.wallS);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/**
 * For each size, in fresh project copies: the cold production build, the reference build of the same stories,
 * a rebuild after one story changed (caches kept), and a cold build of the changed content to compare with.
 * At the sizes of `repeatSizes`, the three are built `repeat` times, taking turns (cold, reference, rebuild after a
 * new edit of the same story): each figure is the median run's, so a slow spell of a shared machine moves one sample,
 * not the ratio. Fits the growth exponent of the cold wall time.
 */
export async function runScale(
  sizes: number[],
  log: (s: string) => void,
  keep = false,
  rebuildSizes: number[] = sizes,
  { repeat = 1, repeatSizes = sizes }: { repeat?: number; repeatSizes?: number[] } = {},
): Promise<ScaleResult> {
  const support = chartSupport(process.cwd());
  const kinds = support.ok ? await chartKindNames(process.cwd()) : [];
  const chartsIncluded = support.ok && kinds.length > 0;
  log(`  ${chartsIncluded ? `charts included, kinds: ${kinds.join(', ')}` : support.note}`);
  const runs: BuildRun[] = [];
  const trash = new Trash();
  try {
    for (const n of sizes) {
      const copy = projectCopy();
      let reference: { dir: string; remove(): void } | undefined;
      try {
        const own = readdirSync(join(copy.dir, 'content/stories')).filter((f) => f.endsWith('.mdx')).length;
        if (chartsIncluded && support.patch) passChart(copy.dir);
        const { charts, reports, families } = writeSynthetic(copy.dir, n, chartsIncluded ? kinds : []);
        log(`  ${n} synthetic stories in ${reports} reports (+${own} real), ${charts} charts, in ${copy.dir}`);
        const outDir = join(copy.dir, 'dist');
        const refOut = () => join(reference!.dir, 'dist');
        const rounds = repeatSizes.includes(n) ? Math.max(1, repeat) : 1;
        const round = (i: number) => (rounds > 1 ? ` (${i + 1} of ${rounds})` : '');
        const colds: TimedBuild[] = [];
        const refs: TimedBuild[] = [];
        const rebuilds: TimedBuild[] = [];
        const rebuildHere = rebuildSizes.includes(n);
        let pages = 0;
        let roundStart = freeBytes(copy.dir);
        // Each round builds cold, then the reference, then rebuilds after one story changed (caches kept), so the
        // rebuild meets the same spell of the machine as the cold build it is divided by.
        for (let i = 0; i < rounds; i++) {
          if (i > 0) {
            // Another round keeps another output and its caches until the end (Trash): stop before the disk fills.
            const free = freeBytes(copy.dir);
            const used = roundStart - free;
            if (free < used * 1.5) {
              log(
                `    no further round: ${(free / 2 ** 30).toFixed(1)} GB free and a round took ${(used / 2 ** 30).toFixed(1)} GB (the medians are of ${i})`,
              );
              break;
            }
            roundStart = free;
            // Cold again: the last build's output and every cache set aside.
            trash.setAside(outDir);
            setAsideBuildCaches(copy.dir, trash);
          }
          const r = await timedBuild(copy.dir, outDir);
          colds.push(r);
          pages = existsSync(outDir) ? htmlFiles(outDir).length : 0;
          log(
            `    cold build${round(i)}: ${r.ok ? 'ok' : 'FAILED'} in ${ms(r)}, ${pages} pages, peak ${Math.round(r.peakTreeRssMB)} MB`,
          );
          if (!r.ok) {
            log(failure(r.output));
            break;
          }
          if (reference) {
            trash.setAside(refOut());
            setAsideBuildCaches(reference.dir, trash);
          } else reference = referenceProject(process.cwd(), families, syntheticStories(copy.dir, n));
          const ref = await timedBuild(reference.dir, refOut(), ['npx', 'astro', 'build']);
          refs.push(ref);
          log(
            `    reference (bare Astro, same stories and charts)${round(i)}: ${ref.ok ? 'ok' : 'FAILED'} in ${ms(ref)}, peak ${Math.round(ref.peakTreeRssMB)} MB`,
          );
          if (!ref.ok) {
            log(failure(ref.output));
            break;
          }
          if (rebuildHere && !rebuilds.some((b) => !b.ok)) {
            // A new edit each round (the next cold build builds it), so each rebuild has one story to redo.
            changeOneStory(copy.dir, i);
            trash.setAside(join(copy.dir, 'dist-rebuild'));
            const one = await timedBuild(copy.dir, join(copy.dir, 'dist-rebuild'));
            rebuilds.push(one);
            log(
              `    rebuild after one story changed${round(i)}: ${one.ok ? `ok in ${ms(one)}, ${(one.wallS / r.wallS).toFixed(2)} of this round's cold build` : `FAILED in ${ms(one)}`}`,
            );
            if (!one.ok) log(failure(one.output));
          }
        }
        // A failed build is the one reported; otherwise the median of each.
        const r = colds.find((b) => !b.ok) ?? medianRun(colds);
        const ref = refs.find((b) => !b.ok) ?? (refs.length ? medianRun(refs) : undefined);

        let rebuild: TimedBuild | undefined;
        let verify: TimedBuild | undefined;
        let diff: string[] | undefined;
        if (r.ok && rebuilds.length) {
          rebuild = rebuilds.find((b) => !b.ok) ?? medianRun(rebuilds);
          // The last rebuild's output against a cold build of the same content.
          setAsideBuildCaches(copy.dir, trash);
          verify = await timedBuild(copy.dir, join(copy.dir, 'dist-verify'));
          log(`    cold build of the changed content: ${verify.ok ? 'ok' : 'FAILED'} in ${ms(verify)}`);
          if (rebuilds.at(-1)!.ok && verify.ok) {
            diff = treeDiff(hashTree(join(copy.dir, 'dist-rebuild')), hashTree(join(copy.dir, 'dist-verify')));
            log(
              `    rebuild output ${diff.length ? `DIFFERS in ${diff.length} file(s): ${diff.slice(0, 5).join(', ')}` : 'is byte-identical'}`,
            );
          }
        }
        const run: BuildRun = {
          stories: n,
          reports,
          totalStories: n + own,
          charts,
          htmlPages: pages,
          ok: r.ok,
          wallS: r.wallS,
          astroPagesS: astroBuiltIn(r.output),
          peakRssMB: Math.max(...colds.map((b) => b.peakRssMB ?? 0)) || null,
          // The largest of the cold builds: memory is a limit, not a typical value.
          peakTreeRssMB: Math.max(...colds.map((b) => b.peakTreeRssMB)),
          msPerChart: charts ? (r.wallS * 1000) / charts : null,
          routes: routeTimes(r.output),
          msPerPage: pages ? (r.wallS * 1000) / pages : Number.NaN,
          phases: buildPhases(r.lines),
          peakDuring: `${r.peakAtS.toFixed(0)} s: ${r.peakDuring}`,
          reference: ref
            ? {
                ok: ref.ok,
                wallS: ref.wallS,
                cpuS: ref.cpuS,
                peakTreeRssMB: ref.peakTreeRssMB,
                phases: buildPhases(ref.lines),
                ...(rounds > 1 ? { wallRunsS: refs.map((b) => b.wallS) } : {}),
                ...(ref.ok ? {} : { error: failure(ref.output) }),
              }
            : { ok: false, wallS: Number.NaN, cpuS: null, peakTreeRssMB: 0, phases: {}, error: 'not built' },
          ratio: r.ok && ref?.ok ? r.wallS / ref.wallS : null,
          cpuS: r.cpuS,
          cpuRatio: r.ok && ref?.ok && r.cpuS && ref.cpuS ? r.cpuS / ref.cpuS : null,
          ...(rounds > 1 ? { wallRunsS: colds.map((b) => b.wallS), rebuildRunsS: rebuilds.map((b) => b.wallS) } : {}),
          rebuildCpuS: rebuild?.ok ? rebuild.cpuS : null,
          rebuildOneStoryS: rebuild?.ok ? rebuild.wallS : null,
          rebuildPhases: rebuild ? buildPhases(rebuild.lines) : undefined,
          coldAfterChangeS: verify?.ok ? verify.wallS : null,
          rebuildIdentical: diff ? diff.length === 0 : null,
          ...(diff?.length ? { rebuildDiff: diff.slice(0, 50) } : {}),
        };
        if (!r.ok) run.error = failure(r.output);
        runs.push(run);
      } finally {
        if (keep) log(`  kept ${copy.dir}${reference ? ` and ${reference.dir}` : ''}`);
        else {
          trash.setAside(copy.dir);
          if (reference) trash.setAside(reference.dir);
        }
      }
    }
  } finally {
    trash.empty();
  }
  const good = runs.filter((r) => r.ok);
  const exponent = good.length >= 2 ? growthExponent(good.map((r) => ({ x: r.stories, y: r.wallS }))) : null;
  return {
    kinds,
    chartsIncluded,
    chartsNote: chartsIncluded ? support.note : support.note || 'charts omitted',
    runs,
    exponent,
  };
}
