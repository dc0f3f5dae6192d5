import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/launchChromium';
import { startRecordingServer, type RecordingServer } from '../support/startRecordingServer';
import { serveBuiltScripts, STANDALONE_SCRIPTS } from '../support/serveBuiltScripts';

const DATASTREAM = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';

let site: RecordingServer;
let edge: RecordingServer;
let browser: Browser;

beforeAll(async () => {
  site = await startRecordingServer();
  edge = await startRecordingServer();
  // The standalone script and the add-ons it loads from its folder, as a site deploys them.
  serveBuiltScripts(site, STANDALONE_SCRIPTS, '');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await edge?.close();
});

// Nothing answers here (Chromium refuses the port at once): a send fails and is kept in localStorage.
const UNREACHABLE = 'http://127.0.0.1:9';

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
edgeCollector('configure', { datastreamId: '${datastreamId}', edgeUrl: '${UNREACHABLE}' });
edgeCollector('sendPageView', { data: { 'key.person@example.com': ['\u00e4@example.com'] } });
</script></head><body>Thanks</body></html>`,
    );
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${site.origin}/pending.html?email=ada%2540example.com&to=grace%252540example.org`);
    // The Edge cannot be reached: the failed event waits in the queue, as stored (docs/delivery.md).
    const queued = await tab.waitForFunction((prefix) => {
      const entries = Object.keys(localStorage)
        .filter((key) => key.startsWith(prefix))
        .map((key) => localStorage.getItem(key));
      return entries.length ? JSON.stringify(entries) : false;
    }, `edge-collector:${datastreamId}:q2:`);
    const stored = (await queued.jsonValue()) as string;
    await context.close();

    expect(stored).toContain('[redacted-email]');
    // The collector's random ids (UUIDs, the owner's base-36 id) cannot carry an address, but may
    // spell "ada" by chance (an eventId of …-bada59…): they are left out of the search, nothing else.
    const content = stored
      .toLowerCase()
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
      .replace(/\\?"owner\\?":\\?"[0-9a-z]+/g, '<owner>');
    for (const leak of ['ada', 'grace', 'müller', 'person@', 'ä@']) expect(content).not.toContain(leak);
    expect(edge.requests.filter((r) => r.url.searchParams.get('dataStreamId') === datastreamId)).toEqual([]);
  });
  it('sends and queues objects as JSON writes them, cleaned: URL, toJSON, class instance, boxed string, on-before-send, encoded dots', async () => {
    const everyByte = (text: string) =>
      [...Buffer.from(text)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
    const page = (
      datastreamId: string,
      edgeUrl = edge.origin,
    ) => `<!doctype html><html><head><meta charset="utf-8">
<script src="/edge-collector.min.js"></script>
<script>
class Contact { constructor(mail) { this.mail = mail; } }
edgeCollector('configure', {
  datastreamId: '${datastreamId}', edgeUrl: '${edgeUrl}',
  onBeforeEventSend: function (content) {
    content.xdm._acme = { from: new URL('https://mail.example/read?from=grace.hopper%40example%2Eorg') };
  },
});
edgeCollector('sendEvent', { eventType: 'web.webinteraction.linkClicks', data: {
  page: new URL(location.href),
  note: { toJSON: function () { return 'write to carol.shaw\uff20example\uff0ecom'; } },
  contact: new Contact('danny.hillis%2540example%252Eorg'),
  boxed: new String('${everyByte('evelyn.berezin@example.com')}'),
} });
</script></head><body>Thanks</body></html>`;
    const names = ['ada.lovelace', 'grace.hopper', 'carol.shaw', 'danny.hillis', 'evelyn.berezin'];
    /** `text` read as a receiver could: percent-decoded four times over, compatibility forms folded. */
    const read = (text: string) => {
      for (let level = 0; level < 4; level += 1)
        text = text.replace(/(%[\da-f]{2})+/gi, (run) => {
          try {
            return decodeURIComponent(run);
          } catch {
            return run;
          }
        });
      return text.normalize('NFKC').toLowerCase();
    };
    const address = '?email=ada.lovelace%40example%2Ecom';

    // Consent given: what leaves.
    const sent = '5e0b1c2d-0000-4000-8000-0000000000f2';
    site.serve('/objects.html', 'text/html', page(sent));
    const context = await browser.newContext();
    await (await context.newPage()).goto(`${site.origin}/objects.html${address}`);
    const [request] = await edge.waitFor(1, (r) => r.url.searchParams.get('dataStreamId') === sent);
    const wire = read(request!.url.href + JSON.stringify(request!.headers) + request!.body);
    const { data, xdm } = JSON.parse(request!.body).event;
    expect(data.page).toBe(`${site.origin}/objects.html?email=[redacted-email]`);
    expect(data.contact).toEqual({ mail: '[redacted-email]' });
    expect([data.note, data.boxed, xdm._acme.from]).toEqual([
      'write to [redacted-email]',
      '[redacted-email]',
      'https://mail.example/read?from=[redacted-email]',
    ]);

    // The Edge unreachable: what is kept in localStorage.
    const kept = '5e0b1c2d-0000-4000-8000-0000000000f3';
    site.serve('/objects-pending.html', 'text/html', page(kept, UNREACHABLE));
    const tab = await context.newPage();
    await tab.goto(`${site.origin}/objects-pending.html${address}`);
    const queued = await tab.waitForFunction((prefix) => {
      const entries = Object.keys(localStorage).filter((key) => key.startsWith(prefix));
      return entries.length ? JSON.stringify(entries.map((key) => localStorage.getItem(key))) : false;
    }, `edge-collector:${kept}:q2:`);
    const stored = read((await queued.jsonValue()) as string);
    await context.close();

    expect(stored).toContain('[redacted-email]');
    for (const name of names) {
      expect(wire).not.toContain(name);
      expect(stored).not.toContain(name);
    }
  });
});
