/** Share images, one per story plus one for the site, rendered at build time from SVG to 1200×630 PNG. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedStories } from '../../data/stories.ts';
import { cardFigure } from '../../lib/key-figures.ts';
import type { ShareCard } from '../../lib/share-image.ts';
import { prepareSharePngs, sharePng, sharePngFile } from '../../lib/share-png.ts';
import { site } from '../../lib/site.ts';
import { getReport } from '../../data/report.ts';
import { registerFilesAfterPages } from '../../lib/files-after-pages.ts';

export const getStaticPaths = (async () => {
  const stories = await publishedStories();
  // The footer is the story's own report as printed: its period and its credit lines.
  const footer = (reportId: string) => {
    const meta = getReport(reportId)!.meta;
    return `据${meta.period}报道整理 · ${meta.credits.join(' ')}`;
  };
  const cards: { id: string; card: ShareCard }[] = stories.map((story) => {
    const figure = cardFigure(story.id);
    return {
      id: story.id,
      card: {
        label: story.data.column ?? (story.data.kind === 'feature' ? '头条报道' : '报道'),
        title: story.data.title,
        dek: story.data.subtitle ?? story.data.summary,
        figure: figure && { prefix: figure.prefix, value: figure.value, unit: figure.unit, label: figure.label },
        footer: footer(story.data.report),
      },
    };
  });
  cards.push({
    id: 'site',
    card: { label: '数据新闻', title: site.name, dek: site.description, footer: '每个数字都可核对到原文段落' },
  });
  if (import.meta.env.PROD) {
    // In a build, every image starts drawing now on sharp's threads, while the pages render (src/lib/share-png.ts),
    // and is written after the pages (src/lib/files-after-pages.ts), so this route gives Astro no page to render.
    prepareSharePngs(cards.map((c) => c.card));
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
