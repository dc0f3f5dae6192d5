import { describe, expect, it } from 'vitest';
import { buildInteractRequest } from '../../../../src/core/InteractRequest';
import {
  isStreamingRequest,
  readQueuedAnswer,
  receiptOf,
} from '../../../../src/core/streaming/readQueuedAnswer';
import { buildStreamingRequest } from '../../../../src/core/streaming/StreamingRequest';
import { resolveConfig } from '../../../../src/core/CollectorConfig';
import { FLOW_ID, INLET_URL } from './fixtures';

const streaming = buildStreamingRequest({ inletUrl: INLET_URL, flowId: FLOW_ID }, { a: 1 }, 'req-1', 'rec-1');
const interact = buildInteractRequest(
  resolveConfig({ datastreamId: '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b' }),
  { xdm: { _id: 'ev-1', timestamp: '2026-11-23T10:00:00.000Z', eventType: 'web.webpagedetails.pageViews' } },
  'req-2',
);

describe('readQueuedAnswer', () => {
  it('tells a streaming request from an interact request, also after a JSON round trip through the queue', () => {
    expect(isStreamingRequest(JSON.parse(JSON.stringify(streaming)))).toBe(true);
    expect(isStreamingRequest(interact)).toBe(false);
  });

  it('reads an inlet answer into a receipt with no handles', () => {
    const result = readQueuedAnswer(
      streaming,
      { status: 200, body: JSON.stringify({ inletId: 'i', xactionId: 'x:1:2', receivedTimeMs: 7 }) },
      ['w'],
    );
    expect(result).toMatchObject({ requestId: 'req-1', eventId: 'rec-1', handle: [], warnings: ['w'] });
    expect(receiptOf(result)).toEqual({
      inletId: 'i',
      xactionId: 'x:1:2',
      receivedTimeMs: 7,
      requestId: 'req-1',
      recordId: 'rec-1',
      warnings: ['w'],
    });
  });

  it('reads an interact answer as the Edge Network’s', () => {
    const result = readQueuedAnswer(interact, {
      status: 200,
      body: JSON.stringify({ requestId: 'req-2', handle: [{ type: 'x', payload: [] }] }),
    });
    expect(result.handle).toEqual([{ type: 'x', payload: [] }]);
  });

  it('throws the inlet’s 401 with the token message', () => {
    expect(() => readQueuedAnswer(streaming, { status: 401, body: '{"title":"Authorization"}' })).toThrow(
      /needs a token/,
    );
  });

  it('gives an empty receipt with the delivery’s warning for a record that was not sent', () => {
    expect(
      receiptOf({
        requestId: 'req-1',
        eventId: 'rec-1',
        handle: [],
        warnings: ['consent is out: the event was not sent'],
      }),
    ).toEqual({
      inletId: '',
      xactionId: '',
      receivedTimeMs: 0,
      requestId: 'req-1',
      recordId: 'rec-1',
      warnings: ['consent is out: the event was not sent'],
    });
  });
});
