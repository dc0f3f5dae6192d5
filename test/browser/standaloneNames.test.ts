import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/launchChromium';
import { serveBuiltScripts, STANDALONE_SCRIPTS } from '../support/serveBuiltScripts';
import { startRecordingServer, type RecordingServer } from '../support/startRecordingServer';

// Two collectors under two global names, as alloy's `__alloyNS`: the snippet declares the names
// (["edgeCollector", "edgeCollector2"] instead of ["edgeCollector"]), the script installs each.
const STORE = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
const BRAND = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const SNIPPET = readFileSync('src/browser/snippet.js', 'utf8').trim();

let server: RecordingServer;
let browser: Browser;

beforeAll(async () => {
  server = await startRecordingServer();
  serveBuiltScripts(server, STANDALONE_SCRIPTS, '');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page with the snippet for `names`, then `calls`, then the script (loaded `async`). */
function page(names: string[], calls: string): string {
  const snippet = SNIPPET.replace('["edgeCollector"]', JSON.stringify(names));
  return `<!doctype html><html><head><title>Two brands</title>
<script>${snippet}
window.results = [];
${calls}</script>
<script async src="/edge-collector.min.js"></script></head><body></body></html>`;
}

const datastreamOf = (request: { url: URL }) => request.url.searchParams.get('dataStreamId');

describe('the standalone script under several global names', () => {
  it('runs one collector per name the snippet declared, each with its own datastream and queue', async () => {
    server.serve(
      '/two.html',
      'text/html',
      page(
        ['edgeCollector', 'brandCollector'],
        `
const keep = (p) => p.then((r) => results.push(r.requestId), (e) => results.push(String(e)));
keep(edgeCollector('configure', { datastreamId: '${STORE}', edgeUrl: location.origin, clickCollectionEnabled: false }));
keep(brandCollector('configure', { datastreamId: '${BRAND}', edgeUrl: location.origin, clickCollectionEnabled: false }));
keep(edgeCollector('sendEvent', { eventType: 'store.visit' }));
keep(brandCollector('sendEvent', { eventType: 'brand.visit' }));`,
      ),
    );
    const context = await browser.newContext();
    try {
      const tab = await context.newPage();
      await tab.goto(`${server.origin}/two.html`);
      const sent = await server.waitFor(2, (request) => request.url.pathname === '/ee/v2/interact');
      await tab.waitForFunction(() => (window as unknown as { results: unknown[] }).results.length === 4);
      const byType = Object.fromEntries(
        sent.map((request) => [JSON.parse(request.body).event.xdm.eventType, datastreamOf(request)]),
      );
      expect(byType).toEqual({ 'store.visit': STORE, 'brand.visit': BRAND });
      // Both names are the script's command API now, not the snippet's stubs.
      const installed = await tab.evaluate(() =>
        ['edgeCollector', 'brandCollector'].map((name) => 'q' in (window as never)[name]),
      );
      expect(installed).toEqual([false, false]);
    } finally {
      await context.close();
    }
  });

  it('installs only the declared name, and a page without the snippet still gets edgeCollector', async () => {
    server.serve('/shop.html', 'text/html', page(['shop'], ''));
    server.serve(
      '/plain.html',
      'text/html',
      '<!doctype html><html><head><script src="/edge-collector.min.js"></script></head><body></body></html>',
    );
    const context = await browser.newContext();
    try {
      const tab = await context.newPage();
      await tab.goto(`${server.origin}/shop.html`);
      await tab.waitForFunction(
        () =>
          typeof (window as never as { shop?: { q?: unknown } }).shop === 'function' &&
          !('q' in (window as never as { shop: object }).shop),
      );
      expect(
        await tab.evaluate(() => typeof (window as never as Record<string, unknown>).edgeCollector),
      ).toBe('undefined');
      await tab.goto(`${server.origin}/plain.html`);
      expect(
        await tab.evaluate(() => typeof (window as never as Record<string, unknown>).edgeCollector),
      ).toBe('function');
    } finally {
      await context.close();
    }
  });
});
