import { chromium, type Browser } from 'playwright-core';

/** Where Debian's `chromium` package puts the browser (installed by `.ci/run`). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Starts Debian's headless Chromium the way this machine allows: no sandbox (root), no GPU,
 * and none of the background traffic that the closed network would refuse.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
