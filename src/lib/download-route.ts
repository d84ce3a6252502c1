/**
 * The route of one kind of dataset download (/data/<id>.csv, /data/<id>.json). A build writes the files after the
 * pages (src/lib/files-after-pages.ts), so it asks the route for no page; `astro dev` serves them from the route.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedDatasets } from '../data/stories.ts';
import { getDataset } from '../data/datasets.ts';
import type { Dataset } from '../data/dataset-schema.ts';
import { registerFilesAfterPages } from './files-after-pages.ts';

export function downloadRoute(
  extension: string,
  contentType: string,
  contents: (dataset: Dataset) => string,
): { getStaticPaths: GetStaticPaths; GET: APIRoute } {
  return {
    getStaticPaths: async () => {
      const datasets = await publishedDatasets();
      if (!import.meta.env.PROD) return datasets.map((d) => ({ params: { id: d.id } }));
      registerFilesAfterPages(
        datasets.map((d) => ({
          path: `data/${d.id}.${extension}`,
          step: 'data downloads',
          contents: () => contents(getDataset(d.id)),
        })),
      );
      return [];
    },
    GET: ({ params }) => new Response(contents(getDataset(params.id!)), { headers: { 'content-type': contentType } }),
  };
}
