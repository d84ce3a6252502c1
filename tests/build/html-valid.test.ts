// The Nu HTML checker (vnu-jar, Java 17) on every built page: 0 errors.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkHtml } from '../helpers/vnu.ts';
import { builtPages } from '../helpers/pages.ts';

describe('valid HTML (Nu checker)', () => {
  it('every page in dist/ has 0 errors', () => {
    expect(builtPages('dist').length).toBeGreaterThan(5);
    const { errors } = checkHtml('dist');
    expect(errors.map((e) => e.text).join('\n'), `${errors.length} HTML errors`).toBe('');
  }, 120_000);

  it('reports an error with its file and line (the checker can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shushuo-vnu-'));
    try {
      writeFileSync(
        join(dir, 'bad.html'),
        '<!doctype html>\n<html lang="zh-CN"><head><title>x</title></head>\n<body><p><div>块</div></p><img src="a.png"></body></html>\n',
      );
      const { errors } = checkHtml(dir);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((e) => e.file === 'bad.html')).toBe(true);
      expect(errors.map((e) => e.message).join('\n')).toMatch(/alt/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
