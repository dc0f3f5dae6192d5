import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../integration/tags/packageExtension';
import { launchChromium } from '../support/launchChromium';
import { openTagsSite, TAGS_DATASTREAM, type TagsSite } from '../support/openTagsSite';
import type { RecordingServer } from '../support/startRecordingServer';

const EMAIL = 'Ada.Lovelace@Example.com';
const DIGEST = createHash('sha256').update(EMAIL.trim().toLowerCase()).digest('hex');

describe('the packaged extension in Turbine (headless Chromium)', () => {
  let site: TagsSite;
  let server: RecordingServer;
  let page: Page;
  // Errors only: the debug log of Tags is on.
  const consoleErrors = () => site.consoleMessages.filter((line) => /^(error|pageerror):/.test(line));

  beforeAll(async () => {
    site = await openTagsSite({
      settings: {
        developmentDatastreamId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
        edgeBasePath: 'ee',
        debug: false,
      },
      dataElements: {
        'user email': { modulePath: 'harness/constant.js', settings: { value: EMAIL } },
        'last request id': {
          modulePath: 'edge-collector/dist/lib/dataElements/lastRequestId.js',
          settings: {},
        },
      },
      rules: [
        {
          name: 'Page view with e-mail',
          events: [{ modulePath: 'harness/fire.js', settings: { name: 'pageView' } }],
          actions: [
            {
              modulePath: 'edge-collector/dist/lib/actions/sendPageView.js',
              settings: {
                name: 'home',
                email: '%user email%',
                xdm: { web: { webPageDetails: { siteSection: 'shop' } } },
              },
              // As the Tags UI saves "Wait to run next action": Turbine awaits the action's promise.
              delayNext: true,
              timeout: 10_000,
            },
            // Runs only once the send resolved: by then the answer's requestId is the last one.
            {
              modulePath: 'harness/record.js',
              settings: { step: 'after send page view', last: '%last request id%' },
            },
          ],
        },
        {
          name: 'Edge answers',
          events: [{ modulePath: 'edge-collector/dist/lib/events/edgeResponseReceived.js', settings: {} }],
          actions: [
            {
              modulePath: 'harness/record.js',
              settings: {
                step: 'edge response',
                requestId: '%event.requestId%',
                handle: '%event.handle%',
                last: '%last request id%',
              },
            },
          ],
        },
      ],
      debug: true,
    });
    ({ server, page } = site);
  });

  afterAll(async () => {
    await site?.close();
  });

  it('sends the page view with the hashed e-mail from a data element token, and no plain address', async () => {
    await page.waitForFunction(() =>
      Boolean((window as unknown as { __fire?: Record<string, unknown> }).__fire?.pageView),
    );
    await page.evaluate(() =>
      (window as unknown as { __fire: Record<string, (detail?: unknown) => void> }).__fire.pageView!(),
    );
    const [request] = await server.waitFor(1, (r) => r.url.pathname === '/ee/v2/interact');
    expect(request!.method).toBe('POST');
    expect(request!.url.searchParams.get('dataStreamId')).toBe(TAGS_DATASTREAM);
    const body = JSON.parse(request!.body);
    expect(body.event.xdm.identityMap.Email_LC_SHA256[0]).toMatchObject({ id: DIGEST, primary: true });
    expect(body.event.xdm.eventType).toBe('web.webpagedetails.pageViews');
    expect(body.event.xdm.web.webPageDetails).toMatchObject({
      name: 'home',
      siteSection: 'shop',
      pageViews: { value: 1 },
    });
    expect(body.event.xdm.implementationDetails.name).toBe(
      'https://www.npmjs.com/package/edge-collector#tags',
    );
    expect(request!.body.toLowerCase()).not.toContain(EMAIL.toLowerCase());
    expect(request!.body.toLowerCase()).not.toContain('example.com');
  });

  it('runs the Edge response received rule with the requestId, and Last request ID agrees', async () => {
    const [request] = server.requests.filter((r) => r.url.pathname === '/ee/v2/interact');
    const requestId = request!.url.searchParams.get('requestId');
    await page.waitForFunction(() =>
      ((window as unknown as { __seen?: Array<{ step: string }> }).__seen ?? []).some(
        (s) => s.step === 'edge response',
      ),
    );
    const seen = await page.evaluate(
      () => (window as unknown as { __seen: Array<Record<string, unknown>> }).__seen,
    );
    const answer = seen.find((entry) => entry.step === 'edge response')!;
    expect(answer.requestId).toBe(requestId);
    expect(answer.last).toBe(requestId);
    expect(answer.handle).toEqual([]);
    // Without delayNext the next action runs at once, before any answer, and sees no request id.
    const after = seen.find((entry) => entry.step === 'after send page view');
    expect(after).toMatchObject({ last: requestId });
  });

  it('logged no error (Tags debugging on)', () => {
    expect(consoleErrors()).toEqual([]);
  });
});

