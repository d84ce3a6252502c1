// axe-core on every built page, in the light and the dark theme: 0 violations.
import { describe, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { useSite } from '../helpers/site.ts';
import { builtPages } from '../helpers/pages.ts';

const pages = builtPages('dist');
const themes = ['light', 'dark'] as const;

const site = useSite();

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

// Pages are independent, so they are checked a few at a time (Vitest's maxConcurrency); each page is loaded
// once and checked in the light theme, then switched to the dark one (system preference and data-theme) and
// checked again.
describe.concurrent('accessibility (axe-core)', () => {
  it.for(pages.map((p) => [p.path || '/', p] as const))(
    '%s has no violations in the light or the dark theme',
    // The largest pages (/data/, the guide, the lead story) take axe many seconds each when the machine is busy.
    { timeout: 180_000 },
    async ([, p], { expect }) => {
      const context = await site.browser.newContext({ colorScheme: 'light', reducedMotion: 'reduce' });
      try {
        const page = await context.newPage();
        await page.goto(site.url + p.path, { waitUntil: 'load' });
        const reports: string[] = [];
        for (const theme of themes) {
          // The site follows the system preference and a stored choice on <html data-theme>; set both.
          await page.emulateMedia({ colorScheme: theme });
          await page.evaluate((t) => {
            document.documentElement.dataset.theme = t;
          }, theme);
          // Let colour transitions finish so axe measures the final contrast.
          await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
          // Every rule runs; resultTypes only spares axe from listing every passing node (a chart has hundreds).
          const result = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
          if (result.violations.length)
            reports.push(`${p.path || '/'} (${theme}):\n${describeViolations(result.violations as AxeViolation[])}`);
        }
        expect(reports.join('\n'), 'axe violations').toBe('');
      } finally {
        await context.close();
      }
    },
  );
});
