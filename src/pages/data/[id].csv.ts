import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedDatasets } from '../../data/stories.ts';
import { getDataset } from '../../data/datasets.ts';
import { toCsv } from '../../data/downloads.ts';

export const getStaticPaths: GetStaticPaths = async () =>
  (await publishedDatasets()).map((d) => ({ params: { id: d.id } }));

/** Serves a dataset as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese correctly). */
export const GET: APIRoute = ({ params }) =>
  new Response(toCsv(getDataset(params.id!)), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
