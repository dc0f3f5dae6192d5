import { readFileSync } from 'node:fs';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/startEmulator';
import { launchChromium } from '../support/launchChromium';
import { startRecordingServer, type RecordingServer } from '../support/startRecordingServer';
import { serveBuiltScripts, STANDALONE_SCRIPTS } from '../support/serveBuiltScripts';

const DATASTREAM = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
// The standalone script and every add-on it loads from its folder, as a site deploys them.
const SCRIPTS = STANDALONE_SCRIPTS;
/** A TCF 2.0 core segment whose visitor refused purpose 1: version 2 ("C" = 000010), every other bit zero. */
const TC_WITHOUT_PURPOSE_ONE = `C${'A'.repeat(39)}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the page's API is untyped here
type Loose = Record<string, any>;
const call = (page: Page, command: string, options?: unknown) =>
  page.evaluate(
    ([name, value]) =>
      (window as never as Loose)
        .edgeCollector(name, value)
        .then(() => 'ok')
        .catch((error: Loose) => `${error.code}: ${error.message}`),
    [command, options] as const,
  );

describe('setConsent in the standalone script (headless Chromium, the emulator as the Edge)', () => {
  let browser: Browser;
  let site: RecordingServer;
  let emulator: RunningEmulator;

  beforeAll(async () => {
    [site, emulator, browser] = await Promise.all([
      startRecordingServer(),
      startEmulator({ datastreams: [{ id: DATASTREAM }] }),
      launchChromium(),
    ]);
    serveBuiltScripts(site, SCRIPTS);
    // A folder with the core script only: the add-on's address answers with something else.
    site.serve('/bare/edge-collector.min.js', 'text/javascript', readFileSync(SCRIPTS[0]!));
    site.serve(
      '/bare.html',
      'text/html',
      `<!doctype html><html><head><script src="/bare/edge-collector.min.js"></script>
      <script>edgeCollector('configure', { datastreamId: '${DATASTREAM}', edgeUrl: '${emulator.origin}' });</script>
      </head><body>bare</body></html>`,
    );
    site.serve(
      '/page.html',
      'text/html',
      `<!doctype html><html><head><title>Standalone consent</title>
      <script>${readFileSync('src/browser/snippet.js', 'utf8')}</script>
      <script async src="/js/edge-collector.min.js"></script>
      <script>edgeCollector('configure', { datastreamId: '${DATASTREAM}', edgeUrl: '${emulator.origin}', defaultConsent: 'pending' });</script>
      </head><body>consent</body></html>`,
    );
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await emulator?.close();
  });

  async function visitor() {
    const context = await browser.newContext();
    const wire: Request[] = [];
    const addOns: string[] = [];
    context.on('request', (request) => {
      if (request.url().startsWith(emulator.origin) && request.method() === 'POST') wire.push(request);
      if (request.url().endsWith('edge-collector.consent.min.js')) addOns.push(request.url());
    });
    const page = await context.newPage();
    await page.goto(`${site.origin}/page.html`);
    return { context, page, wire, addOns, paths: () => wire.map((r) => new URL(r.url()).pathname) };
  }

  it('loads the consent add-on once, posts the consent and then the held page view', async () => {
    const { context, page, addOns, paths } = await visitor();
    const pageView = page.evaluate(() => (window as never as Loose).edgeCollector('sendPageView'));
    await page.waitForTimeout(500);
    expect(paths()).toEqual([]);
    expect(addOns).toEqual([]);
    expect(await call(page, 'setConsent', 'in')).toBe('ok');
    await pageView;
    expect(paths()).toEqual(['/ee/v1/privacy/set-consent', '/ee/local/v2/interact']);
    expect(addOns).toHaveLength(1);

    // The next page load with the same decision: no add-on, no consent request, the page view goes.
    await page.reload();
    expect(await call(page, 'setConsent', 'in')).toBe('ok');
    expect(await call(page, 'sendPageView')).toBe('ok');
    expect(paths()).toEqual(['/ee/v1/privacy/set-consent', '/ee/local/v2/interact', '/ee/local/v2/interact']);
    expect(addOns).toHaveLength(1);
    await context.close();
  });

  it("follows the Edge Network's reading of an IAB TCF string, and refuses an unknown standard", async () => {
    const { context, page, paths } = await visitor();
    expect(
      await call(page, 'setConsent', {
        consent: [{ standard: 'IAB TCF', version: '2.0', value: TC_WITHOUT_PURPOSE_ONE, gdprApplies: true }],
      }),
    ).toBe('ok');
    expect(await call(page, 'sendPageView')).toBe('ok');
    await page.waitForTimeout(300);
    expect(paths()).toEqual(['/ee/v1/privacy/set-consent']);
    expect(
      await call(page, 'setConsent', { consent: [{ standard: 'TCF', version: '2.0', value: 'x' }] }),
    ).toMatch(/^invalid-options: setConsent: consent\[0\]\.standard "TCF" is not a consent standard/);
    expect(paths()).toEqual(['/ee/v1/privacy/set-consent']);
    await context.close();
  });

  it('holds an opt-out even when the add-on cannot load, and says why the post failed', async () => {
    const { context, page, paths } = await visitor();
    await page.goto(`${site.origin}/bare.html`);
    expect(await call(page, 'setConsent', 'out')).toMatch(
      /^network: could not load edge-collector\.consent\.min\.js from the folder of the collector script/,
    );
    expect(await page.evaluate(() => (window as never as Loose).edgeCollector('sendPageView'))).toMatchObject(
      {
        warnings: ['consent is out: the event was not sent'],
      },
    );
    expect(paths()).toEqual([]);
    await context.close();
  });
});
