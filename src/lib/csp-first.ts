/**
 * Puts a page's Content-Security-Policy <meta> first in <head> (right after <meta charset>). Astro writes it after
 * the page's own head elements, and a policy only governs what comes after it: an inline script placed early in
 * <head> (the theme script) would otherwise run unchecked. Applied to every page as it renders (src/middleware.ts).
 */
export function policyFirst(html: string): string {
  const meta = /<meta http-equiv="content-security-policy"[^>]*>/i.exec(html);
  if (!meta) return html;
  const without = html.slice(0, meta.index) + html.slice(meta.index + meta[0].length);
  const charset = /<head>\s*(<meta charset="[^"]*">)?/i.exec(without);
  if (!charset || charset.index > meta.index) return html;
  const at = charset.index + charset[0].length;
  return without.slice(0, at) + meta[0] + without.slice(at);
}