const BRIDGE_URL = 'https://assets.adobedtm.com/activation/reactor/extensionbridge/extensionbridge.min.js';
const VIEWS_ORIGIN = 'https://views.test';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

describe('a built view in headless Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('loads the bridge from the CDN address, registers, renders Spectrum fields and shows errors beside them', async () => {
    const context = await browser.newContext({ viewport: { width: 760, height: 900 } });
    // The CDN address serves the same file as the installed @adobe/reactor-bridge; everything else external is refused.
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.href === BRIDGE_URL)
        return route.fulfill({
          contentType: 'text/javascript',
          body: readFileSync(join(ROOT, 'node_modules/@adobe/reactor-bridge/dist/extensionbridge.min.js')),
        });
      const file = join(ROOT, 'dist/views', url.pathname);
      if (url.origin === VIEWS_ORIGIN && existsSync(file)) {
        return route.fulfill({
          contentType: TYPES[extname(url.pathname)] ?? 'application/octet-stream',
          body: readFileSync(file),
        });
      }
      return route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${VIEWS_ORIGIN}/configuration.html`);
    // Outside Tags the bridge child never loads; the loader keeps the view's calls in its queue.
    type Queued = { methodName: string; args: Array<{ init(info: unknown): void; validate(): boolean }> };
    type Loader = { extensionBridge?: { _callQueue?: Queued[] } };
    await page.waitForFunction(() =>
      (window as unknown as Loader).extensionBridge?._callQueue?.some(
        (call) => call.methodName === 'register',
      ),
    );
    const valid = await page.evaluate(() => {
      const methods = (window as unknown as Loader).extensionBridge!._callQueue!.find(
        (call) => call.methodName === 'register',
      )!.args[0]!;
      methods.init({
        settings: { productionDatastreamId: 'not-a-datastream', edgeUrl: '%edge host%', debug: true },
      });
      return methods.validate();
    });
    expect(valid).toBe(false);
    const error = page.locator('[data-field="productionDatastreamId"] .ec-error');
    await expect(error.isVisible()).resolves.toBe(true);
    expect(await error.textContent()).toMatch(/Enter a datastream ID/);
    // Spectrum's tokens are loaded: labels use Spectrum's font size and inputs its border.
    const borderWidth = await page
      .locator('#' + (await page.locator('[data-field="edgeUrl"] input').getAttribute('id')))
      .evaluate((input) => getComputedStyle(input).borderTopWidth);
    expect(borderWidth).not.toBe('2px');
    if (process.env.VIEW_SCREENSHOT)
      await page.screenshot({ path: process.env.VIEW_SCREENSHOT, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('B5: draws a visible border around the selects', async () => {
    const context = await browser.newContext();
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      const file = join(ROOT, 'dist/views', url.pathname);
      if (url.origin === VIEWS_ORIGIN && existsSync(file))
        return route.fulfill({
          contentType: TYPES[extname(url.pathname)] ?? 'text/plain',
          body: readFileSync(file),
        });
      return route.abort();
    });
    const page = await context.newPage();
    await page.goto(`${VIEWS_ORIGIN}/streamRecord.html`);
    const border = await page.locator('[data-field="dataType"] select').evaluate((select) => {
      const style = getComputedStyle(select);
      return { width: style.borderTopWidth, color: style.borderTopColor };
    });
    expect(border.width).not.toBe('0px');
    expect(border.color).not.toBe('rgba(0, 0, 0, 0)');
    await context.close();
  });
});
