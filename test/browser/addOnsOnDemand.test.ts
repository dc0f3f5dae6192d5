import { createHash } from 'node:crypto';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromiumOptions.mjs';
import { startRecordingServer, type RecordingServer } from '../support/startRecordingServer';
import { serveBuiltScripts, STANDALONE_SCRIPTS } from '../support/serveBuiltScripts';

const DATASTREAM = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
const ADDRESS = 'Grace.Hopper@Example.COM';
const DIGEST = createHash('sha256').update(ADDRESS.toLowerCase()).digest('hex');
const IDENTITY = 'kndctr_5BFE274A5F6980A50A495C08_AdobeOrg_identity';
// A name that is not loopback makes a plain-http page an insecure context: no WebCrypto there.
const PLAIN_HTTP_HOST = 'shop.test';

let site: RecordingServer;
let browser: Browser;
type Loose = { edgeCollector: (command: string, options?: unknown) => Promise<unknown> };

beforeAll(async () => {
  site = await startRecordingServer();
  serveBuiltScripts(site, STANDALONE_SCRIPTS, '/js');
  // The same scripts on a site that does not host the add-ons, and on one that lacks link tracking's.
  serveBuiltScripts(site, ['dist/edge-collector.min.js'], '/bare');
  serveBuiltScripts(
    site,
    STANDALONE_SCRIPTS.filter((script) => !script.includes('linkClicks')),
    '/nolinks',
  );
  // Its missing add-on answered as a site's error page (not from the planned replies, which answer the Edge's requests).
  site.serve('/nolinks/edge-collector.linkClicks.min.js', 'text/html', '<h1>Not found</h1>');
  for (const folder of ['js', 'bare', 'nolinks'])
    site.serve(
      `/${folder}.html`,
      'text/html',
      `<!doctype html><title>Shop</title><script src="/${folder}/edge-collector.min.js"></script>`,
    );
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${PLAIN_HTTP_HOST} 127.0.0.1`],
  });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Opens `path` at `origin` and records the add-ons the page asks for. */
async function open(origin: string, path: string): Promise<{ page: Page; addOns: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // The bodies the page hands to `fetch`, in the order it does.
  await page.addInitScript(() => {
    const handed: unknown[] = ((window as never as { handed: unknown[] }).handed = []);
    const fetch = window.fetch;
    window.fetch = (input, init) => (handed.push(init?.body), fetch(input, init));
  });
  const addOns: string[] = [];
  page.on('request', (request) => {
    const name = /edge-collector\.(\w+)\.min\.js$/.exec(request.url())?.[1];
    if (name) addOns.push(name);
  });
  await page.goto(`${origin}${path}`);
  return { page, addOns };
}

/** Runs `edgeCollector(command, options)` in the page: its result, or its rejection's `code: message`. */
const call = (page: Page, command: string, options?: unknown) =>
  page.evaluate(
    ([command, options]) =>
      (window as never as Loose).edgeCollector(command, options).then(
        (result) => result,
        (error: { code: string; message: string }) => `${error.code}: ${error.message}`,
      ),
    [command, options] as const,
  );

const interacts = () => site.requests.filter((request) => request.url.pathname.endsWith('/interact'));

describe('add-ons loaded on demand (headless Chromium)', () => {
  it('hashes through WebCrypto on a secure page: neither the sha256 nor the messages add-on is requested', async () => {
    const { page, addOns } = await open(site.origin, '/js.html');
    const before = interacts().length;
    await call(page, 'configure', {
      datastreamId: DATASTREAM,
      edgeUrl: site.origin,
      clickCollectionEnabled: false,
    });
    // The state writer is asked for at configure, before any answer (every answer sets state).
    await expect.poll(() => addOns).toEqual(['state']);
    await call(page, 'sendPageView', { email: ADDRESS });
    const [request] = interacts().slice(before);
    expect(JSON.parse(request!.body).event.xdm.identityMap.Email_LC_SHA256[0].id).toBe(DIGEST);
    expect(addOns).toEqual(['state']);
    await page.context().close();
  });

  it('loads one script for link tracking and the cookie writer on a default page; the state add-on where that one is missing', async () => {
    const state = {
      status: 200,
      body: {
        handle: [{ type: 'state:store', payload: [{ key: IDENTITY, value: 'CiY0MTg2', maxAge: 3600 }] }],
      },
    };
    for (const [folder, expected] of [
      ['js', ['linkClicks']],
      ['nolinks', ['linkClicks', 'state']],
    ] as const) {
      const { page, addOns } = await open(site.origin, `/${folder}.html`);
      await call(page, 'configure', { datastreamId: DATASTREAM, edgeUrl: site.origin });
      site.replies.push(state);
      await call(page, 'sendPageView');
      // The answer's caller hears it once its cookies are written.
      expect(await page.evaluate(() => document.cookie)).toContain(`${IDENTITY}=CiY0MTg2`);
      await page.waitForTimeout(300);
      expect(addOns).toEqual(expected);
      await page.context().close();
    }
  });

  it('loads the sha256 add-on once on a plain-http page, and keeps the order of sends', async () => {
    const origin = site.origin.replace('127.0.0.1', PLAIN_HTTP_HOST);
    const { page, addOns } = await open(origin, '/js.html');
    expect(await page.evaluate(() => isSecureContext)).toBe(false);
    const before = interacts().length;
    await call(page, 'configure', {
      datastreamId: DATASTREAM,
      edgeUrl: origin,
      clickCollectionEnabled: false,
    });
    await page.evaluate(
      ([address]) => {
        const api = (window as never as Loose).edgeCollector;
        return Promise.all([
          api('sendEvent', { eventType: 'first', email: address }),
          api('sendEvent', { eventType: 'second' }),
          api('sendEvent', { eventType: 'third', email: address }),
        ]);
      },
      [ADDRESS],
    );
    // In the order the collector handed them to `fetch` (parallel connections may deliver them in another).
    const handed = await page.evaluate(() => (window as never as { handed: string[] }).handed);
    expect(
      handed.filter((body) => typeof body === 'string').map((body) => JSON.parse(body).event.xdm.eventType),
    ).toEqual(['first', 'second', 'third']);
    const sent = interacts()
      .slice(before)
      .map((request) => JSON.parse(request.body).event.xdm);
    expect(sent.map((xdm) => xdm.eventType).sort()).toEqual(['first', 'second', 'third']);
    expect(sent[0].identityMap.Email_LC_SHA256[0].id).toBe(DIGEST);
    expect(sent[2].identityMap.Email_LC_SHA256[0].id).toBe(DIGEST);
    expect(JSON.stringify(sent).toLowerCase()).not.toContain(ADDRESS.toLowerCase());
    expect([...addOns].sort()).toEqual(['sha256', 'state']);
    await page.context().close();
  });

  it('explains a refused configuration with the messages add-on, requested only then', async () => {
    const { page, addOns } = await open(site.origin, '/js.html');
    expect(await call(page, 'configure', { datastreamId: 'my-stream' })).toBe(
      'invalid-config: datastreamId "my-stream" is not a datastream ID: copy its UUID from Data Collection > Datastreams',
    );
    expect(addOns).toEqual(['messages']);
    expect(
      await call(page, 'configure', {
        datastreamId: DATASTREAM,
        maxAttempts: 99,
        clickCollectionEnabled: false,
      }),
    ).toBe('invalid-config: maxAttempts must be a whole number from 1 to 20, not 99');
    expect(addOns).toEqual(['messages']);
    await page.context().close();
  });

  it('checks a non-default delivery setting with the messages add-on before the first send; without it, stays unconfigured', async () => {
    const { page, addOns } = await open(site.origin, '/js.html');
    const before = interacts().length;
    // Called together, as a snippet replays them: the page view waits for the checked configuration.
    const results = await page.evaluate(
      ([datastreamId, edgeUrl]) => {
        const api = (window as never as Loose).edgeCollector;
        const settle = (promise: Promise<unknown>) =>
          promise.then(
            () => 'ok',
            (error: { code: string }) => error.code,
          );
        return Promise.all([
          settle(api('configure', { datastreamId, edgeUrl, maxAttempts: 3, clickCollectionEnabled: false })),
          settle(api('sendPageView')),
        ]);
      },
      [DATASTREAM, site.origin],
    );
    expect(results).toEqual(['ok', 'ok']);
    await expect.poll(() => addOns).toEqual(['messages', 'state']);
    expect(interacts().length).toBe(before + 1);
    await page.context().close();

    const bare = await open(site.origin, '/bare.html');
    expect(await call(bare.page, 'configure', { datastreamId: DATASTREAM, maxQueueSize: 10 })).toMatch(
      /^network: could not load edge-collector\.messages\.min\.js/,
    );
    expect(await call(bare.page, 'sendPageView')).toMatch(/^not-configured: /);
    await bare.page.context().close();
  });

  it('names the setting where the site does not host the add-ons, and asks for a missing add-on once', async () => {
    const { page, addOns } = await open(site.origin, '/bare.html');
    expect(await call(page, 'configure', { datastreamId: 'my-stream' })).toBe(
      'invalid-config: datastreamId is invalid',
    );
    await call(page, 'configure', {
      datastreamId: DATASTREAM,
      edgeUrl: site.origin,
      clickCollectionEnabled: false,
    });
    // Three answers that set state: the state add-on, asked for at configure, is not asked for again.
    const state = {
      status: 200,
      body: {
        handle: [{ type: 'state:store', payload: [{ key: IDENTITY, value: 'CiY0MTg2', maxAge: 3600 }] }],
      },
    };
    site.replies.push(state, state, state);
    for (let i = 0; i < 3; i++) await call(page, 'sendPageView');
    await page.waitForTimeout(300);
    expect(addOns).toEqual(['messages', 'state']);
    await page.context().close();
  });
});
