import { describe, expect, it, vi } from 'vitest';
import { buildStreamingRequest } from '../../../src/core/streaming/StreamingRequest';
import { fetchTransport } from '../../../src/core/Transport';
import { FLOW_ID, INLET_URL } from './streaming/fixtures';

describe('fetchTransport for a streamed record', () => {
  it('posts JSON with x-adobe-flow-id and without credentials (an inlet reads no cookies, and may answer CORS with *)', async () => {
    const fetchImpl = vi.fn(
      async () => new Response('{"inletId":"i","xactionId":"x","receivedTimeMs":1}', { status: 200 }),
    );
    const request = buildStreamingRequest(
      { inletUrl: INLET_URL, flowId: FLOW_ID },
      { a: 1 },
      'req-1',
      'rec-1',
    );
    await fetchTransport(fetchImpl as unknown as typeof fetch)(request, true);
    expect(fetchImpl).toHaveBeenCalledWith(
      INLET_URL,
      expect.objectContaining({
        method: 'POST',
        credentials: 'omit',
        headers: { 'content-type': 'application/json', 'x-adobe-flow-id': FLOW_ID },
        body: '{"a":1}',
        keepalive: true,
        referrerPolicy: 'no-referrer',
      }),
    );
  });
});
