/**
 * Where a build's wall time goes, read from its output with the time each line arrived: Astro's own log lines
 * (content sync, bundling, one "├─ /route/… (+Xms)" line per generated file) and the step lines that
 * scripts/build.mjs and the site's build integration print ("[build-step] <name> <seconds> s").
 */
import { stripVTControlCharacters } from 'node:util';

/** One line of build output and when it arrived, in seconds since the build started. */
export interface TimedLine {
  t: number;
  text: string;
}

/** Wall-clock seconds per phase. */
export type Phases = Record<string, number>;

/** The route phases the bench names (first path segment → phase name); other routes are summed as "other pages". */
export const ROUTE_PHASES: Record<string, string> = {
  stories: 'story pages',
  // Withdrawn charts' embed pages only: live charts' are written from their story pages
  // ("[build-step] embed pages and SVGs").
  embed: 'embed pages (route)',
  og: 'share images (route)',
  charts: 'standalone SVGs (route)',
};

/** Splits streamed chunks into lines, stamping each complete line with the time its last chunk arrived. */
export function lineStamper(start: bigint) {
  const lines: TimedLine[] = [];
  let pending = '';
  const seconds = () => Number(process.hrtime.bigint() - start) / 1e9;
  return {
    lines,
    push(chunk: string) {
      pending += chunk;
      const parts = pending.split('\n');
      pending = parts.pop()!;
      const t = seconds();
      for (const text of parts) lines.push({ t, text: stripVTControlCharacters(text) });
    },
    end() {
      if (pending) lines.push({ t: seconds(), text: stripVTControlCharacters(pending) });
      pending = '';
    },
  };
}

const firstIndex = (lines: TimedLine[], re: RegExp) => lines.findIndex((l) => re.test(l.text));

/** Reads the phases of one build from its timed output lines. */
export function buildPhases(lines: TimedLine[]): Phases {
  const phases: Phases = {};
  const at = (re: RegExp) => {
    const i = firstIndex(lines, re);
    return i < 0 ? undefined : lines[i]!.t;
  };
  const synced = at(/\[content\] Synced content/);
  if (synced !== undefined) phases['setup and content sync'] = synced;
  const bundleStart = at(/Building static entrypoints/);
  const generateStart = at(/generating static routes/);
  if (bundleStart !== undefined && generateStart !== undefined) phases['bundling'] = generateStart - bundleStart;

  // Each gap between two file lines is charged to the route of the file that just finished: four files render at
  // a time, so this shares the wall clock among routes instead of summing overlapping render times.
  let previous = generateStart ?? 0;
  for (const line of lines) {
    const m = /[├└]─ \/([^\s/]*)(\/?)\S*/.exec(line.text);
    if (!m) continue;
    const segment = m[2] ? m[1]! : m[1]!.replace(/\.[a-z]+$/, '') || 'index';
    const name = ROUTE_PHASES[segment] ?? 'other pages';
    phases[name] = (phases[name] ?? 0) + (line.t - previous);
    previous = line.t;
  }

  for (const line of lines) {
    const m = /^\[build-step\] (.+?) ([\d.]+) s\b/.exec(line.text.trim());
    if (m) phases[m[1]!] = (phases[m[1]!] ?? 0) + Number(m[2]);
  }
  return phases;
}
