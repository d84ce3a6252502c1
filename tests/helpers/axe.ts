/** Runs axe-core on a loaded page and describes its violations readably. */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown; failureSummary?: string }[];
}

/** One readable paragraph per violation: rule, impact, help, and up to five elements with what is wrong. */
function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    at ${JSON.stringify(n.target)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      const more = v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : '';
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join('\n');
}

/**
 * Every axe rule on the page as it is now; returns its violations described, or '' when there are none.
 *
 * Legacy mode runs `axe.run` inside the page. The default mode runs axe per frame and then opens a blank tab (a new
 * renderer) to merge the frames' results, which made each run two to three times slower; it only matters for
 * cross-origin iframes, and the site has none (its CSP allows frames from itself only).
 */
export async function axeViolations(page: Page): Promise<string> {
  // resultTypes only spares axe from listing every passing node (a chart has hundreds); every rule still runs.
  const result = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .analyze();
  return describeViolations(result.violations as AxeViolation[]);
}
