/**
 * The site's own build steps as an Astro integration (astro.config.mjs): after the pages are built, the standalone
 * chart SVGs registered by the embed route (src/lib/standalone-files.ts) are written to charts/<id>.svg. In
 * `astro dev`, where no build runs, the same URLs are served by the route src/pages/charts/_standalone.ts.
 * Prints "[build-step] <name> <seconds> s" like scripts/build.mjs, for npm run bench.
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { takeStandaloneSvgs } from './standalone-files.ts';

export function siteBuildSteps(): AstroIntegration {
  return {
    name: 'shushuo:build-steps',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command === 'dev')
          injectRoute({
            pattern: '/charts/[id].svg',
            entrypoint: './src/pages/charts/_standalone.ts',
            prerender: true,
          });
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const entries = takeStandaloneSvgs();
        const out = join(fileURLToPath(dir), 'charts');
        if (entries.length) mkdirSync(out, { recursive: true });
        for (const entry of entries) writeFileSync(join(out, `${entry.id}.svg`), entry.svg());
        logger.info(`${entries.length} standalone chart SVG(s) written to charts/`);
        console.log(`[build-step] standalone SVGs ${((performance.now() - started) / 1000).toFixed(2)} s`);
      },
    },
  };
}
