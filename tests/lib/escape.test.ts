import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml } from '../../src/lib/escape.ts';

describe('escapeHtml', () => {
  it('turns markup into text that is safe in content and in quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>Q&A</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Q&amp;A&lt;/a&gt;',
    );
  });

  it('writes numbers as text and null or undefined as nothing', () => {
    expect(escapeHtml(18)).toBe('18');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(undefined)).toBe('');
  });

  it('is the only escaper in src/ and scripts/ (one rule, one home)', () => {
    const files = ['src', 'scripts'].flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.(ts|mjs|astro)$/.test(f))
        .map((f) => join(dir, f)),
    );
    const others = files.filter(
      (f) => f !== join('src', 'lib', 'escape.ts') && /['"]&amp;['"]/.test(readFileSync(f, 'utf8')),
    );
    expect(others).toEqual([]);
  });
});
