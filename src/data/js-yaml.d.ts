// The part of js-yaml (Astro's own frontmatter parser, a dependency of astro) that src/data/frontmatter.ts uses;
// the package ships no types.
declare module 'js-yaml' {
  export class YAMLException extends Error {
    reason: string;
    mark?: { line: number; column: number };
  }
  export function load(text: string): unknown;
}
