import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromiumOptions.mjs';
import { startRecordingServer, type RecordingServer } from '../support/startRecordingServer';
import { datastream, deliveryPage, interacts } from './deliveryPage';
import { serveBuiltScripts, STANDALONE_SCRIPTS } from '../support/serveBuiltScripts';

// Issue 18 point 10: state cookies on the registrable domain, so www. and cart. share one ECID.
let server: RecordingServer;
let browser: Browser;
const IDENTITY = 'kndctr_5BFE274A5F6980A50A495C08_AdobeOrg_identity';

beforeAll(async () => {
  server = await startRecordingServer();
  // The standalone script and the add-ons it loads from its folder, as a site deploys them.
  serveBuiltScripts(server, STANDALONE_SCRIPTS, '');
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP *.site.test 127.0.0.1'],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('state cookies (Chromium)', () => {
  it('are shared by www. and cart. of one site: one identity cookie, sent back from both', async () => {
    const id = datastream(200);
    const port = new URL(server.origin).port;
    const site = (host: string) => `http://${host}.site.test:${port}`;
    server.serve('/c.html', 'text/html', deliveryPage({ datastreamId: id, edgeUrl: server.origin }));
    server.replies.push({
      status: 200,
      body: {
        handle: [{ type: 'state:store', payload: [{ key: IDENTITY, value: 'CiY0MTg2', maxAge: 3600 }] }],
      },
    });
    const context = await browser.newContext();
    // The add-on that writes the cookies (link tracking's on this default page, or the state
    // add-on) arrives well after the answer (a slow network).
    await context.route(/edge-collector\.(linkClicks|state)\.min\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(`${site('www')}/c.html`);
    await page.evaluate(() => (window as never as { send(d: unknown): Promise<unknown> }).send({ n: 1 }));
    // Left as soon as the send resolves, as a redirect page does: the first answer's cookies are
    // written by then, though the add-on that writes them arrives only after the answer.
    await page.goto(`${site('cart')}/c.html`);
    expect(await page.evaluate(() => document.cookie)).toContain(`${IDENTITY}=CiY0MTg2`);
    await page.evaluate(() => (window as never as { send(d: unknown): Promise<unknown> }).send({ n: 2 }));
    const [, fromCart] = await server.waitFor(
      2,
      (r) => interacts(r) && r.url.searchParams.get('dataStreamId') === id,
    );
    expect(JSON.parse(fromCart!.body).meta.state.entries).toEqual([{ key: IDENTITY, value: 'CiY0MTg2' }]);
    const cookies = await context.cookies();
    expect(cookies.filter((c) => c.name === IDENTITY).map((c) => c.domain)).toEqual(['.site.test']);
    await context.close();
  });
});
