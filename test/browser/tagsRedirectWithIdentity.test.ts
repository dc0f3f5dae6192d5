import type { Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAdobeMc } from '../../src/core/adobeMc';
import { decodeIdentityCookie } from '../../src/emulator/edge/identityCookie';
import { startEmulator, type RunningEmulator } from '../../src/emulator/startEmulator';
import { buildTagsLibrary } from '../integration/tags/buildTagsLibrary';
import { HARNESS } from '../integration/tags/harness';
import { packageExtension } from '../integration/tags/packageExtension';
import { launchChromium } from '../support/launchChromium';
import { TAGS_DATASTREAM } from '../support/openTagsSite';
import { startRecordingServer, type RecordingServer } from '../support/startRecordingServer';

const ORG = '53A16ACB5CC1D3760A495C99@AdobeOrg';
const MODULE = 'edge-collector/dist/lib';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- request and answer bodies are read loosely
type Loose = Record<string, any>;

// A Core "Click" event as Turbine hands it to actions: the clicked link and the browser's event.
const CLICK = {
  name: 'click',
  source:
    "module.exports = function (settings, trigger) { document.addEventListener('click', function (event) { var link = event.target.closest('a[href]'); if (link) trigger({ element: link, target: link, nativeEvent: event }); }); };",
};

/** The ECID of an Edge Network answer (`identity:result`). */
const ecidOf = (answer: Loose | undefined): string | undefined =>
  answer?.handle
    ?.find((h: Loose) => h.type === 'identity:result')
    ?.payload.find((p: Loose) => p.namespace.code === 'ECID')?.id;

/** A browser context whose requests to the emulator are listed, each with its answer read as it arrives (a page that navigates away takes its bodies along). */
async function visitor(browser: Browser, emulatorOrigin: string) {
  const context = await browser.newContext();
  const wire: Request[] = [];
  const answers = new Map<Request, Promise<Loose | undefined>>();
  context.on('request', (request) => {
    if (request.url().startsWith(emulatorOrigin) && request.method() === 'POST') wire.push(request);
  });
  context.on('response', (response) => {
    if (wire.includes(response.request()))
      answers.set(
        response.request(),
        response.json().catch(() => undefined),
      );
  });
  const answeredEcid = async (request: Request) => {
    await expect.poll(() => answers.has(request)).toBe(true);
    return ecidOf(await answers.get(request));
  };
  return { context, page: await context.newPage(), wire, answeredEcid };
}

/**
 * Issue 20, point 2, in real Turbine: one Tags property on two sites of one organization, two
 * origins of this machine (127.0.0.1 and localhost: their cookies and storage are apart, as two
 * domains' are), the emulator as the Edge Network. Adobe's reference is alloy's test C5594865
 * ("Identity maintained across domains via adobe_mc"): the landing page's first request names
 * the ECID of the link in its identity map, and the Edge Network keeps it.
 */
