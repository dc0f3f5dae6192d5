// Headless Chromium for the bench: the browser tests' flags plus local name mapping.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/support/chromiumOptions.mjs';

export { CHROMIUM_PATH };

/**
 * Starts Chromium the way the browser tests do, with every `*.bench.test` name resolved to the
 * bench server, so pages and the Edge keep real, separate host names (alloy derives its cookie
 * domain from them) while nothing leaves the machine.
 */
export function launchBenchChromium(serverPort) {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP *.bench.test 127.0.0.1:${serverPort}`],
  });
}
