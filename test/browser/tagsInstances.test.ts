import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTagsSite, TAGS_DATASTREAM, type TagsSite } from '../support/openTagsSite';
import type { RecordedRequest } from '../support/startRecordingServer';

const MODULE = 'edge-collector/dist/lib';
const BRAND_DATASTREAM = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- request bodies are read loosely
type Loose = Record<string, any>;
const bodyOf = (request: RecordedRequest): Loose => JSON.parse(request.body);
const ofType = (eventType: string) => (request: RecordedRequest) =>
  /\/v2\/interact$/.test(request.url.pathname) && bodyOf(request).event.xdm.eventType === eventType;
const datastreamOf = (request: RecordedRequest) => request.url.searchParams.get('dataStreamId');
const fired = (name: string) => [{ modulePath: 'harness/fire.js', settings: { name } }];
const sendEvent = (settings: Record<string, unknown>) => ({
  modulePath: `${MODULE}/actions/sendEvent.js`,
  settings,
  delayNext: true,
  timeout: 60_000,
});

describe('two instances in Turbine (headless Chromium)', () => {
  let site: TagsSite;

  beforeAll(async () => {
    site = await openTagsSite({
      debug: true,
      settings: {
        instances: [
          {
            name: 'store',
            productionDatastreamId: TAGS_DATASTREAM,
            // Each instance's code becomes its own function (`instances[].onBeforeEventSend`).
            onBeforeEventSend: 'content.data.instance = "store";',
          },
          {
            name: 'brand',
            productionDatastreamId: BRAND_DATASTREAM,
            onBeforeEventSend: 'content.data.instance = "brand";',
          },
        ],
      },
      rules: [
        // Saved before instances existed: no instanceName, so the first instance.
        { name: 'Store', events: fired('store'), actions: [sendEvent({ eventType: 'test.store' })] },
        {
          name: 'Brand',
          events: fired('brand'),
          actions: [sendEvent({ eventType: 'test.brand', instanceName: 'brand' })],
        },
        {
          name: 'Brand answers',
          events: [
            {
              modulePath: `${MODULE}/events/edgeResponseReceived.js`,
              settings: { instanceName: 'brand' },
            },
          ],
          actions: [{ modulePath: 'harness/record.js', settings: { requestId: '%event.requestId%' } }],
        },
        {
          name: 'Gone',
          events: fired('gone'),
          actions: [sendEvent({ eventType: 'test.gone', instanceName: 'removed' })],
        },
      ],
    });
  });

  afterAll(async () => {
    await site?.close();
  });

  it("sends each action to the datastream of the instance it picks, through that instance's code", async () => {
    await site.fire('store');
    await site.fire('brand');
    const [store] = await site.server.waitFor(1, ofType('test.store'));
    const [brand] = await site.server.waitFor(1, ofType('test.brand'));
    expect(datastreamOf(store!)).toBe(TAGS_DATASTREAM);
    expect(bodyOf(store!).event.data).toEqual({ instance: 'store' });
    expect(datastreamOf(brand!)).toBe(BRAND_DATASTREAM);
    expect(bodyOf(brand!).event.data).toEqual({ instance: 'brand' });
    // Edge response received on the brand instance hears the brand's answer only.
    await site.page.waitForFunction(() => (window as { __seen?: unknown[] }).__seen?.length === 1);
    const seen = await site.page.evaluate(() => (window as unknown as { __seen: unknown[] }).__seen);
    expect(seen).toEqual([{ requestId: brand!.url.searchParams.get('requestId') }]);
  });

  it("gives custom code each instance's command function under its name, as Adobe's extension does", async () => {
    const eventTypes = await site.page.evaluate(async () => {
      type Command = (command: string, options?: unknown) => Promise<unknown>;
      const page = window as unknown as { store: Command; brand: Command };
      await page.brand('sendEvent', { eventType: 'test.global' });
      return [typeof page.store, typeof page.brand];
    });
    expect(eventTypes).toEqual(['function', 'function']);
    const [request] = await site.server.waitFor(1, ofType('test.global'));
    expect(datastreamOf(request!)).toBe(BRAND_DATASTREAM);
    expect(bodyOf(request!).event.data).toEqual({ instance: 'brand' });
  });

  it('logs, naming the instance, an action on an instance the configuration no longer has, and sends nothing', async () => {
    await site.fire('gone');
    await expect
      .poll(() => site.consoleMessages.join('\n'))
      .toMatch(/instance "removed"\) is not configured: there is no instance named "removed"/);
    expect(site.server.requests.filter(ofType('test.gone'))).toHaveLength(0);
  });
});

describe('a configuration saved before instances existed, in Turbine (headless Chromium)', () => {
  let site: TagsSite;

  beforeAll(async () => {
    // The old shape: the settings at the top level, actions without instanceName.
    site = await openTagsSite({
      settings: { onBeforeEventSend: 'content.data.shape = "old";' },
      rules: [{ name: 'Old', events: fired('old'), actions: [sendEvent({ eventType: 'test.old' })] }],
    });
  });

  afterAll(async () => {
    await site?.close();
  });

  it('still sends, to its datastream, through its code', async () => {
    await site.fire('old');
    const [request] = await site.server.waitFor(1, ofType('test.old'));
    expect(datastreamOf(request!)).toBe(TAGS_DATASTREAM);
    expect(bodyOf(request!).event.data).toEqual({ shape: 'old' });
  });
});
