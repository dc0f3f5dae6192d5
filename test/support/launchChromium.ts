import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromiumOptions.mjs';

export { CHROMIUM_PATH };

/** Starts Debian's headless Chromium the way this machine allows (see chromiumOptions.mjs). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
