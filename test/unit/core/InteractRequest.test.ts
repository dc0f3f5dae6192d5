import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/core/CollectorConfig';
import { buildInteractRequest } from '../../../src/core/InteractRequest';

const ID = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
const event = {
  xdm: { _id: 'event-1', timestamp: '2026-11-23T00:00:00.000Z', eventType: 't' },
  data: { a: 1 },
};

describe('buildInteractRequest', () => {
  it('posts to /{basePath}/v2/interact with dataStreamId and requestId, as a simple CORS request', () => {
    const request = buildInteractRequest(resolveConfig({ datastreamId: ID }), event, 'req-1');
    expect(request.url).toBe(`https://edge.adobedc.net/ee/v2/interact?dataStreamId=${ID}&requestId=req-1`);
    // fetch sends a string body as text/plain;charset=UTF-8: a simple CORS request, no preflight.
    expect(request.headers).toEqual({});
    expect(JSON.parse(request.body)).toEqual({ event });
    expect(request).toMatchObject({ requestId: 'req-1', eventId: 'event-1' });
  });

  it('uses the configured edge and base path', () => {
    const request = buildInteractRequest(
      resolveConfig({ datastreamId: ID, edgeUrl: 'http://127.0.0.1:4100', edgeBasePath: 'ee-pre-prd' }),
      event,
      'r',
    );
    expect(request.url.startsWith('http://127.0.0.1:4100/ee-pre-prd/v2/interact?')).toBe(true);
  });

  it("sends datastream configuration overrides as Adobe puts them: the event's over the configuration's", () => {
    const OTHER = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
    const config = resolveConfig({
      datastreamId: ID,
      edgeConfigOverrides: { com_adobe_analytics: { reportSuites: ['global'] } },
    });
    const request = buildInteractRequest(config, event, 'r', {
      datastreamId: OTHER,
      com_adobe_experience_platform: { datasets: { event: { datasetId: 'ds-1' } } },
    });
    expect(new URL(request.url).searchParams.get('dataStreamId')).toBe(OTHER);
    expect(request.meta).toEqual({
      configOverrides: {
        com_adobe_analytics: { reportSuites: ['global'] },
        com_adobe_experience_platform: { datasets: { event: { datasetId: 'ds-1' } } },
      },
      sdkConfig: { datastream: { original: ID } },
    });
    const plain = buildInteractRequest(resolveConfig({ datastreamId: ID }), event, 'r');
    expect(plain.meta).toEqual({});
    expect(new URL(plain.url).searchParams.get('dataStreamId')).toBe(ID);
  });
});