describe('Redirect with identity in Turbine (headless Chromium, the emulator as the Edge)', () => {
  let browser: Browser;
  let site: RecordingServer;
  let emulator: RunningEmulator;

  beforeAll(async () => {
    const [{ files }, startedSite, startedEmulator, launched] = await Promise.all([
      packageExtension(),
      startRecordingServer(),
      startEmulator({ datastreams: [{ id: TAGS_DATASTREAM, orgId: ORG }] }),
      launchChromium(),
    ]);
    [site, emulator, browser] = [startedSite, startedEmulator, launched];
    const library = buildTagsLibrary({
      files,
      settings: {
        productionDatastreamId: TAGS_DATASTREAM,
        edgeUrl: emulator.origin,
        orgId: ORG,
        webVitals: false,
      },
      dataElements: {},
      rules: [
        {
          name: 'pageView',
          events: [{ modulePath: 'harness/fire.js', settings: { name: 'pageView' } }],
          actions: [{ modulePath: `${MODULE}/actions/sendPageView.js`, settings: {} }],
        },
        {
          name: 'to the other site',
          events: [{ modulePath: 'harness/click.js', settings: {} }],
          actions: [{ modulePath: `${MODULE}/actions/redirectWithIdentity.js`, settings: {} }],
        },
      ],
      harness: { ...HARNESS, 'click.js': CLICK },
    });
    const port = new URL(site.origin).port;
    const page = (body: string) =>
      `<!doctype html><html><head><title>Shop</title><script src="/launch.js"></script></head><body>${body}</body></html>`;
    site.serve('/launch.js', 'application/javascript', library);
    site.serve(
      '/page.html',
      'text/html',
      page(`<a id="go" href="http://localhost:${port}/landing.html?from=a#top">shop</a>`),
    );
    site.serve('/landing.html', 'text/html', page('<p>landing</p>'));
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await emulator?.close();
  });

  it('carries the ECID to the other site, whose first request names it, and the Edge Network keeps it', async () => {
    const { context, page, wire, answeredEcid } = await visitor(browser, emulator.origin);
    await page.goto(`${site.origin}/page.html`);
    await page.waitForFunction(() => Boolean((window as never as Loose).__fire?.pageView));

    // No ECID known yet on the first site: the action asks the Edge Network for one first.
    await page.click('#go');
    await page.waitForURL(/^http:\/\/localhost:\d+\/landing\.html/);
    expect(wire.map((request) => new URL(request.url()).pathname)).toEqual(['/ee/v1/identity/acquire']);
    // The answer left with the page; the identity cookie it set on the first site names its ECID.
    const cookies = await context.cookies(site.origin);
    const identity = cookies.find(
      (cookie) => cookie.name === 'kndctr_53A16ACB5CC1D3760A495C99_AdobeOrg_identity',
    );
    const ecid = decodeIdentityCookie(identity?.value);
    expect(ecid).toMatch(/^\d{38}$/);
    const landed = new URL(page.url());
    // The link as it was, with adobe_mc for this org before its fragment.
    expect(landed.searchParams.get('from')).toBe('a');
    expect(landed.hash).toBe('#top');
    expect(readAdobeMc(landed.search, ORG, Date.now())).toBe(ecid);

    // The landing page, another origin with nothing of the first one's storage or cookies.
    await page.waitForFunction(() => Boolean((window as never as Loose).__fire?.pageView));
    await page.evaluate(() => (window as never as Loose).__fire.pageView({}));
    await expect.poll(() => wire.length, { timeout: 10_000 }).toBe(2);
    const first = wire[1]!;
    expect(new URL(first.url()).pathname).toBe('/ee/v2/interact');
    const body = JSON.parse(first.postData()!) as Loose;
    expect(body.event.xdm.identityMap.ECID).toEqual([{ id: ecid, authenticatedState: 'ambiguous' }]);
    // It carried no identity state of its own: the ECID can only have come from the link.
    expect(JSON.stringify(body.meta ?? {})).not.toContain('_identity');
    expect(await answeredEcid(first)).toBe(ecid);
    await context.close();
  });

  it('uses the ECID the first site already has, with no identity request', async () => {
    const { context, page, wire, answeredEcid } = await visitor(browser, emulator.origin);
    await page.goto(`${site.origin}/page.html`);
    await page.waitForFunction(() => Boolean((window as never as Loose).__fire?.pageView));
    await page.evaluate(() => (window as never as Loose).__fire.pageView({}));
    await expect.poll(() => wire.length, { timeout: 10_000 }).toBe(1);
    const ecid = await answeredEcid(wire[0]!);
    await page.click('#go');
    await page.waitForURL(/^http:\/\/localhost:\d+\/landing\.html/);
    expect(wire.map((request) => new URL(request.url()).pathname)).toEqual(['/ee/v2/interact']);
    expect(readAdobeMc(new URL(page.url()).search, ORG, Date.now())).toBe(ecid);
    await context.close();
  });
});
