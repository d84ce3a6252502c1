/** Launches Debian's Chromium through playwright-core with the flags this machine needs (no browser download). */
import { chromium, type Browser } from 'playwright-core';

/** The flags Chromium needs on this kind of machine (headless, no sandbox as root, no background networking). */
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Starts a fresh headless Chromium; Playwright gives each launch its own empty temporary profile. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: chromiumFlags,
  });
}
