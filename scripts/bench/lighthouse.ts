/** Lighthouse (CLI, mobile preset with its default simulated throttling) against the local server; median of N runs. */
import { chromiumFlags } from '../../tests/helpers/browser.ts';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median } from './stats.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export interface LighthouseRun {
  scores: Record<string, number | null>;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  totalBytes: number | null;
  /** Audits that did not score 1 (id: title), to say what blocks a 100. */
  failing: string[];
  error?: string;
}

export interface LighthouseResult extends Omit<LighthouseRun, 'error' | 'failing'> {
  url: string;
  runs: LighthouseRun[];
  /** Failing audits of every run, with how many runs they failed in. */
  failing: Record<string, number>;
}

/** One Lighthouse run in its own process and Chrome profile. */
export async function lighthouseOnce(
  url: string,
  chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
): Promise<LighthouseRun> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-lh-'));
  const out = join(dir, 'report.json');
  const bin = resolve('node_modules/.bin/lighthouse');
  // Asynchronous on purpose: the static server answering Lighthouse runs in this process.
  const run: { status: number | null; stderr: string } = { status: 0, stderr: '' };
  await promisify(execFile)(
    bin,
    [
      url,
      `--chrome-path=${chromePath}`,
      `--chrome-flags=${chromiumFlags.join(' ')}`,
      `--only-categories=${CATEGORIES.join(',')}`,
      '--output=json',
      `--output-path=${out}`,
      '--quiet',
    ],
    { encoding: 'utf8', timeout: 240_000, maxBuffer: 64 * 1024 * 1024 },
  ).catch((error: { code?: number; stderr?: string; message: string }) => {
    run.status = typeof error.code === 'number' ? error.code : 1;
    run.stderr = error.stderr || error.message;
  });
  try {
    const lhr = JSON.parse(readFileSync(out, 'utf8'));
    const num = (id: string) =>
      typeof lhr.audits?.[id]?.numericValue === 'number' ? lhr.audits[id].numericValue : null;
    const scores: Record<string, number | null> = {};
    const failing: string[] = [];
    for (const c of CATEGORIES) {
      const cat = lhr.categories?.[c];
      scores[c] = typeof cat?.score === 'number' ? Math.round(cat.score * 100) : null;
      for (const ref of cat?.auditRefs ?? []) {
        const audit = lhr.audits?.[ref.id];
        if (ref.weight > 0 && audit && typeof audit.score === 'number' && audit.score < 1)
          failing.push(`${c}/${ref.id}: ${audit.title}`);
      }
    }
    return {
      scores,
      lcpMs: num('largest-contentful-paint'),
      tbtMs: num('total-blocking-time'),
      cls: num('cumulative-layout-shift'),
      totalBytes: num('total-byte-weight'),
      failing,
      error: lhr.runtimeError?.message,
    };
  } catch (error) {
    return {
      scores: {},
      lcpMs: null,
      tbtMs: null,
      cls: null,
      totalBytes: null,
      failing: [],
      error: `lighthouse failed (status ${run.status}): ${(run.stderr || String(error)).slice(-800)}`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs Lighthouse `runs` times on a URL and takes the median of each figure separately. */
export async function lighthouseMedian(
  url: string,
  runs: number,
  log: (s: string) => void = () => {},
): Promise<LighthouseResult> {
  const all: LighthouseRun[] = [];
  for (let i = 0; i < runs; i++) {
    const started = Date.now();
    const r = await lighthouseOnce(url);
    all.push(r);
    log(
      `  lighthouse ${url} run ${i + 1}/${runs}: ${CATEGORIES.map((c) => r.scores[c] ?? '–').join('/')} (${((Date.now() - started) / 1000).toFixed(0)} s)${r.error ? ` ERROR ${r.error}` : ''}`,
    );
  }
  const m = (pick: (r: LighthouseRun) => number | null) => {
    const v = median(all.map(pick));
    return Number.isNaN(v) ? null : v;
  };
  const scores: Record<string, number | null> = {};
  for (const c of CATEGORIES) scores[c] = m((r) => r.scores[c] ?? null);
  const failing: Record<string, number> = {};
  for (const r of all) for (const f of r.failing) failing[f] = (failing[f] ?? 0) + 1;
  return {
    url,
    scores,
    lcpMs: m((r) => r.lcpMs),
    tbtMs: m((r) => r.tbtMs),
    cls: m((r) => r.cls),
    totalBytes: m((r) => r.totalBytes),
    failing,
    runs: all,
  };
}
