/** Share images, one per story plus one for the site, rendered at build time from SVG to 1200×630 PNG. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedStories } from '../../data/stories.ts';
import { cardFigure } from '../../lib/key-figures.ts';
import { shareSvg, type ShareCard } from '../../lib/share-image.ts';
import { prepareSharePngs, sharePng } from '../../lib/share-png.ts';
import { site } from '../../lib/site.ts';
import { getReport } from '../../data/report.ts';
import { contentKey } from '../../lib/cache.ts';

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
  const drawn = cards.map(({ id, card }) => ({ id, card, svg: shareSvg(card) }));
  // In a build, every image starts drawing now on sharp's threads, while the other routes render (src/lib/share-png.ts).
  if (import.meta.env.PROD) prepareSharePngs(drawn.map((d) => d.svg));
  // The card is all an image is drawn from, so it is the image's key for the incremental build (src/lib/cache.ts).
  return drawn.map(({ id, card, svg }) => ({
    params: { id },
    props: { svg },
    cacheKey: contentKey('og', card),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await sharePng((props as { svg: string }).svg);
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
