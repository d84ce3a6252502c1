import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedDatasets } from '../../data/stories.ts';
import { getDataset } from '../../data/datasets.ts';
import { toJson } from '../../data/downloads.ts';
import { registerFilesAfterPages } from '../../lib/files-after-pages.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const datasets = await publishedDatasets();
  // A build writes these files after the pages (src/lib/files-after-pages.ts), so it asks this route for no page.
  if (import.meta.env.PROD) {
    registerFilesAfterPages(
      datasets.map((d) => ({
        path: `data/${d.id}.json`,
        step: 'data downloads',
        contents: () => toJson(getDataset(d.id)),
      })),
    );
    return [];
  }
  return datasets.map((d) => ({ params: { id: d.id } }));
};

/** Serves a dataset as JSON, values with their units and provenance. */
export const GET: APIRoute = ({ params }) =>
  new Response(toJson(getDataset(params.id!)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
