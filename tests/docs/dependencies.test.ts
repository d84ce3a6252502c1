// Every runtime dependency in package.json is used by the site: nothing is installed for code that was removed.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
const sources = [
  'astro.config.mjs',
  ...readdirSync('src', { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|mjs|astro)$/.test(f))
    .map((f) => join('src', f)),
].map((f) => readFileSync(f, 'utf8'));

/** True if some source file imports the package (or a subpath of it). */
function imported(name: string): boolean {
  const pattern = new RegExp(`from ['"]${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?:/[^'"]*)?['"]`);
  return sources.some((text) => pattern.test(text));
}

describe('package.json dependencies', () => {
  it('are each imported by the site, or (icon sets) named by an icon', () => {
    const unused = Object.keys(pkg.dependencies).filter((name) => {
      const iconSet = /^@iconify-json\/(.+)$/.exec(name)?.[1];
      if (iconSet) return !sources.some((text) => text.includes(`${iconSet}:`));
      return !imported(name);
    });
    expect(unused).toEqual([]);
  });
});
