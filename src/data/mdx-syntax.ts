/**
 * MDX syntax, checked with the parser the build itself uses (Sätteri, behind @astrojs/mdx), so that an article the
 * check passes also compiles: an unclosed tag or a stray { is reported at its line with a fix in plain words.
 */
import { mdxToMdast } from 'satteri';

export interface MdxSyntaxProblem {
  line: number;
  column: number;
  message: string;
  fix: string;
}

/**
 * Parses an article's text (its frontmatter blanked out, so lines stay those of the file); returns the first
 * syntax error, if any (the parser stops there).
 */
export function mdxSyntaxProblem(text: string, bodyStart: number): MdxSyntaxProblem | undefined {
  const source = text.slice(0, bodyStart).replace(/[^\n]/g, ' ') + text.slice(bodyStart);
  try {
    mdxToMdast(source);
    return undefined;
  } catch (error) {
    const raw = (error as Error).message;
    const m = /^(\d+):(\d+): (.*?)(?: \([\w:-]+\))?$/s.exec(raw);
    if (!m) return { line: 1, column: 1, message: raw, fix: 'see the MDX rules in the guide' };
    const what = m[3]!.replace(/ \(\d+:\d+\)/, '').replace(/ \(note: .*$/s, '');
    return {
      line: Number(m[1]),
      column: Number(m[2]),
      message: `the text cannot be read as MDX: ${what}`,
      fix: fixFor(what),
    };
  }
}

function fixFor(message: string): string {
  if (/closing brace for `\{`/.test(message))
    return 'a { in the text starts an expression: close it with }, or write \\{ for a brace';
  const tag = /closing tag for `<(\w+)>`/.exec(message);
  if (tag) return `end the tag with /> or close it with </${tag[1]}>`;
  if (/after `<`/.test(message)) return 'a < starts a tag: finish it (<Src p="…" />), or write \\< for the character';
  return 'components are written <Name attribute="value" />; a literal { or < is written \\{ or \\<';
}
