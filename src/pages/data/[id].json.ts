import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedDatasets } from '../../data/stories.ts';
import { getDataset } from '../../data/datasets.ts';
import { toJson } from '../../data/downloads.ts';
import { contentKey, datasetKey, sharedContentKey } from '../../lib/cache.ts';

export const getStaticPaths: GetStaticPaths = async () =>
  // cacheKey: an unchanged dataset's file is copied from the last build (src/lib/cache.ts).
  (await publishedDatasets()).map((d) => ({
    params: { id: d.id },
    cacheKey: contentKey('json', d.id, datasetKey(d.id), sharedContentKey()),
  }));

/** Serves a dataset as JSON, values with their units and provenance. */
export const GET: APIRoute = ({ params }) =>
  new Response(toJson(getDataset(params.id!)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
