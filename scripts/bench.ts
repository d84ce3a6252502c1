#!/usr/bin/env node
/**
 * npm run bench — page weight against the floor, Lighthouse, chart rendering and build cost as content grows.
 *
 *   npm run bench                       everything: every page of dist/, Lighthouse ×3, builds of 100/1000/3000 stories
 *   npm run bench -- --quick            development: Lighthouse once on home + one story, builds of 10 and 30 stories
 *   npm run bench -- --sizes 10,30      build sizes (synthetic stories, 5 charts each)
 *   npm run bench -- --only weight,lighthouse,render,scale    (or --skip …) choose parts
 *   npm run bench -- --runs 3 --dist dist --out .bench/results.json --keep (keep the temporary project copies)
 *   npm run bench -- --rebuild-sizes 100,1000   measure the one-story rebuild at these sizes only (default: all)
 *   npm run bench -- --repeat 3 --repeat-sizes 1000   at 1,000 stories, build the site, the reference and a rebuild
 *                                       three times each, taking turns: the medians are reported
 *
 * Needs a built dist/ (npm run build) for weight and Lighthouse. Prints a summary; full results go to --out.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { serveDist } from '../tests/helpers/server.ts';
import { extractStory, floorPage } from './bench/floor.ts';
import { CATEGORIES, lighthouseMedian, type LighthouseResult } from './bench/lighthouse.ts';
import { chartRenderCost, type RenderCost } from './bench/render.ts';
import { runScale, type ScaleResult } from './bench/scale.ts';
import { htmlFiles, measurePage, urlFor, type PageWeight } from './bench/weight.ts';

const PARTS = ['weight', 'lighthouse', 'render', 'scale'] as const;
type Part = (typeof PARTS)[number];

interface Options {
  quick: boolean;
  runs: number;
  sizes: number[];
  parts: Set<Part>;
  dist: string;
  out: string;
  keep: boolean;
  /** Sizes at which the rebuild after one story changed is measured (two more builds each); default: all. */
  rebuildSizes: number[];
  /** How many times each build is run at the sizes of repeatSizes (medians reported); default 1. */
  repeat: number;
  repeatSizes: number[];
}

function parseArgs(argv: string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    if (i >= 0) return argv[i + 1];
    return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
  };
  const list = (s: string | undefined) =>
    s
      ? s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
      : undefined;
  const quick = argv.includes('--quick');
  const only = list(value('--only'));
  const skip = list(value('--skip')) ?? [];
  for (const p of [...(only ?? []), ...skip])
    if (!PARTS.includes(p as Part)) throw new Error(`unknown part "${p}"; parts: ${PARTS.join(', ')}`);
  const sizes = (list(value('--sizes')) ?? (quick ? ['10', '30'] : ['100', '1000', '3000'])).map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error('--sizes takes positive integers, e.g. --sizes 10,30');
  const repeat = value('--repeat');
  if (repeat !== undefined && !(Number.isInteger(Number(repeat)) && Number(repeat) >= 1))
    throw new Error('--repeat takes a positive integer, e.g. --repeat 3');
  return {
    quick,
    runs: Number(value('--runs') ?? (quick ? 1 : 3)),
    sizes,
    parts: new Set(PARTS.filter((p) => (only ? only.includes(p) : true) && !skip.includes(p))),
    dist: resolve(value('--dist') ?? 'dist'),
    out: resolve(value('--out') ?? '.bench/results.json'),
    keep: argv.includes('--keep'),
    rebuildSizes: (list(value('--rebuild-sizes')) ?? sizes.map(String)).map(Number),
    repeat: Number(value('--repeat') ?? 1),
    repeatSizes: (list(value('--repeat-sizes')) ?? sizes.map(String)).map(Number),
  };
}

const log = (s: string) => console.error(s);
const git = (...args: string[]) => {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
};

/** The tooltip script of the floor: src/client/chart-frame.ts bundled and minified alone. */
async function tooltipScript(): Promise<{ code: string; from: string }> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [resolve('src/client/chart-frame.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return {
    code: result.outputFiles[0]!.text.trim(),
    from: 'src/client/chart-frame.ts, bundled and minified with esbuild',
  };
}

