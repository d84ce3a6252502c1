import { afterEach, describe, expect, it, vi } from 'vitest';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expectSnapshot, normalise } from './snapshot.ts';

const name = 'snapshot-helper-missing';
const file = fileURLToPath(new URL(`./__snapshots__/${name}.svg`, import.meta.url));

afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(file, { force: true });
});

describe('SVG snapshots', () => {
  it('fail under CI when the snapshot is missing, and write nothing', () => {
    vi.stubEnv('CI', 'true');
    expect(() => expectSnapshot(name, '<svg></svg>')).toThrow(/missing under CI/);
    expect(existsSync(file)).toBe(false);
  });

  it('record a missing snapshot outside CI, then compare against it', () => {
    vi.stubEnv('CI', '');
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expectSnapshot(name, '<svg><g></g></svg>');
    expect(existsSync(file)).toBe(true);
    expect(() => expectSnapshot(name, '<svg><g></g></svg>')).not.toThrow();
    expect(() => expectSnapshot(name, '<svg><rect/></svg>')).toThrow(/changed/);
    rmSync(file.replace(/\.svg$/, '-changed.svg'), { force: true });
  });

  it('round long decimals and put one element on each line', () => {
    expect(normalise('<svg><path d="M1.23456,2.5"/></svg>')).toBe('<svg>\n<path d="M1.23,2.5"/>\n</svg>\n');
  });
});
