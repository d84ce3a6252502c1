/** A dataset as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese correctly). */
import { toCsv } from '../../data/downloads.ts';
import { downloadRoute } from '../../lib/download-route.ts';

export const { getStaticPaths, GET } = downloadRoute('csv', 'text/csv; charset=utf-8', toCsv);
