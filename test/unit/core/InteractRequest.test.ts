import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/core/resolveConfig';
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
    expect(JSON.parse(request.body)).toEqual({ event, query: { identity: { fetch: ['ECID'] } } });
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

  it('carries meta.state entries when there are some', () => {
    const entries = [{ key: 'kndctr_x_identity', value: 'abc' }];
    expect(
      JSON.parse(
        buildInteractRequest(resolveConfig({ datastreamId: ID }), event, 'r', { state: { entries } }).body,
      ),
    ).toEqual({ event, query: { identity: { fetch: ['ECID'] } }, meta: { state: { entries } } });
    expect(
      JSON.parse(
        buildInteractRequest(resolveConfig({ datastreamId: ID }), event, 'r', { state: { entries: [] } })
          .body,
      ),
    ).toEqual({ event, query: { identity: { fetch: ['ECID'] } } });
  });
});
