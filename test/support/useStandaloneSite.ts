import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './launchChromium';
import { serveBuiltScripts, STANDALONE_SCRIPTS } from './serveBuiltScripts';
import { startRecordingServer, type RecordingServer } from './startRecordingServer';

/**
 * For the calling test file: a recording server that serves the standalone script and its
 * add-ons at its root (as a site deploys them, and as the Edge it answers), and a headless
 * Chromium; both started before its tests and stopped after them. Read them once started.
 */
export function useStandaloneSite(): { readonly server: RecordingServer; readonly browser: Browser } {
  const site = {} as { server: RecordingServer; browser: Browser };
  beforeAll(async () => {
    site.server = await startRecordingServer();
    serveBuiltScripts(site.server, STANDALONE_SCRIPTS, '');
    site.browser = await launchChromium();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
