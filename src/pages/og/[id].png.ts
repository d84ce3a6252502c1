/** Share images, one per story plus one for the site, rendered at build time from SVG to 1200×630 PNG. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedStories } from '../../data/stories.ts';
import type { ShareCard } from '../../lib/share-image.ts';
import { shareCards } from '../../lib/share-cards.ts';
import { prepareSharePngs, sharePng, sharePngFile } from '../../lib/share-png.ts';
import { registerFilesAfterPages } from '../../lib/files-after-pages.ts';

export const getStaticPaths = (async () => {
  const cards = shareCards(await publishedStories());
  if (import.meta.env.PROD) {
    // In a build, the images not drawn ahead of the pages (src/lib/share-ahead.ts) are drawn in the background
    // (src/lib/share-png.ts) and written after the pages (src/lib/files-after-pages.ts), so this route gives Astro
    // no page to render.
    void prepareSharePngs(cards.map((c) => c.card));
    registerFilesAfterPages(
      cards.map(({ id, card }) => ({
        path: `og/${id}.png`,
        step: 'share images',
        contents: async () => ({ copy: await sharePngFile(card) }),
      })),
    );
    return [];
  }
  return cards.map(({ id, card }) => ({ params: { id }, props: { card } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await sharePng((props as { card: ShareCard }).card);
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
