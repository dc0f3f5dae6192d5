import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryInput } from '../integration/tags/buildTagsLibrary';
import { openTagsSite, type TagsSite } from '../support/openTagsSite';
import type { RecordedRequest, RecordingServer } from '../support/startRecordingServer';

const MODULE = 'edge-collector/dist/lib';

// What a Tags user types in the configuration's "On before event send" field.
const ON_BEFORE_EVENT_SEND = `
if (content.xdm.eventType === 'internal.ping') return false;
if (content.xdm.eventType === 'commerce.productViews') {
  content.xdm.channel = { typeAtSource: 'web' };
  content.data = { fixedBy: 'on before event send', contact: 'Ada.Lovelace@Example.com' };
}
if (content.xdm.eventType === 'broken.rule') {
  content.xdm.eventType = 'half.changed';
  throw new Error('a bug in the callback');
}`;

type Rule = LibraryInput['rules'][number];
const fired = (name: string) => [{ modulePath: 'harness/fire.js', settings: { name } }];
const sendEvent = (settings: Record<string, unknown>) => ({
  modulePath: `${MODULE}/actions/sendEvent.js`,
  settings,
});
const updateVariable = (settings: Record<string, unknown>) => ({
  modulePath: `${MODULE}/actions/updateVariable.js`,
  settings: { name: 'checkout', ...settings },
});

const RULES: Rule[] = [
  {
    name: 'Product added: the price',
    events: fired('price'),
    actions: [updateVariable({ operation: 'set', path: 'commerce.order.priceTotal', value: 19.99 })],
  },
  {
    name: 'Currency known',
    events: fired('currency'),
    actions: [
      updateVariable({ operation: 'merge', value: { commerce: { order: { currencyCode: 'EUR' } } } }),
    ],
  },
  {
    name: 'Checkout: sends the Variable, then it is empty',
    events: fired('checkout'),
    actions: [
      sendEvent({ eventType: 'commerce.purchases', xdm: '%checkout%' }),
      { modulePath: 'harness/record.js', settings: { step: 'after checkout', checkout: '%checkout%' } },
    ],
  },
  {
    name: 'Changed by on-before-send',
    events: fired('view'),
    actions: [sendEvent({ eventType: 'commerce.productViews' })],
  },
  {
    name: 'Cancelled by on-before-send',
    events: fired('ping'),
    actions: [sendEvent({ eventType: 'internal.ping' })],
  },
  { name: 'Callback throws', events: fired('broken'), actions: [sendEvent({ eventType: 'broken.rule' })] },
  { name: 'Marker', events: fired('marker'), actions: [sendEvent({ eventType: 'test.marker' })] },
];

const interact = (request: RecordedRequest) => request.url.pathname === '/ee/v2/interact';
const eventOf = (request: RecordedRequest) => JSON.parse(request.body).event;

describe('Variables, on-before-send and the main module in Turbine (headless Chromium)', () => {
  let site: TagsSite;
  let server: RecordingServer;
  let page: Page;
  let consoleMessages: string[];
  const fire = (name: string) => site.fire(name);

  beforeAll(async () => {
    site = await openTagsSite({
      settings: { webVitals: false, onBeforeEventSend: ON_BEFORE_EVENT_SEND },
      dataElements: {
        checkout: {
          modulePath: `${MODULE}/dataElements/variable.js`,
          settings: { name: 'checkout', clearAfterSend: true },
        },
      },
      rules: RULES,
      debug: true,
    });
    ({ server, page, consoleMessages } = site);
  });

  afterAll(async () => {
    await site?.close();
  });

  it('sends a Variable built by two rules from a third, then empties it', async () => {
    await fire('price');
    await fire('currency');
    await fire('checkout');
    const [request] = await server.waitFor(
      1,
      (r) => interact(r) && eventOf(r).xdm.eventType === 'commerce.purchases',
    );
    expect(eventOf(request!).xdm.commerce).toEqual({ order: { priceTotal: 19.99, currencyCode: 'EUR' } });
    await page.waitForFunction(() =>
      ((window as unknown as { __seen?: Array<{ step: string }> }).__seen ?? []).some(
        (s) => s.step === 'after checkout',
      ),
    );
    const seen = await page.evaluate(
      () => (window as unknown as { __seen: Array<Record<string, unknown>> }).__seen,
    );
    expect(seen.find((entry) => entry.step === 'after checkout')!.checkout).toEqual({});
  });

  it('lets on-before-send change one event and cancel another; the address guard runs after it', async () => {
    await fire('view');
    await fire('ping');
    await fire('marker');
    const [changed] = await server.waitFor(
      1,
      (r) => interact(r) && eventOf(r).xdm.eventType === 'commerce.productViews',
    );
    await server.waitFor(1, (r) => interact(r) && eventOf(r).xdm.eventType === 'test.marker');
    expect(eventOf(changed!).xdm.channel).toEqual({ typeAtSource: 'web' });
    expect(eventOf(changed!).data).toEqual({ fixedBy: 'on before event send', contact: '[redacted-email]' });
    expect(changed!.body.toLowerCase()).not.toContain('ada.lovelace@example.com');
    // The ping was fired before the marker, and the marker arrived: the ping was never sent.
    expect(
      server.requests.filter((r) => interact(r) && eventOf(r).xdm.eventType === 'internal.ping'),
    ).toEqual([]);
  });

  it('sends the event unchanged when the callback throws, and logs the error through Turbine', async () => {
    await fire('broken');
    const [request] = await server.waitFor(
      1,
      (r) => interact(r) && eventOf(r).xdm.eventType === 'broken.rule',
    );
    expect(eventOf(request!).xdm.eventType).toBe('broken.rule');
    expect(server.requests.filter((r) => interact(r) && eventOf(r).xdm.eventType === 'half.changed')).toEqual(
      [],
    );
    expect(consoleMessages).toContainEqual(
      expect.stringMatching(
        /On before event send failed: a bug in the callback; the event is sent unchanged/,
      ),
    );
  });
});

describe('the main module (headless Chromium)', () => {
  it('starts the collector and Web Vitals as the library loads, before any rule fires', async () => {
    // A property with no rule and no data element of this extension: only the main module runs.
    const site = await openTagsSite({ settings: { webVitals: true } });
    try {
      const tab = site.page;
      await tab.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 })));
      // The visitor leaves: the page is hidden, and the vitals measured since load go out.
      await tab.close({ runBeforeUnload: true });
      const [request] = await site.server.waitFor(
        1,
        (r) => interact(r) && eventOf(r).xdm.eventType === 'web.performance.vitals',
      );
      expect(eventOf(request!).data.webVitals.ttfb).toMatchObject({ value: expect.any(Number) });
    } finally {
      await site.close();
    }
  });
});
