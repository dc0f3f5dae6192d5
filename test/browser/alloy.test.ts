import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSelfSignedCertificate } from '../../src/emulator/http/createSelfSignedCertificate';
import { startEmulator, type RunningEmulator } from '../../src/emulator/startEmulator';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromiumOptions.mjs';
import { startRecordingServer, type RecordingServer } from '../support/startRecordingServer';

const DATASTREAM = '3e5d7f90-1a2b-4c3d-8e4f-5a6b7c8d9e0f';
const ORG = 'ALLOY000000000000000000@AdobeOrg';
const ALLOY = readFileSync('node_modules/@adobe/alloy/dist/alloy.min.js', 'utf8');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- alloy's answers are untyped here
type Loose = Record<string, any>;

/** A page of the site with Adobe's Web SDK, its command queue set up as the standalone build expects. */
const sitePage = () => `<!doctype html><html><head><title>Shop</title>
<script>
  window.__alloyNS = ['alloy'];
  window.alloy = function () {
    var args = arguments;
    return new Promise(function (resolve, reject) { window.alloy.q.push([resolve, reject, args]); });
  };
  window.alloy.q = [];
  window.configured = alloy('configure', {
    datastreamId: '${DATASTREAM}',
    orgId: '${ORG}',
    edgeDomain: 'edge.localhost',
    debugEnabled: true,
    thirdPartyCookiesEnabled: false,
  }).then(function () { return 'ok'; }, function (error) { return String(error); });
</script>
<script src="/alloy.min.js"></script>
</head><body>shop</body></html>`;

describe("Adobe's Web SDK (alloy 2.33.1) against the emulator behind --https (headless Chromium)", () => {
  let emulator: RunningEmulator;
  let site: RecordingServer;
  let browser: Browser;
  let dataDir: string;
  let tls: { key: string; cert: string };
  /** GET a JSON document from the emulator, trusting its self-signed certificate. */
  const getJson = (path: string) =>
    new Promise<Loose>((resolve, reject) =>
      get(`${emulator.origin}${path}`, { ca: tls.cert, servername: 'localhost' }, (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk)).on('end', () => resolve(JSON.parse(text) as Loose));
      }).on('error', reject),
    );
  const problems: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'alloy-emulator-'));
    // The site runs on this machine, as a developer's does (a public page could not call loopback).
    site = await startRecordingServer();
    site.serve('/alloy.min.js', 'text/javascript', ALLOY);
    for (const page of ['/home.html', '/products.html']) site.serve(page, 'text/html', sitePage());
    emulator = await startEmulator({
      dataDir,
      tls: (tls = createSelfSignedCertificate(dataDir)),
      datastreams: [{ id: DATASTREAM, orgId: ORG }],
    });
    // alloy calls https://<edgeDomain>/ee/… on port 443: Chromium maps edge.localhost to the
    // emulator's port. The certificate is self-signed: a developer trusts it once; the test tells
    // Chromium to.
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        ...CHROMIUM_ARGS,
        '--ignore-certificate-errors',
        `--host-resolver-rules=MAP edge.localhost 127.0.0.1:${emulator.port}`,
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await emulator?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A fresh browser profile whose warnings and errors are collected. */
  async function openContext(): Promise<BrowserContext> {
    const context = await browser.newContext();
    context.on('page', (page) =>
      page.on('console', (message) => {
        if (message.type() === 'warning' || message.type() === 'error') problems.push(message.text());
      }),
    );
    return context;
  }
  const alloy = (page: Page, command: string, options?: unknown): Promise<Loose> =>
    page.evaluate(
      ([name, value]) =>
        (window as never as { alloy: (n: string, o?: unknown) => Promise<Loose> }).alloy(name, value),
      [command, options] as const,
    );
  const ecidOf = (identity: Loose) => identity.identity.ECID as string;

  it('sendEvent, setConsent and getIdentity work across page loads and in a fresh browser, with no alloy warning and no invalid event', async () => {
    const context = await openContext();
    const page = await context.newPage();
    await page.goto(`${site.origin}/home.html`);
    expect(await page.evaluate(() => (window as never as { configured: Promise<string> }).configured)).toBe(
      'ok',
    );
    await alloy(page, 'sendEvent', {
      xdm: { eventType: 'web.webpagedetails.pageViews', web: { webPageDetails: { name: 'home' } } },
    });
    await alloy(page, 'setConsent', {
      consent: [{ standard: 'Adobe', version: '2.0', value: { collect: { val: 'y' } } }],
    });
    const first = ecidOf(await alloy(page, 'getIdentity'));
    expect(first).toMatch(/^\d{38}$/);

    // A later page: alloy reads the ECID from the identity cookie it kept (Adobe's format).
    await page.goto(`${site.origin}/products.html`);
    expect(ecidOf(await alloy(page, 'getIdentity'))).toBe(first);
    await alloy(page, 'sendEvent', { xdm: { eventType: 'commerce.productViews' } });

    // A fresh browser: getIdentity asks /ee/v1/identity/acquire.
    const fresh = await openContext();
    const other = await fresh.newPage();
    await other.goto(`${site.origin}/home.html`);
    const second = ecidOf(await alloy(other, 'getIdentity'));
    expect(second).toMatch(/^\d{38}$/);
    expect(second).not.toBe(first);
    await context.close();
    await fresh.close();

    expect(problems).toEqual([]);
    const { events } = (await getJson(`/api/events?dataStreamId=${DATASTREAM}`)) as { events: Loose[] };
    expect(events.map((event) => event.eventType).sort()).toEqual([
      'commerce.productViews',
      'web.webpagedetails.pageViews',
    ]);
    for (const event of events) {
      expect(event.ecid).toBe(first);
      expect(event.eventId).toMatch(/^[0-9a-f-]{36}$/);
      expect(event.validation.findings.filter((finding: Loose) => finding.severity !== 'warning')).toEqual(
        [],
      );
      expect(event.validation.ok).toBe(true);
    }
    const { items } = (await getJson('/api/consent')) as { items: Loose[] };
    expect(items).toEqual([expect.objectContaining({ ecid: first, general: 'in' })]);
  });
});
