import type { APIRoute, GetStaticPaths } from 'astro';
import { allChartSpecs, renderChart } from '../../data/story-charts.ts';
import { standaloneSvg } from '../../lib/standalone-svg.ts';
import { contentKey, datasetKey, sharedContentKey } from '../../lib/cache.ts';

export const getStaticPaths: GetStaticPaths = async () =>
  (await allChartSpecs()).map((spec) => ({
    params: { id: spec.id },
    props: { spec },
    // A chart is drawn from its call, its dataset and (for schematics) a layout under content/: src/lib/cache.ts.
    cacheKey: contentKey('chart-svg', spec, datasetKey(spec.dataset), sharedContentKey()),
  }));

/** Serves one chart as a standalone SVG file, its colours inlined so it looks right outside the site. */
export const GET: APIRoute = ({ props }) => {
  const chart = renderChart(props.spec);
  return new Response(standaloneSvg(chart.views[0]!.svg), { headers: { 'content-type': 'image/svg+xml' } });
};
