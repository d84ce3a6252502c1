/**
 * RSS 2.0 feed of every report's stories, newest report first, each report's lead first. Items carry no pubDate:
 * a report's exact publication date is rarely printed and the site never invents one. Links are absolute when SITE_URL is set; otherwise they are relative to the
 * feed's own URL (which readers resolve against it), so the feed works under any BASE_PATH. Written here rather
 * than with @astrojs/rss, which requires an absolute `site` and would make SITE_URL mandatory for every build.
 */
import type { APIRoute } from 'astro';
import { publishedStories } from '../data/stories.ts';
import { site } from '../lib/site.ts';
import { href } from '../lib/url.ts';
import { getReport } from '../data/report.ts';
import { escapeHtml as esc } from '../lib/escape.ts';

/** Names a report as its metadata prints it: title, place and period. */
function reportLabel(id: string): string {
  const meta = getReport(id)!.meta;
  return `${meta.title}（${meta.place}，${meta.period}）`;
}

export const GET: APIRoute = async ({ site: origin }) => {
  const stories = await publishedStories();
  const link = (path: string) => (origin ? new URL(href(path), origin).href : path || './');
  const items = stories.map((s) => {
    const url = link(`stories/${s.id}/`);
    return [
      '<item>',
      `<title>${esc(s.data.title)}</title>`,
      `<link>${esc(url)}</link>`,
      `<guid isPermaLink="${origin ? 'true' : 'false'}">${esc(origin ? url : `shushuo-longcheng:${s.id}`)}</guid>`,
      // Readers decode <description> and then render it as HTML: escape for HTML first, then for XML, so markup in a
      // summary stays text.
      `<description>${esc(esc(s.data.summary))}</description>`,
      s.data.column ? `<category>${esc(s.data.column)}</category>` : '',
      // Which report the story is from, in the report's own words (meta.json), as a second category.
      `<category domain="report">${esc(reportLabel(s.data.report))}</category>`,
      `<dc:creator>${esc(s.data.byline)}</dc:creator>`,
      '</item>',
    ].join('');
  });
  const self = origin ? `<atom:link href="${esc(link('rss.xml'))}" rel="self" type="application/rss+xml"/>` : '';
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    `<title>${esc(site.name)}</title>`,
    `<link>${esc(link(''))}</link>`,
    `<description>${esc(site.description)}</description>`,
    '<language>zh-CN</language>',
    self,
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
  return new Response(xml, { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
};
