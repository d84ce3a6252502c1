/** A dataset as JSON, values with their units and provenance. */
import { toJson } from '../../data/downloads.ts';
import { downloadRoute } from '../../lib/download-route.ts';

export const { getStaticPaths, GET } = downloadRoute('json', 'application/json; charset=utf-8', toJson);
