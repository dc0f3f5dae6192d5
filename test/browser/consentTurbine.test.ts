import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/startEmulator';
import { buildTagsLibrary } from '../integration/tags/buildTagsLibrary';
import { packageExtension } from '../integration/tags/packageExtension';
import { launchChromium } from '../support/launchChromium';
import { startRecordingServer, type RecordingServer } from '../support/startRecordingServer';

const DATASTREAM = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
const HARNESS = {
  'fire.js': {
    name: 'fire',
    source:
      'module.exports = function (settings, trigger) { (window.__fire = window.__fire || {})[settings.name] = trigger; };',
  },
};
const action = (path: string, settings: Record<string, unknown>) => ({
  modulePath: `edge-collector/dist/lib/actions/${path}.js`,
  settings,
});
const rule = (name: string, actions: ReturnType<typeof action>[]) => ({
  name,
  events: [{ modulePath: 'harness/fire.js', settings: { name } }],
  actions,
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read deep into answers
type Loose = Record<string, any>;

/** The packaged extension in real Turbine, default consent pending, sending to the emulator. */
describe('consent in a Tags property (real Turbine, headless Chromium, the emulator as the Edge)', () => {
  let browser: Browser;
  let site: RecordingServer;
  let emulator: RunningEmulator;

  beforeAll(async () => {
    const [{ files }, startedSite, startedEmulator, launched] = await Promise.all([
      packageExtension(),
      startRecordingServer(),
      startEmulator({ datastreams: [{ id: DATASTREAM }] }),
      launchChromium(),
    ]);
    [site, emulator, browser] = [startedSite, startedEmulator, launched];
    const library = buildTagsLibrary({
      files,
      settings: { productionDatastreamId: DATASTREAM, edgeUrl: emulator.origin, defaultConsent: 'pending' },
      dataElements: {},
      rules: [
        rule('pageView', [action('sendPageView', { name: 'home' })]),
        rule('consentIn', [action('setConsent', { value: 'in' })]),
        rule('consentOut', [
          action('setConsent', {
            value: 'standards',
            consent: [{ standard: 'Adobe', version: '2.0', value: 'n' }],
          }),
        ]),
      ],
      harness: HARNESS,
    });
    site.serve('/launch.js', 'application/javascript', library);
    site.serve(
      '/page.html',
      'text/html',
      '<!doctype html><html><head><title>Shop</title><script src="/launch.js"></script></head><body>shop</body></html>',
    );
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await emulator?.close();
  });

  /** A visitor: a browser context whose requests to the Edge are logged, in order. */
  async function visitor() {
    const context: BrowserContext = await browser.newContext();
    const wire: Request[] = [];
    context.on('request', (request) => {
      if (request.url().startsWith(emulator.origin) && request.method() === 'POST') wire.push(request);
    });
    const page = await context.newPage();
    return { context, page, wire, paths: () => wire.map((r) => new URL(r.url()).pathname) };
  }
  const open = async (page: Page) => {
    await page.goto(`${site.origin}/page.html`);
    await page.waitForFunction(() => Boolean((window as never as Loose).__fire?.consentOut));
  };
  const fire = (page: Page, name: string) =>
    page.evaluate((rule) => (window as never as Loose).__fire[rule]({}), name);
  const stored = async () =>
    ((await (await fetch(`${emulator.origin}/api/events`)).json()) as Loose).events as Loose[];
  const quiet = (page: Page) => page.waitForTimeout(600);

  it('holds the page view while pending, then sends the consent request and then the page view', async () => {
    const { context, page, wire, paths } = await visitor();
    await open(page);
    await fire(page, 'pageView');
    await quiet(page);
    expect(wire).toEqual([]);

    await fire(page, 'consentIn');
    await expect
      .poll(paths, { timeout: 10_000 })
      .toEqual(['/ee/v1/privacy/set-consent', '/ee/local/v2/interact']);
    const consent = wire[0]!;
    expect(new URL(consent.url()).searchParams.get('configId')).toBe(DATASTREAM);
    expect(consent.headers()['content-type']).toBe('text/plain;charset=UTF-8');
    expect(JSON.parse(consent.postData()!)).toEqual({
      consent: [{ standard: 'Adobe', version: '1.0', value: { general: 'in' } }],
      query: { identity: { fetch: ['ECID'] } },
    });
    const answer = (await (await consent.response())!.json()) as Loose;
    expect(answer.handle.find((h: Loose) => h.type === 'state:store').payload).toContainEqual(
      expect.objectContaining({ value: 'general=in' }),
    );
    // The page view went after the consent request, as the same visitor (the cookies came back in meta.state).
    const pageView = JSON.parse(wire[1]!.postData()!);
    expect(pageView.meta.state.entries.map((e: Loose) => e.key)).toContain(
      'kndctr_EMULATOR00000000000000000_AdobeOrg_consent',
    );
    // The wire shows the request as it leaves, before the emulator has kept it: waited for, not raced.
    const pageViewId = new URL(wire[1]!.url()).searchParams.get('requestId');
    await expect
      .poll(async () => (await stored()).some((e) => e.requestId === pageViewId), { timeout: 10_000 })
      .toBe(true);
    await context.close();
  });

  it('lets nothing but the consent request leave after an opt-out, and remembers it on the next page load', async () => {
    const { context, page, wire, paths } = await visitor();
    await open(page);
    await fire(page, 'pageView');
    await fire(page, 'consentOut');
    await expect.poll(paths, { timeout: 10_000 }).toEqual(['/ee/v1/privacy/set-consent']);
    await fire(page, 'pageView');
    await quiet(page);
    expect(paths()).toEqual(['/ee/v1/privacy/set-consent']);
    const { items } = (await (await fetch(`${emulator.origin}/api/consent`)).json()) as { items: Loose[] };
    expect(items[0]).toMatchObject({
      general: 'out',
      requestId: new URL(wire[0]!.url()).searchParams.get('requestId'),
    });

    // The next page load: the stored decision holds, and the same decision posts nothing again.
    await open(page);
    await fire(page, 'pageView');
    await fire(page, 'consentOut');
    await fire(page, 'pageView');
    await quiet(page);
    expect(paths()).toEqual(['/ee/v1/privacy/set-consent']);
    await context.close();
  });
});
