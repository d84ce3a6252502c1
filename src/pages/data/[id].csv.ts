import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedDatasets } from '../../data/stories.ts';
import { getDataset } from '../../data/datasets.ts';
import { toCsv } from '../../data/downloads.ts';
import { contentKey, datasetKey, sharedContentKey } from '../../lib/cache.ts';

export const getStaticPaths: GetStaticPaths = async () =>
  // cacheKey: an unchanged dataset's file is copied from the last build (src/lib/cache.ts).
  (await publishedDatasets()).map((d) => ({
    params: { id: d.id },
    cacheKey: contentKey('csv', d.id, datasetKey(d.id), sharedContentKey()),
  }));

/** Serves a dataset as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese correctly). */
export const GET: APIRoute = ({ params }) =>
  new Response(toCsv(getDataset(params.id!)), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
