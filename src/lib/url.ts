/** Builds site-internal URLs that work under any base path (BASE_PATH at build time). */

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** Returns the URL of a site path such as "stories/feature/" or "source/#feature-p07", under the base path. */
export function href(path = ''): string {
  return base + path.replace(/^\/+/, '');
}

/** Returns the URL of one paragraph of the cleaned report on the source page. */
export function sourceHref(paragraphId: string): string {
  return href(`source/#${paragraphId}`);
}

/** Returns the URL of a story page. */
export function storyHref(id: string): string {
  return href(`stories/${id}/`);
}
