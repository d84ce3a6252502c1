import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedDatasets } from '../../data/stories.ts';
import { getDataset } from '../../data/datasets.ts';
import { toCsv } from '../../data/downloads.ts';
import { registerFilesAfterPages } from '../../lib/files-after-pages.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const datasets = await publishedDatasets();
  // A build writes these files after the pages (src/lib/files-after-pages.ts), so it asks this route for no page.
  if (import.meta.env.PROD) {
    registerFilesAfterPages(
      datasets.map((d) => ({
        path: `data/${d.id}.csv`,
        step: 'data downloads',
        contents: () => toCsv(getDataset(d.id)),
      })),
    );
    return [];
  }
  return datasets.map((d) => ({ params: { id: d.id } }));
};

/** Serves a dataset as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese correctly). */
export const GET: APIRoute = ({ params }) =>
  new Response(toCsv(getDataset(params.id!)), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
