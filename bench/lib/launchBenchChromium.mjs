// Headless Chromium for the bench: the flags of test/support/launchChromium.ts plus local name mapping.
import { chromium } from 'playwright-core';

/** Where Debian's `chromium` package puts the browser (as in test/support/launchChromium.ts). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Starts Chromium the way the browser tests do (no sandbox, no GPU, no background traffic), with
 * every `*.bench.test` name resolved to the bench server, so pages and the Edge keep real,
 * separate host names (alloy derives its cookie domain from them) while nothing leaves the machine.
 * Plain JavaScript so that `node bench/run.mjs` runs without a TypeScript step.
 */
export function launchBenchChromium(serverPort) {
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
      `--host-resolver-rules=MAP *.bench.test 127.0.0.1:${serverPort}`,
    ],
  });
}
