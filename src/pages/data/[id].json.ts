import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedDatasets } from '../../data/stories.ts';
import { getDataset } from '../../data/datasets.ts';
import { toJson } from '../../data/downloads.ts';

export const getStaticPaths: GetStaticPaths = async () =>
  (await publishedDatasets()).map((d) => ({ params: { id: d.id } }));

/** Serves a dataset as JSON, values with their units and provenance. */
export const GET: APIRoute = ({ params }) =>
  new Response(toJson(getDataset(params.id!)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