interface StoryWeight {
  file: string;
  gzip: number;
  floorGzip: number;
  ratio: number;
  jsGzip: number;
  requests: number;
  floorRequests: number;
  svgs: number;
  tables: number;
  hasChartFrame: boolean;
}

async function weightPart(opts: Options) {
  const files = htmlFiles(opts.dist);
  const site = await serveDist(opts.dist);
  const floorDir = resolve('.bench/floor');
  rmSync(floorDir, { recursive: true, force: true });
  const floorServer = await serveDist(floorDir);
  const browser = await launchBrowser();
  const pages: PageWeight[] = [];
  const stories: StoryWeight[] = [];
  let tooltipFrom = 'none (no <chart-frame> on any story page)';
  try {
    log(`page weight: ${files.length} pages from ${opts.dist}`);
    for (const file of files) pages.push(await measurePage(browser, urlFor(site.url, file), file));
    const storyFiles = files.filter((f) => /^stories\/[^/]+\/index\.html$/.test(f));
    let tooltip: { code: string; from: string } | undefined;
    for (const file of storyFiles) {
      const extract = extractStory(readFileSync(join(opts.dist, file), 'utf8'));
      let script = '';
      if (extract.hasChartFrame) {
        tooltip ??= await tooltipScript();
        tooltipFrom = tooltip.from;
        script = tooltip.code;
      }
      const target = join(floorDir, file);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, floorPage(extract, script));
      const floor = await measurePage(browser, urlFor(floorServer.url, file), file);
      const page = pages.find((p) => p.file === file)!;
      stories.push({
        file,
        gzip: page.total.gzip,
        floorGzip: floor.total.gzip,
        ratio: page.total.gzip / floor.total.gzip,
        jsGzip: page.js.gzip,
        requests: page.requests,
        floorRequests: floor.requests,
        svgs: extract.items.filter((i) => i.kind === 'svg').length,
        tables: extract.items.filter((i) => i.kind === 'table').length,
        hasChartFrame: extract.hasChartFrame,
      });
    }
  } finally {
    await browser.close();
    await site.close();
    await floorServer.close();
  }
  return { dist: opts.dist, floorDir, tooltipFrom, pages, stories };
}

async function lighthousePart(opts: Options) {
  const files = htmlFiles(opts.dist);
  const storyFiles = files.filter((f) => /^stories\/[^/]+\/index\.html$/.test(f));
  const targets = ['index.html', ...(opts.quick ? storyFiles.slice(0, 1) : storyFiles)];
  const site = await serveDist(opts.dist);
  const results: (LighthouseResult & { file: string })[] = [];
  try {
    log(`lighthouse: ${targets.length} pages × ${opts.runs} run(s), mobile preset, simulated throttling`);
    for (const file of targets)
      results.push({ file, ...(await lighthouseMedian(urlFor(site.url, file), opts.runs, log)) });
  } finally {
    await site.close();
  }
  return { runs: opts.runs, pages: results };
}

// ---------- summary ----------

const kb = (n: number) => (n / 1024).toFixed(1);
const table = (head: string[], rows: (string | number)[][]) => {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
};

interface Target {
  target: string;
  value: string;
  met: boolean | null;
}

/** Wall times as "25.1, 24.3 and 26.0 s". */
const seconds = (xs: readonly number[]) =>
  `${xs
    .slice(0, -1)
    .map((x) => x.toFixed(1))
    .join(', ')}${xs.length > 1 ? ' and ' : ''}${xs.at(-1)!.toFixed(1)} s`;

/** With --repeat, what the medians were taken of: "; medians of 25.1, 24.3 and 26.0 s against …". */
const medians = (run: ScaleResult['runs'][number]) =>
  run.wallRunsS && run.reference.wallRunsS
    ? `, medians of ${seconds(run.wallRunsS)} against ${seconds(run.reference.wallRunsS)}`
    : '';

