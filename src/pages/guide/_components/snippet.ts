/**
 * Turns the props an MDX tag received back into the tag as the editor wrote it, so the guide shows the exact call
 * it rendered: one source (the MDX) for both the live example and its code.
 */

/** Quotes one attribute value the way an editor writes it: "…", or '…' when the value holds a double quote. */
function quote(value: string): string {
  return value.includes('"') ? `'${value}'` : `"${value}"`;
}

/** Writes one attribute: name="value" for strings, a bare name for true, name={…} for anything else. */
function attribute(name: string, value: unknown): string {
  if (typeof value === 'string') return `${name}=${quote(value)}`;
  if (value === true) return name;
  return `${name}={${JSON.stringify(value, null, 2).replace(/"(\w+)":/g, '$1:')}}`;
}

/** Returns `<Tag a="1" b="2" />`, or `<Tag …>children</Tag>` when there are children; attributes in the order given. */
export function tagSnippet(tag: string, props: Record<string, unknown>, children?: string): string {
  const attrs = Object.entries(props)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => attribute(k, v));
  const open = `<${tag}${attrs.length ? ' ' + attrs.join(' ') : ''}`;
  return children === undefined ? `${open} />` : `${open}>${children}</${tag}>`;
}
