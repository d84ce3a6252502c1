/**
 * Build cost as content grows: synthetic stories in a temporary copy of the project (tests/helpers/build.ts
 * projectCopy()), then the production build (scripts/build.mjs: astro build + pagefind) under /usr/bin/time -v,
 * while /proc is polled for the whole process tree's resident memory.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { buildEnv, projectCopy } from '../../tests/helpers/build.ts';
import { htmlFiles } from './weight.ts';
import { growthExponent } from './stats.ts';
import {
  COUNT_ROWS,
  BENCH_REPORT,
  PART_ROWS,
  borrowedFamilies,
  checkedRows,
  kindsFor,
  storyId,
  syntheticDataset,
  syntheticStory,
  type DataRow,
  type Family,
  type TextBlock,
} from './synthetic.ts';

export interface BuildRun {
  stories: number;
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
  const report = JSON.parse(readFileSync(join(root, `content/reports/${BENCH_REPORT}/report.json`), 'utf8'));
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

/** Writes n synthetic stories and their datasets into a project folder; returns the number of charts written. */
export function writeSynthetic(root: string, n: number, kinds: string[]): number {
  const blocks = reportBlocks(root);
  const text: TextBlock[] = ['feature-p16', 'feature-p17', 'feature-p18']
    .filter((id) => blocks.has(id))
    .map((id) => ({ id, text: blocks.get(id)!.text }));
  if (!text.length) throw new Error('report.json lacks feature-p16..p18; update scripts/bench/scale.ts');
  const families = benchFamilies(root);
  const dataDir = join(root, 'content/data');
  if (kinds.length && families.count!.length < 2)
    throw new Error('the synthetic rows no longer quote report.json; update scripts/bench/synthetic.ts');
  mkdirSync(dataDir, { recursive: true });
  let charts = 0;
  for (let i = 1; i <= n; i++) {
    const ks = kindsFor(i, kinds);
    charts += ks.length;
    writeFileSync(join(root, 'content/stories', `${storyId(i)}.mdx`), syntheticStory(i, text, ks, 1000 + i, families));
    if (ks.length)
      writeFileSync(join(dataDir, `${storyId(i)}.json`), `${JSON.stringify(syntheticDataset(i, families), null, 2)}\n`);
  }
  return charts;
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

/** Runs `node scripts/build.mjs` in root under /usr/bin/time -v; returns wall time, memory and output. */
export function timedBuild(
  root: string,
  outDir: string,
): Promise<{ ok: boolean; wallS: number; peakRssMB: number | null; peakTreeRssMB: number; output: string }> {
  return new Promise((resolveRun) => {
    const started = process.hrtime.bigint();
    const useTime = existsSync('/usr/bin/time');
    const [cmd, args] = useTime
      ? ['/usr/bin/time', ['-v', 'node', 'scripts/build.mjs']]
      : ['node', ['scripts/build.mjs']];
    const child = spawn(cmd, args as string[], {
      cwd: root,
      env: buildEnv({ OUT_DIR: outDir }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let peakTree = 0;
    const poll = setInterval(() => {
      if (child.pid) peakTree = Math.max(peakTree, treeRssKB(child.pid));
    }, 200);
    child.on('close', (code) => {
      clearInterval(poll);
      const wallS = Number(process.hrtime.bigint() - started) / 1e9;
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(output);
      resolveRun({
        ok: code === 0,
        wallS,
        peakRssMB: rss ? Number(rss[1]) / 1024 : null,
        peakTreeRssMB: peakTree / 1024,
        output,
      });
    });
  });
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

/** Builds each size in a fresh project copy and fits the growth exponent of wall time against stories. */
export async function runScale(sizes: number[], log: (s: string) => void, keep = false): Promise<ScaleResult> {
  const support = chartSupport(process.cwd());
  const kinds = support.ok ? await chartKindNames(process.cwd()) : [];
  const chartsIncluded = support.ok && kinds.length > 0;
  log(`  ${chartsIncluded ? `charts included, kinds: ${kinds.join(', ')}` : support.note}`);
  const runs: BuildRun[] = [];
  for (const n of sizes) {
    const copy = projectCopy();
    try {
      const own = readdirSync(join(copy.dir, 'content/stories')).filter((f) => f.endsWith('.mdx')).length;
      if (chartsIncluded && support.patch) passChart(copy.dir);
      const charts = writeSynthetic(copy.dir, n, chartsIncluded ? kinds : []);
      log(`  building ${n} synthetic stories (+${own} real), ${charts} charts, in ${copy.dir} ...`);
      const outDir = join(copy.dir, 'dist');
      const r = await timedBuild(copy.dir, outDir);
      const pages = existsSync(outDir) ? htmlFiles(outDir).length : 0;
      const run: BuildRun = {
        stories: n,
        totalStories: n + own,
        charts,
        htmlPages: pages,
        ok: r.ok,
        wallS: r.wallS,
        astroPagesS: astroBuiltIn(r.output),
        peakRssMB: r.peakRssMB,
        peakTreeRssMB: r.peakTreeRssMB,
        msPerChart: charts ? (r.wallS * 1000) / charts : null,
        routes: routeTimes(r.output),
        msPerPage: pages ? (r.wallS * 1000) / pages : Number.NaN,
      };
      if (!r.ok)
        run.error = r.output
          .split('\n')
          .filter(
            (l) =>
              !/^\s+(Command being timed|User time|System time|Percent|Elapsed|Average|Maximum|Major|Minor|Voluntary|Involuntary|Swaps|File system|Socket|Signals|Page size|Exit status)/.test(
                l,
              ),
          )
          .slice(-25)
          .join('\n');
      runs.push(run);
      log(
        `  ${n} stories: ${r.ok ? 'ok' : 'FAILED'} in ${r.wallS.toFixed(1)} s, ${pages} pages, peak ${Math.round(Math.max(r.peakRssMB ?? 0, r.peakTreeRssMB))} MB`,
      );
      if (!r.ok) log(run.error!);
    } finally {
      if (keep) log(`  kept ${copy.dir}`);
      else copy.remove();
    }
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