function targets(r: Results): Target[] {
  const out: Target[] = [];
  const w = r.weight;
  if (w) {
    const worst = w.stories.reduce((a, s) => Math.max(a, s.ratio), 0);
    out.push({
      target: 'story pages ≤ 1.10× floor (gzip bytes)',
      value: w.stories.length ? `worst ${worst.toFixed(3)}×` : 'no story pages',
      met: w.stories.length ? worst <= 1.1 : null,
    });
    const js = w.stories.reduce((a, s) => Math.max(a, s.jsGzip), 0);
    out.push({
      target: 'all JS on a story page ≤ 3 KB gzip (3,072 B)',
      value: `worst ${js} B`,
      met: w.stories.length ? js <= 3072 : null,
    });
  }
  const lh = r.lighthouse;
  if (lh) {
    const low = lh.pages.flatMap((p) => CATEGORIES.map((c) => ({ c, p: p.file, s: p.scores[c] })));
    const min = Math.min(...low.map((x) => x.s ?? 0));
    const below = low.filter((x) => x.s !== 100).map((x) => `${x.p} ${x.c} ${x.s ?? '–'}`);
    out.push({
      target: `Lighthouse 100 in all four (median of ${lh.runs})`,
      value: below.length ? `lowest ${min}; ${below.length} below 100` : 'all 100',
      met: below.length === 0,
    });
  }
  if (r.render) {
    out.push({
      target: 'chart rendering ≤ 3 ms per chart',
      value: r.render.ok
        ? `worst kind ${r.render.worstMs!.toFixed(2)} ms, mean ${r.render.meanMs!.toFixed(2)} ms`
        : r.render.note,
      met: r.render.ok ? r.render.worstMs! <= 3 : null,
    });
  }
  const s = r.scale;
  if (s) {
    const charts = s.chartsIncluded ? '' : ' (charts omitted)';
    for (const n of [1000, 3000]) {
      const run = s.runs.find((x) => x.stories === n);
      out.push({
        target: `${n.toLocaleString('en')} stories × 5 charts built in ≤ 2.0× the bare Astro reference`,
        value: run
          ? run.ratio !== null
            ? `${run.ratio.toFixed(2)}× (${run.wallS.toFixed(1)} s against ${run.reference.wallS.toFixed(1)} s${medians(run)}; CPU time ${run.cpuRatio?.toFixed(2) ?? '–'}×)${charts}`
            : 'a build failed'
          : 'size not run',
        met: run ? run.ratio !== null && run.ratio <= 2 && s.chartsIncluded : null,
      });
    }
    const at3000 = s.runs.find((x) => x.stories === 3000);
    const peak = Math.max(0, ...s.runs.map((x) => Math.max(x.peakRssMB ?? 0, x.peakTreeRssMB)));
    out.push({
      target: "peak memory of the build's process tree < 2 GB at 3,000 stories",
      value: at3000
        ? `${Math.max(at3000.peakRssMB ?? 0, at3000.peakTreeRssMB).toFixed(0)} MB`
        : `size not run (largest peak ${peak.toFixed(0)} MB)`,
      met: at3000 ? Math.max(at3000.peakRssMB ?? 0, at3000.peakTreeRssMB) < 2048 : null,
    });
    out.push({
      target: 'growth exponent of build time ≤ 1.1',
      value:
        s.exponent === null
          ? 'needs 2 sizes that built'
          : `${s.exponent.toFixed(3)} over ${s.runs
              .filter((x) => x.ok)
              .map((x) => x.stories)
              .join(', ')} stories`,
      met: s.exponent === null ? null : s.exponent <= 1.1,
    });
    const at1000 = s.runs.find((x) => x.stories === 1000);
    // A size left out of --rebuild-sizes has no rebuild at all (no phases), which is not a failed one.
    const rebuilt = at1000 && at1000.rebuildPhases !== undefined ? at1000 : undefined;
    out.push({
      target: 'rebuild after one story changed (1,000 stories) ≤ half the cold build, byte-identical output',
      value: rebuilt
        ? rebuilt.rebuildOneStoryS === null
          ? 'rebuild failed'
          : `${rebuilt.rebuildOneStoryS.toFixed(1)} s = ${(rebuilt.rebuildOneStoryS / rebuilt.wallS).toFixed(2)} of ${rebuilt.wallS.toFixed(1)} s${rebuilt.rebuildRunsS ? ` (medians; rebuilds ${seconds(rebuilt.rebuildRunsS)})` : ''}; output ${rebuilt.rebuildIdentical ? 'identical' : `differs in ${rebuilt.rebuildDiff?.length ?? '?'} file(s)`}`
        : at1000
          ? 'no rebuild run at this size (--rebuild-sizes)'
          : 'size not run',
      met: rebuilt
        ? rebuilt.rebuildOneStoryS !== null &&
          rebuilt.rebuildOneStoryS <= rebuilt.wallS / 2 &&
          rebuilt.rebuildIdentical === true
        : null,
    });
  }
  return out;
}

