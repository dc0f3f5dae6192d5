import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/core/resolveConfig';
import {
  buildOverriddenRequest,
  checkConfigOverrides,
  withConfigOverrides,
  withEdgeConfigOverrides,
  type OverriddenRequest,
} from '../../../src/core/configOverrides';
import { createCollector } from '../../../src/core/createCollector';
import { recordingPlatform } from './recordingPlatform';
import type { ExperienceEvent } from '../../../src/core/buildExperienceEvent';
import type { Transport } from '../../../src/core/Transport';

const ID = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
const OTHER = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const event = {
  xdm: { _id: 'e-1', eventType: 'test', timestamp: '2026-01-01T00:00:00.000Z' },
} as ExperienceEvent;

describe('checkConfigOverrides', () => {
  it.each([
    [{ datastreamId: 'not-a-uuid' }, 'datastreamId "not-a-uuid" is not a datastream ID'],
    [{ com_adobe_analytics: { reportSuites: 'rs1' } }, 'reportSuites must be a list'],
    [{ com_adobe_identity: { idSyncContainerId: 1.5 } }, 'idSyncContainerId must be a whole number'],
    [{ com_adobe_target: { propertyToken: 7 } }, 'com_adobe_target.propertyToken must be text'],
    [{ analytics: {} }, '"analytics" is not a product of the datastream'],
    [{ com_adobe_target: 'x' }, 'com_adobe_target must be an object'],
  ])('refuses %j, naming the field', (value, message) => {
    expect(() => checkConfigOverrides(value, 'Send event')).toThrow(message);
  });

  it('keeps what Adobe documents', () => {
    const overrides = {
      datastreamId: OTHER,
      com_adobe_experience_platform: { datasets: { event: { datasetId: 'ds' } } },
      com_adobe_analytics: { reportSuites: ['a', 'b'] },
      com_adobe_identity: { idSyncContainerId: 3 },
      com_adobe_target: { propertyToken: 't' },
    };
    expect(checkConfigOverrides(overrides, 'x')).toEqual(overrides);
  });
});

describe('an overridden request', () => {
  const config = resolveConfig({ datastreamId: ID, edgeUrl: 'https://edge.example' });
  const sent: OverriddenRequest[] = [];
  const transport: Transport = async (request) => {
    sent.push(request);
    return { status: 200, body: '{}' };
  };

  it('goes to the other datastream and carries its meta beside the meta.state of the attempt', async () => {
    const request = buildOverriddenRequest(config, event, {
      datastreamId: OTHER,
      com_adobe_analytics: { reportSuites: ['rs'] },
    });
    expect(new URL(request.url).searchParams.get('dataStreamId')).toBe(OTHER);
    // What edgeInteract does at each attempt: the stored body closed with the current meta.state.
    const attempt = { ...request, body: `${request.body.slice(0, -1)},"meta":{"state":{"entries":[]}}}` };
    await withConfigOverrides(transport)(attempt, true);
    expect(JSON.parse(sent[0]!.body).meta).toEqual({
      state: { entries: [] },
      configOverrides: { com_adobe_analytics: { reportSuites: ['rs'] } },
      sdkConfig: { datastream: { original: ID } },
    });
  });

  it('leaves a request without overrides as it is', async () => {
    const request = buildOverriddenRequest(config, event, {});
    expect(request.overrideMeta).toBeUndefined();
    await withConfigOverrides(transport)(request, false);
    expect(sent[1]!.body).toBe(request.body);
  });
});

describe("withEdgeConfigOverrides (the ES module's collector)", () => {
  /** A collector sending through the overrides transport, and what left, as each attempt's body. */
  function overriding(configured: Record<string, unknown>) {
    const { platform, sent } = recordingPlatform();
    const config = resolveConfig({ datastreamId: ID });
    const collector = withEdgeConfigOverrides(
      createCollector(config, { ...platform, transport: withConfigOverrides(platform.transport) }),
      checkConfigOverrides(configured, 'configuration'),
    );
    const bodies = () =>
      sent.map((request) => ({ url: new URL(request.url), body: JSON.parse(request.body) }));
    return { collector, bodies };
  }

  it("sends the configuration's overrides with every event, the call's over them product by product", async () => {
    const { collector, bodies } = overriding({
      com_adobe_analytics: { reportSuites: ['rs-global'] },
      com_adobe_target: { propertyToken: 'token-1' },
    });
    await collector.sendPageView();
    await collector.sendEvent({
      eventType: 'commerce.purchases',
      edgeConfigOverrides: { datastreamId: OTHER, com_adobe_analytics: { reportSuites: ['rs-eu'] } },
    });
    const [pageView, purchase] = bodies();
    expect(pageView!.url.searchParams.get('dataStreamId')).toBe(ID);
    expect(pageView!.body.meta).toEqual({
      configOverrides: {
        com_adobe_analytics: { reportSuites: ['rs-global'] },
        com_adobe_target: { propertyToken: 'token-1' },
      },
    });
    expect(purchase!.url.searchParams.get('dataStreamId')).toBe(OTHER);
    expect(purchase!.body.meta).toEqual({
      configOverrides: {
        com_adobe_analytics: { reportSuites: ['rs-eu'] },
        com_adobe_target: { propertyToken: 'token-1' },
      },
      sdkConfig: { datastream: { original: ID } },
    });
    // The option itself is not an event field.
    expect(JSON.stringify(purchase!.body.event)).not.toContain('edgeConfigOverrides');
  });

  it('sends a call without overrides as the plain collector does', async () => {
    const { collector, bodies } = overriding({});
    await collector.sendEvent({ eventType: 'x.y', data: { n: 1 } });
    expect(bodies()[0]!.body.meta).toBeUndefined();
    expect(bodies()[0]!.body.event.data).toEqual({ n: 1 });
  });

  it('rejects a send with a wrong override, naming the field, and sends nothing', async () => {
    const { collector, bodies } = overriding({});
    await expect(
      collector.sendEvent({ eventType: 'x.y', edgeConfigOverrides: { datastreamId: 'nope' } }),
    ).rejects.toMatchObject({
      code: 'invalid-options',
      message: expect.stringContaining('sendEvent: datastreamId "nope"'),
    });
    expect(bodies()).toEqual([]);
  });
});
