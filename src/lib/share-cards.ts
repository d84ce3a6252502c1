/**
 * What each share image says: one card per published story and one for the site. The share-image route
 * (src/pages/og/[id].png.ts) makes them from the content collection; the drawing ahead of a build
 * (src/lib/share-ahead.ts) from the story files themselves, before Astro has read them, with this same rule.
 */
import { cardFigures, keyFigures, type KeyFigure } from './key-figures.ts';
import type { ShareCard } from './share-image.ts';
import { site } from './site.ts';
import { getReport } from '../data/report.ts';
import type { StoryData } from '../data/story-schema.ts';

/** The story fields a card shows. */
export type CardStory = {
  id: string;
  data: Pick<StoryData, 'column' | 'kind' | 'title' | 'subtitle' | 'summary' | 'report'>;
};

/** Returns a story's card: its column, headline and subtitle (or summary), card figure and its report as printed. */
function storyShareCard(story: CardStory, figure: KeyFigure | undefined): ShareCard {
  // The footer is the story's own report as printed: its period and its credit lines.
  const meta = getReport(story.data.report)!.meta;
  return {
    label: story.data.column ?? (story.data.kind === 'feature' ? '头条报道' : '报道'),
    title: story.data.title,
    dek: story.data.subtitle ?? story.data.summary,
    figure: figure && { prefix: figure.prefix, value: figure.value, unit: figure.unit, label: figure.label },
    footer: `据${meta.period}报道整理 · ${meta.credits.join(' ')}`,
  };
}

/** The site's own card (the home page and pages without a story). */
const siteShareCard = (): ShareCard => ({
  label: '数据新闻',
  title: site.name,
  dek: site.description,
  footer: '每个数字都可核对到原文段落',
});

/** Returns the cards of these stories and the site's, each with its file id, reading every card figure once. */
export function shareCards(stories: readonly CardStory[]): { id: string; card: ShareCard }[] {
  const figures = cardFigures(keyFigures());
  return [
    ...stories.map((story) => ({ id: story.id, card: storyShareCard(story, figures.get(story.id)) })),
    { id: 'site', card: siteShareCard() },
  ];
}
