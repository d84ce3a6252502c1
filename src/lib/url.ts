/** Builds site-internal URLs that work under any base path (BASE_PATH at build time). */
import { reportOf } from '../data/report.ts';

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** Returns the URL of a site path such as "stories/feature/" or "reports/", under the base path. */
export function href(path = ''): string {
  return base + path.replace(/^\/+/, '');
}

/** Returns the URL of a report's page. */
export function reportHref(reportId: string): string {
  return href(`reports/${reportId}/`);
}

/** Returns the URL of a report's cleaned source, or of one paragraph on it. */
export function reportSourceHref(reportId: string, paragraphId?: string): string {
  return href(`reports/${reportId}/source/${paragraphId ? `#${paragraphId}` : ''}`);
}

/** Returns the URL of one paragraph on its own report's source page; throws for an id no report has. */
export function sourceHref(paragraphId: string): string {
  const report = reportOf(paragraphId);
  if (!report) throw new Error(`"${paragraphId}" is not a paragraph id of any report in content/reports/`);
  return reportSourceHref(report, paragraphId);
}

/**
 * Returns the URL of a report's data page (/data/<report>/: its datasets' tables), or of an anchor on it: a dataset
 * id, or a row's (`rowAnchor`).
 */
export function dataHref(reportId: string, anchor?: string): string {
  return href(`data/${reportId}/${anchor ? `#${anchor}` : ''}`);
}

/** Returns the URL of a story page. */
export function storyHref(id: string): string {
  return href(`stories/${id}/`);
}
