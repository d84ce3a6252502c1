/** Serves the built dist/ and starts Chromium for the tests of one file, and stops both after them. */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { serveDist, type StaticServer } from './server.ts';

export interface Site {
  /** The site's root URL, ending in "/". */
  readonly url: string;
  readonly browser: Browser;
}

/** Registers beforeAll/afterAll hooks for a server on dist/ (mounted at `base`) and a browser; returns both. */
export function useSite(dir = 'dist', base = '/'): Site {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveDist(dir, base);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() {
      if (!server) throw new Error('useSite: the server is not started yet (use it inside a test)');
      return server.url;
    },
    get browser() {
      if (!browser) throw new Error('useSite: the browser is not started yet (use it inside a test)');
      return browser;
    },
  };
}
