/**
 * /charts/<chart-id>.svg in `astro dev` only: one chart as a standalone SVG file, its colours inlined so it looks
 * right outside the site. A build writes the same files after the pages (src/lib/build-integration.ts), so this
 * file starts with "_" and is routed by that integration in dev alone.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allChartSpecs } from '../../data/story-charts.ts';
import { drawViews } from '../../data/chart-drawing.ts';
import { standaloneSvg } from '../../lib/standalone-svg.ts';
import { COLUMN } from '../../lib/chart-widths.ts';

export const getStaticPaths: GetStaticPaths = async () =>
  (await allChartSpecs()).map((spec) => ({ params: { id: spec.id }, props: { spec } }));

export const GET: APIRoute = ({ props }) => {
  // The column drawing of the chart's first view: the desktop drawing readers see on its page.
  const [first] = drawViews(props.spec, COLUMN);
  return new Response(standaloneSvg(first!.svg), { headers: { 'content-type': 'image/svg+xml' } });
};
