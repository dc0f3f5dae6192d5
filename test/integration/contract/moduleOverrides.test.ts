import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specViolations } from '../../support/edgeNetworkSpec';
import { startRecordingServer, type RecordingServer } from '../../support/startRecordingServer';

// Datastream overrides of the built ES module on Node, on the wire: the body stays a
// SingleEventRequest of Adobe's spec (its RequestMetadata is open: "with possibility of overriding
// at event level"), with alloy's meta.configOverrides and meta.sdkConfig.datastream.original.
const modulePath = '../../../dist/edge-collector.js';
type Module = typeof import('../../../src/index');

const DATASTREAM = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
const OTHER = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
let server: RecordingServer;
let lib: Module;

beforeAll(async () => {
  server = await startRecordingServer();
  lib = (await import(/* @vite-ignore */ modulePath)) as Module;
});
afterAll(() => server?.close());

describe('datastream overrides of the ES module (the wire)', () => {
  it("sends the configuration's and the call's overrides where alloy sends them, in a request the spec accepts", async () => {
    const collector = lib.createEdgeCollector({
      datastreamId: DATASTREAM,
      edgeUrl: server.origin,
      edgeConfigOverrides: {
        com_adobe_experience_platform: { datasets: { event: { datasetId: 'ds-global' } } },
      },
    });
    await collector.sendEvent({
      eventType: 'commerce.purchases',
      edgeConfigOverrides: { datastreamId: OTHER, com_adobe_analytics: { reportSuites: ['rs-eu'] } },
    });
    const request = server.requests.at(-1)!;
    expect(request.url.searchParams.get('dataStreamId')).toBe(OTHER);
    const body = JSON.parse(request.body);
    expect(specViolations('SingleEventRequest', body)).toEqual([]);
    expect(body.meta.configOverrides).toEqual({
      com_adobe_experience_platform: { datasets: { event: { datasetId: 'ds-global' } } },
      com_adobe_analytics: { reportSuites: ['rs-eu'] },
    });
    expect(body.meta.sdkConfig).toEqual({ datastream: { original: DATASTREAM } });
  });

  it('refuses a wrong override in the configuration at creation, naming the field', () => {
    expect(() =>
      lib.createEdgeCollector({
        datastreamId: DATASTREAM,
        edgeConfigOverrides: { com_adobe_identity: { idSyncContainerId: 'one' as unknown as number } },
      }),
    ).toThrow('com_adobe_identity.idSyncContainerId must be a whole number');
  });
});
