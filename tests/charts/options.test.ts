import { describe, expect, it } from 'vitest';
import { chartKinds, kindProblem, optionProblems, renderKind } from '../../src/charts/index.ts';
import { nearest } from '../../src/charts/options.ts';
import { techFirms } from './fixtures.ts';
import { chartOptionRows } from '../../src/pages/guide/_components/fields.ts';

describe('chart options', () => {
  it('every kind declares a strict option schema with width and a minimum of rows', () => {
    for (const [name, kind] of Object.entries(chartKinds)) {
      expect(kind.name).toBe(name);
      expect(Object.keys(kind.options.shape)).toContain('width');
      expect(kind.accepts.minRows).toBeGreaterThanOrEqual(1);
    }
  });

  it('refuses a misspelt option and suggests the declared one', () => {
    const [problem, ...rest] = optionProblems('bar', { sotr: 'desc' });
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ attribute: 'sotr', message: 'sotr="…" is not an option of kind="bar"' });
    expect(problem!.fix).toBe('did you mean sort="…"?');
  });

  it('refuses an option another kind takes, listing what this kind takes', () => {
    const [problem] = optionProblems('timeline', { layout: 'rural-demo-loop' });
    expect(problem!.message).toBe('layout="…" is not an option of kind="timeline"');
    expect(problem!.fix).toMatch(/^remove it; kind="timeline" takes: width/);
  });

  it('refuses a value the option cannot take, naming the option', () => {
    expect(optionProblems('bar', { sort: 'up' })[0]!.attribute).toBe('sort');
    expect(optionProblems('waffle', { columns: 'twenty' })[0]).toMatchObject({ attribute: 'columns' });
    expect(optionProblems('bar', { width: '100' })[0]!.message).toContain('at least 240');
    expect(optionProblems('bar', { toggle: 'percent' })[0]!.attribute).toBe('toggle');
  });

  it('accepts declared options written as MDX strings', () => {
    expect(optionProblems('bar', { sort: 'desc', maxBars: '5', width: '480', toggle: 'share' })).toEqual([]);
    expect(optionProblems('loop', { layout: 'rural-demo-loop' })).toEqual([]);
  });

  it('names the nearest kind for a misspelt kind', () => {
    expect(kindProblem('bar')).toBeUndefined();
    expect(kindProblem('colum')!.fix).toMatch(/^use one of: bar, column, .*\(did you mean kind="column"\?\)$/);
    expect(kindProblem('pie')!.fix).not.toContain('did you mean');
    expect(nearest('waffel', ['waffle', 'bar'])).toBe('waffle');
  });

  it('throws from a direct call with a misspelt option instead of ignoring it', () => {
    expect(() => renderKind('bar', techFirms, { id: 'x', title: 't', maxbar: '3' })).toThrow(
      /maxbar="…" is not an option of kind="bar" — did you mean maxBars="…"\?/,
    );
  });

  it('the guide’s option table is read from the schemas: every option, the kinds that take it, its default', () => {
    const rows = new Map(chartOptionRows().map((r) => [r.name, r]));
    const declared = new Set(Object.values(chartKinds).flatMap((k) => Object.keys(k.options.shape)));
    declared.delete('id');
    declared.delete('title');
    expect(new Set(rows.keys())).toEqual(declared);
    expect(rows.get('width')!.en).toContain('(every kind)');
    expect(rows.get('width')!.required).toContain('320');
    expect(rows.get('layout')!.en).toContain('(loop)');
    expect(rows.get('sort')!.type).toBe('"none" | "desc" | "asc"');
  });
});
