import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/startEmulator';
import { launchChromium } from '../support/launchChromium';
import { startRecordingServer, type RecordingServer } from '../support/startRecordingServer';
import { serveBuiltScripts, STANDALONE_SCRIPTS } from '../support/serveBuiltScripts';

// The standalone script and every add-on it loads from its folder, as a site deploys them.
const SCRIPTS = STANDALONE_SCRIPTS;
const SCHEMA_REF = {
  id: 'https://ns.adobe.com/edgecollectordemo/schemas/demo-profile',
  contentType: 'application/vnd.adobe.xed-full+json;version=1.0',
};

// The standalone script streams from a page on one origin to an inlet on another (the emulator):
// a real CORS preflight for x-adobe-flow-id, and the streaming add-on loaded on the first call.
describe('edgeCollector("streamRecord") in headless Chromium', () => {
  let browser: Browser;
  let site: RecordingServer;
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, seedDemo: true });
    site = await startRecordingServer();
    serveBuiltScripts(site, SCRIPTS);
    site.serve(
      '/page.html',
      'text/html',
      `<!doctype html><html><head><title>Streaming</title>
      <script>${readFileSync('src/browser/snippet.js', 'utf8')}</script>
      <script async src="/js/edge-collector.min.js"></script>
      <script>edgeCollector('configure', { datastreamId: '${emulator.demo!.datastreamId}', edgeUrl: '${emulator.origin}', webVitals: false });</script>
      </head><body><h1>Streaming</h1></body></html>`,
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await emulator?.close();
  });

  it('loads the add-on, streams a profile record with its e-mail hashed, and resolves with the inlet receipt', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/page.html`);
    const options = {
      inletUrl: emulator.demo!.xdmInlet.inletUrl,
      flowId: emulator.demo!.xdmInlet.flowId,
      schemaRef: SCHEMA_REF,
      datasetId: 'de3000005eed400080000001',
      record: {
        _id: 'browser-profile-1',
        person: { name: { firstName: 'Ada' } },
        personalEmail: { address: 'ada@example.com' },
      },
      emailFields: ['personalEmail.address'],
    };
    const receipt = await page.evaluate(
      (streamOptions) =>
        (window as unknown as { edgeCollector: (c: string, o: unknown) => Promise<unknown> }).edgeCollector(
          'streamRecord',
          streamOptions,
        ),
      options,
    );
    expect(receipt).toMatchObject({
      inletId: emulator.demo!.xdmInlet.inletId,
      recordId: 'browser-profile-1',
      warnings: [],
    });

    const stored = (await (await fetch(`${emulator.origin}/api/events/browser-profile-1`)).json()) as {
      xdm: { personalEmail: { address?: string }; identityMap: { Email_LC_SHA256: Array<{ id: string }> } };
      validation: { ok: boolean };
    };
    expect(stored.xdm.personalEmail.address).toBeUndefined();
    expect(stored.xdm.identityMap.Email_LC_SHA256[0]!.id).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.validation.ok).toBe(true);

    // A second call reuses the loaded add-on; a bad option is refused before anything is sent.
    const refusal = await page.evaluate(
      (streamOptions) =>
        (window as unknown as { edgeCollector: (c: string, o: unknown) => Promise<unknown> })
          .edgeCollector('streamRecord', { ...streamOptions, flowId: 'nope' })
          .catch((error: { code: string; message: string }) => ({
            code: error.code,
            message: error.message,
          })),
      options,
    );
    expect(refusal).toEqual({
      code: 'invalid-options',
      message: expect.stringMatching(/flowId "nope" is not a dataflow id/),
    });
    expect(
      await page.evaluate(
        () => document.querySelectorAll('script[src$="edge-collector.streaming.min.js"]').length,
      ),
    ).toBe(1);
    await page.close();
  });
});
