import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { SiteSequencer } from './helpers/sequencer.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  test: {
    // Tests that start a tool (npm run import:report, new:story) wait on a child process; on a busy shared machine
    // Vitest's 5 s default failed them at random. A timeout only stops a hung test: no test asserts a duration.
    testTimeout: 60_000,
    sequence: { sequencer: SiteSequencer },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/browser/**', 'tests/build/**', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        // Tests that need a built dist/ (and Chromium): run after `astro build`.
        test: {
          name: 'site',
          include: ['tests/browser/**/*.test.ts', 'tests/build/**/*.test.ts'],
          // Two files at a time (Vitest's default on two cores is one): a suite that builds a project copy or waits
          // on a page leaves a core idle that the page walk (tests/browser/pages.test.ts) fills. Each file serves
          // dist/ on its own port (chosen by the OS) and builds only in its own temporary copy, so files never share
          // state; they start longest first, in a fixed order (tests/helpers/sequencer.ts).
          maxWorkers: 2,
          // Browser pages checked a few at a time: more would only share the two cores more thinly.
          maxConcurrency: 3,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // expect.poll waits for what a page does after an event (a tooltip after a hover); its 1 s default failed
          // on a busy machine. Like a timeout, this only bounds a wait: a state that never comes still fails.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
