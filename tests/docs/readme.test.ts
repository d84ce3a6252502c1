// The README is the developer's map: every command, path and CSS variable it names must exist.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const readme = readFileSync('README.md', 'utf8');
const scripts = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>);

/** Every custom property declared in the site's stylesheets and components. */
function declaredProperties(): Set<string> {
  const files = ['src/styles', 'src/components', 'src/layouts'].flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(css|astro)$/.test(f))
      .map((f) => join(dir, f)),
  );
  return new Set(files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/(--[a-z0-9-]+)\s*:/g)].map((m) => m[1]!)));
}

describe('README.md', () => {
  it('names only npm scripts that package.json defines', () => {
    const named = [...readme.matchAll(/npm run ([a-z][\w-]*(?::[\w-]+)*)/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((name) => !scripts.includes(name))).toEqual([]);
  });

  it('names only files and folders that exist', () => {
    const paths = [
      ...readme.matchAll(/`((?:src|content|scripts|tests|public|\.ci)\/[\w./@[\]-]*)`/g),
      ...readme.matchAll(/^((?:src|content|scripts|tests|public)\/[\w./@[\]-]*)/gm),
    ].map((m) => m[1]!.replace(/\/\*.*$/, '').replace(/\/$/, ''));
    expect(paths.length).toBeGreaterThan(10);
    // Folders an editor or a command creates (drafts, a report of one's own) are named with <placeholders>.
    expect(paths.filter((p) => !p.includes('<') && !existsSync(p))).toEqual([]);
  });

  it('names only CSS custom properties the stylesheets declare', () => {
    const declared = declaredProperties();
    // The paragraphs about custom properties (elsewhere `--x` is a command-line option).
    const about = readme.split(/\n(?=\s*\n|- )/).filter((p) => /custom propert/i.test(p));
    const named = about.flatMap((p) => [...p.matchAll(/`(--[a-z0-9-]+)`/g)].map((m) => m[1]!));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((name) => !declared.has(name))).toEqual([]);
  });
});
