import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/launchChromium';
import { startRecordingServer, type RecordingServer } from '../support/startRecordingServer';

const DATASTREAM = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';

let site: RecordingServer;
let edge: RecordingServer;
let browser: Browser;

beforeAll(async () => {
  site = await startRecordingServer();
  edge = await startRecordingServer();
  site.serve('/edge-collector.min.js', 'text/javascript', readFileSync('dist/edge-collector.min.js'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await edge?.close();
});

describe('the privacy guard in Chromium', () => {
  it('never carries the page URL, even where the page asks for full referrers', async () => {
    // `no-referrer-when-downgrade` would send the full page URL, `?email=…` included, to the Edge.
    site.serve(
      '/thanks.html',
      'text/html',
      `<!doctype html><html><head><meta name="referrer" content="no-referrer-when-downgrade">
<script src="/edge-collector.min.js"></script>
<script>
edgeCollector('configure', { datastreamId: '${DATASTREAM}', edgeUrl: '${edge.origin}' });
edgeCollector('sendPageView');
</script></head><body>Thanks</body></html>`,
    );
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${site.origin}/thanks.html?email=ada.lovelace@example.com&order=42`);
    const [request] = await edge.waitFor(1, (r) => r.url.pathname === '/ee/v2/interact');
    await context.close();

    expect(request!.headers.referer).toBeUndefined();
    const xdm = JSON.parse(request!.body).event.xdm;
    expect(xdm.web.webPageDetails.URL).toBe(`${site.origin}/thanks.html?email=[redacted-email]&order=42`);
    expect(JSON.stringify(request!.headers) + request!.body).not.toContain('lovelace');
  });

  it('queues (in localStorage) only the cleaned event, whatever the encoding of the address', async () => {
    const datastreamId = 'a1b2c3d4-0000-4000-8000-00000000beef';
    site.serve(
      '/pending.html',
      'text/html',
      `<!doctype html><html><head>
<title>Thanks m\u00fcller@b\u00fccher.de</title>
<script src="/edge-collector.min.js"></script>
<script>
edgeCollector('configure', { datastreamId: '${datastreamId}', edgeUrl: '${edge.origin}', defaultConsent: 'pending' });
edgeCollector('sendPageView', { data: { 'key.person@example.com': ['\u00e4@example.com'] } });
</script></head><body>Thanks</body></html>`,
    );
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${site.origin}/pending.html?email=ada%2540example.com&to=grace%252540example.org`);
    // Consent is pending: the event waits in the queue, as stored.
    const queued = await tab.waitForFunction((prefix) => {
      const entries = Object.keys(localStorage)
        .filter((key) => key.startsWith(prefix))
        .map((key) => localStorage.getItem(key));
      return entries.length ? JSON.stringify(entries) : false;
    }, `edge-collector:${datastreamId}:q:`);
    const stored = (await queued.jsonValue()) as string;
    await context.close();

    expect(stored).toContain('[redacted-email]');
    for (const leak of ['ada', 'grace', 'müller', 'person@', 'ä@'])
      expect(stored.toLowerCase()).not.toContain(leak);
    expect(edge.requests.filter((r) => r.url.searchParams.get('dataStreamId') === datastreamId)).toEqual([]);
  });
});
