/**
 * Runs the content check (src/data/check-content.ts, the same as `npm run check:content`) before Astro builds or
 * serves anything. A build stops there with the messages and exit status 1, so nothing renders and no stack trace
 * is printed; the dev server prints the messages, keeps serving, and checks again whenever content/ changes.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { relative, sep } from 'node:path';
import { checkContent, diskFiles } from './check-content.ts';
import { diskMemo } from './check-memo.ts';
import { formatReport } from './diagnostics.ts';
import { handCheckedDatasets } from './checked-datasets.ts';

/** The files of content/data/ and the reports' report.json, as the check read them: what its datasets rest on. */
const DATASET_INPUT = /^content\/(?:data\/[^/]+\.json|reports\/[^/]+\/report\.json|source\/report\.json)$/;

/** Checks the project at `root`; prints the problems and returns how many there are. */
function report(root: string, command?: string): number {
  // Verdicts of earlier runs (src/data/check-memo.ts): a build after one story changed checks that story again.
  const memo = diskMemo(root);
  const result = checkContent(diskFiles(root), memo);
  memo.save();
  if (result.problems.length) console.error(`\n${formatReport(result.problems, result.texts)}\n`);
  // A build's pages take the datasets checked here instead of parsing and checking them again (checked-datasets.ts).
  else if (command === 'build') {
    const texts = new Map([...result.texts].filter(([path]) => DATASET_INPUT.test(path)));
    handCheckedDatasets(root, { texts, stories: result.stories }, result.datasets);
  }
  return result.problems.length;
}

export function contentCheck(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'shushuo:content-check',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        root = fileURLToPath(config.root);
        if (command !== 'build' && command !== 'dev') return;
        const count = report(root, command);
        if (!count) return;
        if (command === 'build') {
          logger.error(`the content has ${count} problem(s), listed above; nothing was built (npm run check:content)`);
          process.exit(1);
          return;
        }
        logger.warn(`the content has ${count} problem(s), listed above; pages that use it will fail until fixed`);
      },
      'astro:server:setup': ({ server, logger }) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        server.watcher.on('all', (_event, path) => {
          if (!relative(root, path).split(sep).includes('content')) return;
          clearTimeout(timer);
          timer = setTimeout(() => {
            if (!report(root)) logger.info('content checked: no problems');
          }, 200);
        });
      },
    },
  };
}