interface Results {
  date: string;
  commit: string;
  uncommittedChanges: number;
  machine: { cpus: number; memoryGB: number; node: string };
  options: Omit<Options, 'parts'> & { parts: string[] };
  weight?: Awaited<ReturnType<typeof weightPart>>;
  lighthouse?: Awaited<ReturnType<typeof lighthousePart>>;
  render?: RenderCost;
  scale?: ScaleResult;
  targets?: Target[];
}

function summary(r: Results): string {
  const out: string[] = [
    `npm run bench — ${r.date.slice(0, 10)}, commit ${r.commit.slice(0, 7)}${r.uncommittedChanges ? ` (+${r.uncommittedChanges} uncommitted changes)` : ''}, ${r.machine.cpus} cores, Node ${r.machine.node}`,
    '',
  ];
  if (r.weight) {
    out.push('Page weight (KB; gzip -9; "total gz" = gzip(document) + gzip of each subresource; requests with JS on)');
    out.push(
      table(
        [
          'page',
          'HTML',
          'HTML gz',
          'CSS',
          'CSS gz',
          'JS',
          'JS gz',
          'other',
          'other gz',
          'total',
          'total gz',
          'requests',
        ],
        r.weight.pages.map((p) => [
          p.file,
          kb(p.html.raw),
          kb(p.html.gzip),
          kb(p.css.raw),
          kb(p.css.gzip),
          kb(p.js.raw),
          kb(p.js.gzip),
          kb(p.other.raw),
          kb(p.other.gzip),
          kb(p.total.raw),
          kb(p.total.gzip),
          p.requests,
        ]),
      ),
    );
    out.push('', `Story pages against their floor (tooltip script: ${r.weight.tooltipFrom})`);
    out.push(
      table(
        ['story', 'gzip B', 'floor gz B', 'ratio', 'JS gz B', 'requests', 'floor req', 'SVGs', 'tables'],
        r.weight.stories.map((s) => [
          s.file.replace(/\/index\.html$/, ''),
          s.gzip,
          s.floorGzip,
          s.ratio.toFixed(3),
          s.jsGzip,
          s.requests,
          s.floorRequests,
          s.svgs,
          s.tables,
        ]),
      ),
    );
    out.push('');
  }
  if (r.lighthouse) {
    out.push(`Lighthouse (mobile preset, simulated throttling; median of ${r.lighthouse.runs} run(s))`);
    out.push(
      table(
        ['page', 'perf', 'a11y', 'best', 'SEO', 'LCP ms', 'TBT ms', 'CLS', 'bytes'],
        r.lighthouse.pages.map((p) => [
          p.file,
          ...CATEGORIES.map((c) => p.scores[c] ?? '–'),
          p.lcpMs?.toFixed(0) ?? '–',
          p.tbtMs?.toFixed(0) ?? '–',
          p.cls?.toFixed(3) ?? '–',
          p.totalBytes ?? '–',
        ]),
      ),
    );
    const failing = new Map<string, number>();
    for (const p of r.lighthouse.pages)
      for (const f of Object.keys(p.failing)) failing.set(f, (failing.get(f) ?? 0) + 1);
    if (failing.size) out.push('Audits not passed (pages):', ...[...failing].map(([f, n]) => `  ${f} (${n})`));
    out.push('');
  }
  if (r.render) {
    out.push(`Chart rendering (${r.render.iterations} renders per kind after warm-up; ${r.render.note})`);
    if (r.render.ok) {
      out.push(
        table(
          ['kind', 'ms/chart'],
          Object.entries(r.render.perKind).map(([k, v]) => [k, v.toFixed(3)]),
        ),
      );
      out.push(`first (cold) render: ${r.render.firstMs?.toFixed(1)} ms`);
    }
    out.push('');
  }
  if (r.scale) {
    out.push(
      `Build cost (scripts/build.mjs = astro build + pagefind + CSP step, in a fresh project copy; ${r.scale.chartsNote}); reference = bare Astro build of the same stories and charts, same run`,
    );
    out.push(
      table(
        [
          'stories',
          'reports',
          'charts',
          'pages',
          'wall s',
          'reference s',
          'ratio',
          'CPU s',
          'ref CPU s',
          'CPU ratio',
          'rebuild 1 story s',
          'cold again s',
          'identical',
          'peak MB (proc)',
          'peak MB (tree)',
          'ok',
        ],
        r.scale.runs.map((x) => [
          x.stories,
          x.reports,
          x.charts,
          x.htmlPages,
          x.wallS.toFixed(1),
          x.reference.ok ? x.reference.wallS.toFixed(1) : 'failed',
          x.ratio?.toFixed(2) ?? '–',
          x.cpuS?.toFixed(1) ?? '–',
          x.reference.cpuS?.toFixed(1) ?? '–',
          x.cpuRatio?.toFixed(2) ?? '–',
          x.rebuildOneStoryS?.toFixed(1) ?? '–',
          x.coldAfterChangeS?.toFixed(1) ?? '–',
          x.rebuildIdentical === null ? '–' : x.rebuildIdentical ? 'yes' : 'NO',
          x.peakRssMB?.toFixed(0) ?? '–',
          x.peakTreeRssMB.toFixed(0),
          x.ok ? 'yes' : 'NO',
        ]),
      ),
    );
    for (const x of r.scale.runs.filter((run) => run.wallRunsS))
      out.push(
        `at ${x.stories} stories, the median of ${x.wallRunsS!.length} runs each (phases and CPU: the median run's; peaks: the largest): site ${seconds(x.wallRunsS!)}, reference ${x.reference.wallRunsS ? seconds(x.reference.wallRunsS) : '–'}${x.rebuildRunsS?.length ? `, rebuild ${seconds(x.rebuildRunsS)}` : ''}`,
      );
    out.push(`growth exponent (log-log least squares, wall time vs stories): ${r.scale.exponent?.toFixed(3) ?? '–'}`);
    for (const x of r.scale.runs.filter((run) => run.ok)) {
      out.push(`time per phase at ${x.stories} stories (wall seconds; pages share the clock, four at a time):`);
      const names = [
        ...new Set([
          ...Object.keys(x.phases),
          ...Object.keys(x.rebuildPhases ?? {}),
          ...Object.keys(x.reference.phases),
        ]),
      ];
      out.push(
        table(
          ['phase', 'cold build', 'rebuild', 'reference'],
          names.map((p) => [
            p,
            x.phases[p]?.toFixed(1) ?? '–',
            x.rebuildPhases?.[p]?.toFixed(1) ?? '–',
            x.reference.phases[p]?.toFixed(1) ?? '–',
          ]),
        ),
      );
    }
    out.push('');
  }
  if (r.targets?.length) {
    out.push('Targets');
    for (const t of r.targets)
      out.push(`  ${t.met === null ? 'not measured' : t.met ? 'met' : 'NOT met'} — ${t.target}: ${t.value}`);
  }
  return out.join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const results: Results = {
    date: new Date().toISOString(),
    commit: git('rev-parse', 'HEAD'),
    uncommittedChanges: git('status', '--porcelain').split('\n').filter(Boolean).length,
    machine: { cpus: cpus().length, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version },
    options: { ...opts, parts: [...opts.parts] },
  };
  const needsDist = opts.parts.has('weight') || opts.parts.has('lighthouse');
  if (needsDist && !existsSync(join(opts.dist, 'index.html')))
    throw new Error(`${opts.dist}/index.html not found: run npm run build first`);
  if (opts.parts.has('weight')) results.weight = await weightPart(opts);
  if (opts.parts.has('lighthouse')) results.lighthouse = await lighthousePart(opts);
  if (opts.parts.has('render')) {
    log('chart rendering: each kind of src/charts/index.ts');
    results.render = await chartRenderCost(process.cwd());
  }
  if (opts.parts.has('scale')) {
    log(`build cost: sizes ${opts.sizes.join(', ')}`);
    results.scale = await runScale(opts.sizes, log, opts.keep, opts.rebuildSizes, {
      repeat: opts.repeat,
      repeatSizes: opts.repeatSizes,
    });
  }
  results.targets = targets(results);
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(summary(results));
  console.log(`\nfull results: ${opts.out}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
