import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specViolations } from '../support/edgeNetworkSpec';
import { openTagsSite, TAGS_DATASTREAM, type TagsSite } from '../support/openTagsSite';
import type { RecordedRequest } from '../support/startRecordingServer';

const MODULE = 'edge-collector/dist/lib';
const OTHER_DATASTREAM = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- request bodies are read loosely
type Loose = Record<string, any>;
const bodyOf = (request: RecordedRequest): Loose => JSON.parse(request.body);
const ofType = (eventType: string) => (request: RecordedRequest) =>
  /\/v2\/interact$/.test(request.url.pathname) && bodyOf(request).event.xdm.eventType === eventType;
const fired = (name: string) => [{ modulePath: 'harness/fire.js', settings: { name } }];
const sendEvent = (settings: Record<string, unknown>, delayNext = true) => ({
  modulePath: `${MODULE}/actions/sendEvent.js`,
  settings,
  delayNext,
  timeout: 60_000,
});

describe('datastream configuration overrides in Turbine (headless Chromium)', () => {
  let site: TagsSite;

  beforeAll(async () => {
    site = await openTagsSite({
      settings: {
        // As Adobe's extension saves them: by environment; this library is built for production.
        edgeConfigOverrides: {
          production: { com_adobe_analytics: { reportSuites: ['rs-config'] } },
          staging: { com_adobe_analytics: { reportSuites: ['rs-staging'] } },
        },
      },
      dataElements: {
        'other datastream': {
          modulePath: 'harness/constant.js',
          settings: { value: OTHER_DATASTREAM },
        },
      },
      rules: [
        {
          name: 'Overridden',
          events: fired('overridden'),
          actions: [
            sendEvent({
              eventType: 'test.overridden',
              edgeConfigOverrides: {
                production: {
                  datastreamId: '%other datastream%',
                  com_adobe_experience_platform: { datasets: { event: { datasetId: 'ds-event' } } },
                  com_adobe_analytics: { reportSuites: 'rs-event, rs-global' },
                  com_adobe_identity: { idSyncContainerId: '12' },
                },
              },
            }),
          ],
        },
        { name: 'Plain', events: fired('plain'), actions: [sendEvent({ eventType: 'test.plain' })] },
      ],
    });
    // A visitor the Edge Network already knows: its state goes back as meta.state next to the overrides.
    await site.page.evaluate(() => {
      document.cookie = 'kndctr_ORG_AdobeOrg_identity=known-visitor; path=/';
    });
  });

  afterAll(async () => {
    await site?.close();
  });

  it("sends the action's overrides over the configuration's, to the other datastream, beside meta.state", async () => {
    await site.fire('overridden');
    const [request] = await site.server.waitFor(1, ofType('test.overridden'));
    expect(request!.url.searchParams.get('dataStreamId')).toBe(OTHER_DATASTREAM);
    const body = bodyOf(request!);
    expect(body.meta).toEqual({
      configOverrides: {
        com_adobe_analytics: { reportSuites: ['rs-event', 'rs-global'] },
        com_adobe_experience_platform: { datasets: { event: { datasetId: 'ds-event' } } },
        com_adobe_identity: { idSyncContainerId: 12 },
      },
      sdkConfig: { datastream: { original: TAGS_DATASTREAM } },
      state: { entries: [{ key: 'kndctr_ORG_AdobeOrg_identity', value: 'known-visitor' }] },
    });
    expect(specViolations('SingleEventRequest', body)).toEqual([]);
  });

  it("sends the configuration's overrides of the library's environment with every other event", async () => {
    await site.fire('plain');
    const [request] = await site.server.waitFor(1, ofType('test.plain'));
    expect(request!.url.searchParams.get('dataStreamId')).toBe(TAGS_DATASTREAM);
    expect(bodyOf(request!).meta.configOverrides).toEqual({
      com_adobe_analytics: { reportSuites: ['rs-config'] },
    });
    expect(bodyOf(request!).meta.sdkConfig).toBeUndefined();
  });
});

describe('Send event with "Document will unload" in Turbine (headless Chromium)', () => {
  let site: TagsSite;

  beforeAll(async () => {
    site = await openTagsSite({
      rules: [
        {
          name: 'Leaving: send, then navigate',
          events: fired('leave'),
          actions: [
            sendEvent({ eventType: 'test.leaving', documentUnloading: true }),
            { modulePath: 'harness/navigate.js', settings: { url: '/next.html' } },
          ],
        },
      ],
    });
  });

  afterAll(async () => {
    await site?.close();
  });

  it('hands the event to the browser and lets the rule navigate at once; the event arrives once', async () => {
    // An Edge that answers after the page is gone: a send the rule waited for would hold the navigation.
    site.server.answerDelay = 20_000;
    await Promise.all([site.page.waitForURL('**/next.html', { timeout: 10_000 }), site.fire('leave')]);
    const [request] = await site.server.waitFor(1, ofType('test.leaving'));
    expect(bodyOf(request!).event.xdm.eventType).toBe('test.leaving');
    expect(site.server.requests.filter(ofType('test.leaving'))).toHaveLength(1);
    site.server.answerDelay = 0;
  });
});
