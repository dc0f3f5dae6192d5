import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/launchChromium';
import { startRecordingServer, type RecordingServer } from '../support/startRecordingServer';
import { serveBuiltScripts, STANDALONE_SCRIPTS } from '../support/serveBuiltScripts';

const DATASTREAM = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
const ADDRESS = 'Grace.Hopper@Example.COM';
const DIGEST = createHash('sha256').update(ADDRESS.trim().toLowerCase()).digest('hex');
const SNIPPET = readFileSync('src/browser/snippet.js', 'utf8').trim();
const VERSION = JSON.parse(readFileSync('package.json', 'utf8')).version;

let server: RecordingServer;
let browser: Browser;

/** A page that loads the snippet inline, calls early, then loads the script; a strict CSP forbids eval. */
function page(calls: string): string {
  const inline = `${SNIPPET}\n${calls}`;
  const hash = createHash('sha256').update(inline).digest('base64');
  return `<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'sha256-${hash}'; connect-src 'self'">
<title>Checkout complete</title>
<script>${inline}</script>
<script async src="/edge-collector.min.js"></script>
</head><body><h1>Thanks</h1></body></html>`;
}

beforeAll(async () => {
  server = await startRecordingServer();
  // The standalone script and the add-ons it loads from its folder, as a site deploys them.
  serveBuiltScripts(server, STANDALONE_SCRIPTS, '');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the standalone script in Chromium', () => {
  it('sends a snippet-queued page view with a hashed e-mail, and no plain address anywhere', async () => {
    server.serve(
      '/thanks.html',
      'text/html',
      page(`
window.results = [];
edgeCollector('configure', { datastreamId: '${DATASTREAM}', edgeUrl: location.origin });
edgeCollector('sendPageView', { email: '  ${ADDRESS} ', data: { prop1: 'custom value' } })
  .then(function (r) { window.results.push(r); }, function (e) { window.results.push({ error: String(e) }); });
document.addEventListener('securitypolicyviolation', function (e) { window.results.push({ csp: e.violatedDirective }); });
`),
    );
    const context = await browser.newContext({ viewport: { width: 1024, height: 700 } });
    const tab = await context.newPage();
    await tab.goto(`${server.origin}/thanks.html?order=42`, { referer: 'https://search.example/?q=shoes' });
    const [request] = await server.waitFor(1, (r) => r.url.pathname === '/ee/v2/interact');
    await tab.waitForFunction(() => (window as unknown as { results: unknown[] }).results.length > 0);
    const results = await tab.evaluate(() => (window as unknown as { results: unknown[] }).results);
    await context.close();

    expect(request!.method).toBe('POST');
    expect(request!.headers['content-type']).toBe('text/plain;charset=UTF-8');
    expect([...request!.url.searchParams.keys()]).toEqual(['dataStreamId', 'requestId']);
    expect(request!.url.searchParams.get('dataStreamId')).toBe(DATASTREAM);
    const requestId = request!.url.searchParams.get('requestId');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    const body = JSON.parse(request!.body);
    expect(Object.keys(body)).toEqual(['event', 'query']);
    expect(body.event.data).toEqual({ prop1: 'custom value' });
    const { xdm } = body.event;
    expect(xdm._id).toMatch(/^[0-9a-f-]{36}$/);
    expect(xdm.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(xdm).toMatchObject({
      eventType: 'web.webpagedetails.pageViews',
      identityMap: { Email_LC_SHA256: [{ id: DIGEST, primary: true }] },
      web: {
        webPageDetails: {
          URL: `${server.origin}/thanks.html?order=42`,
          name: 'Checkout complete',
          pageViews: { value: 1 },
        },
        webReferrer: { URL: 'https://search.example/?q=shoes' },
      },
      environment: { type: 'browser', browserDetails: { viewportWidth: 1024, viewportHeight: 700 } },
      device: { screenOrientation: 'landscape' },
      implementationDetails: {
        name: 'https://www.npmjs.com/package/edge-collector#standalone',
        version: VERSION,
        environment: 'browser',
      },
    });
    expect(xdm.placeContext.localTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);

    const wire = JSON.stringify([request!.url.href, request!.headers, request!.body]).toLowerCase();
    expect(wire).not.toContain(ADDRESS.toLowerCase());
    expect(wire).not.toContain('grace.hopper');

    expect(results).toEqual([{ requestId, eventId: xdm._id, handle: [], warnings: [] }]);
  });

  it('rejects, without throwing into the page, an unknown command and a failed answer', async () => {
    server.replies.push({
      status: 400,
      body: {
        type: 'https://ns.adobe.com/aep/errors/EXEG-0003-400',
        status: 400,
        title: 'Invalid datastream',
        detail: 'no such datastream',
        report: { requestId: 'r' },
      },
    });
    server.serve(
      '/errors.html',
      'text/html',
      page(`
window.results = [];
window.addEventListener('error', function (e) { window.results.push({ uncaught: e.message }); });
function record(p) { return p.then(function (r) { window.results.push({ ok: r }); }, function (e) { window.results.push({ code: e.code, status: e.status, title: e.title, message: e.message }); }); }
record(edgeCollector('send'));
record(edgeCollector(Symbol('send')));
record(edgeCollector('configure', { datastreamId: '${DATASTREAM}', edgeUrl: location.origin }));
record(edgeCollector('sendPageView'));
`),
    );
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${server.origin}/errors.html`);
    await tab.waitForFunction(() => (window as unknown as { results: unknown[] }).results.length >= 4);
    const results = await tab.evaluate(
      () => (window as unknown as { results: Array<Record<string, unknown>> }).results,
    );
    await context.close();
    expect(results).toHaveLength(4);
    expect(results[0]).toMatchObject({ code: 'unknown-command' });
    // A Symbol is no command either: the minified script must not throw a TypeError naming it.
    expect(results[1]).toMatchObject({
      code: 'unknown-command',
      message: expect.stringMatching(/^unknown command undefined;/),
    });
    expect(results[2]).toMatchObject({ ok: { datastreamId: DATASTREAM } });
    expect(results[3]).toMatchObject({ code: 'response', status: 400, title: 'Invalid datastream' });
  });
});
