/**
 * The content check's memo (src/data/check-memo.ts): a build after one story changed takes the other verdicts from
 * the last run. What an editor must never see: a mistake hidden because an earlier run passed. So every case here
 * checks the same content with and without the memo and expects the same report, and that a changed input (the
 * story itself, a dataset it uses, the report, the check's code) makes the check run again. The corpus is the
 * fictional project of tests/fixtures/content-errors/base/ (one story), with a second story added.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkContent, diskFiles, overlayFiles, type ContentFiles } from '../../src/data/check-content.ts';
import { diskMemo, type CheckMemo } from '../../src/data/check-memo.ts';
import { problemLine } from '../../src/data/diagnostics.ts';

const baseDir = 'tests/fixtures/content-errors/base';
const STORY = 'content/stories/harbour.mdx';
const DATA = 'content/data/harbour-projects.json';
const REPORT = 'content/reports/fiction-2020-01/report.json';
const base = diskFiles(baseDir);
/** Two stories: the base one, and a copy with its own chart ids. */
const SECOND = 'content/stories/harbour-again.mdx';
const twoStories = overlayFiles(base, {
  [SECOND]: base
    .read(STORY)!
    .replaceAll('harbour-status', 'again-status')
    .replaceAll('harbour-progress', 'again-progress'),
});
const with_ = (files: Record<string, string | null>) => overlayFiles(twoStories, files);
const edit = (file: string, from: string, to: string) => {
  const text = twoStories.read(file)!;
  if (!text.includes(from)) throw new Error(`${from} is not in ${file}`);
  return { [file]: text.replace(from, to) };
};

/** A memo held in memory, counting what it gave and what it was given. */
function mapMemo(code = 'code-1', entries = new Map<string, unknown>()) {
  const memo = {
    code,
    entries,
    hits: 0,
    stored: 0,
    get(key: string): unknown {
      if (entries.has(key)) memo.hits += 1;
      return entries.get(key);
    },
    set(key: string, value: unknown): void {
      memo.stored += 1;
      entries.set(key, value);
    },
  };
  return memo satisfies CheckMemo;
}

/** What a reader of the check's result depends on: its messages, counts, datasets and stories. */
const outcome = (files: ContentFiles, memo?: CheckMemo) => {
  const r = checkContent(files, memo);
  return { problems: r.problems.map(problemLine), counts: r.counts, datasets: r.datasets, stories: r.stories };
};

describe('the content check with the verdicts of an earlier run', () => {
  it('takes every verdict from the memo when nothing changed, and reports exactly the same', () => {
    const memo = mapMemo();
    const first = outcome(twoStories, memo);
    expect(first.problems).toEqual([]);
    expect(memo.hits).toBe(0);
    // One verdict for the datasets, one per story.
    expect(memo.stored).toBe(3);
    const again = mapMemo('code-1', memo.entries);
    expect(outcome(twoStories, again)).toEqual(first);
    expect(again.hits).toBe(3);
    expect(again.stored).toBe(0);
  });

  it('checks a changed story again and reports its mistake, taking the other story from the memo', () => {
    const memo = mapMemo();
    outcome(twoStories, memo);
    const broken = with_(
      edit(SECOND, 'dataset="harbour-projects" kind="progress"', 'dataset="harbour-project" kind="progress"'),
    );
    const after = mapMemo('code-1', memo.entries);
    const withMemo = outcome(broken, after);
    expect(withMemo).toEqual(outcome(broken));
    expect(withMemo.problems).toHaveLength(1);
    expect(withMemo.problems[0]).toContain(SECOND);
    // The datasets and the unchanged story came from the memo; the broken story was checked, and not stored.
    expect(after.hits).toBe(2);
    expect(after.stored).toBe(0);
  });

  it('checks every story again when a dataset they use changed, and reports what broke', () => {
    const memo = mapMemo();
    outcome(twoStories, memo);
    // The row both stories' progress charts name is renamed.
    const renamed = with_(edit(DATA, '"id": "in-use"', '"id": "in-service"'));
    const after = mapMemo('code-1', memo.entries);
    const withMemo = outcome(renamed, after);
    expect(withMemo).toEqual(outcome(renamed));
    expect(withMemo.problems.some((p) => p.startsWith(STORY))).toBe(true);
    expect(withMemo.problems.some((p) => p.startsWith(SECOND))).toBe(true);
    expect(after.hits).toBe(0);
  });

  it('checks everything again when the report changed, or when the check is other code', () => {
    const memo = mapMemo();
    outcome(twoStories, memo);
    const reworded = with_(edit(REPORT, '码头项目共计12个', '码头项目共计13个'));
    const afterReport = mapMemo('code-1', memo.entries);
    const withMemo = outcome(reworded, afterReport);
    expect(withMemo).toEqual(outcome(reworded));
    expect(withMemo.problems.length).toBeGreaterThan(0);
    expect(afterReport.hits).toBe(0);
    const otherCode = mapMemo('code-2', memo.entries);
    outcome(twoStories, otherCode);
    expect(otherCode.hits).toBe(0);
  });

  it('never stores a verdict with a problem: the mistake is reported on every run', () => {
    const broken = with_(edit(STORY, 'rows="in-use,total"', 'rows="in-use,totl"'));
    const memo = mapMemo();
    const first = outcome(broken, memo);
    expect(first.problems).toHaveLength(1);
    // The datasets and the other story are stored; the broken story is not.
    expect(memo.stored).toBe(2);
    expect(outcome(broken, mapMemo('code-1', memo.entries))).toEqual(first);
  });
});

describe('the memo on disk', () => {
  const root = mkdtempSync(join(tmpdir(), 'shushuo-memo-'));
  cpSync(baseDir, root, { recursive: true });
  writeFileSync(join(root, SECOND), twoStories.read(SECOND)!);
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const file = join(root, 'node_modules/.cache/shushuo/check.json');
  const checkOnDisk = (code = 'disk-code') => {
    const memo = diskMemo(root, code);
    const result = outcome(diskFiles(root), memo);
    memo.save();
    return { result, hits: memo.hits };
  };

  it('is written under node_modules/.cache/shushuo/, read by the next run, and gives the same report', () => {
    const first = checkOnDisk();
    expect(first.hits).toBe(0);
    expect(existsSync(file)).toBe(true);
    const second = checkOnDisk();
    expect(second.hits).toBe(3);
    expect(second.result).toEqual(first.result);
  });

  it('keeps only the verdicts of the last run', () => {
    const entries = () => Object.keys(JSON.parse(readFileSync(file, 'utf8')).entries).length;
    checkOnDisk();
    expect(entries()).toBe(3);
    rmSync(join(root, SECOND));
    try {
      checkOnDisk();
      // The list of stories changed, so the datasets' verdict is a new one; the removed story's is gone.
      expect(entries()).toBe(2);
    } finally {
      writeFileSync(join(root, SECOND), twoStories.read(SECOND)!);
    }
  });

  it('ignores a damaged file or one written by other code, and checks everything', () => {
    checkOnDisk();
    expect(checkOnDisk('other-code').hits).toBe(0);
    writeFileSync(file, '{"version": 1, "code": "disk-code", "entries": ');
    const damaged = checkOnDisk();
    expect(damaged.hits).toBe(0);
    expect(damaged.result.problems).toEqual([]);
    expect(checkOnDisk().hits).toBe(3);
  });
});
