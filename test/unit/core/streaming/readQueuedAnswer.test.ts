import { describe, expect, it } from 'vitest';
import { readQueuedAnswer, receiptOf } from '../../../../src/core/streaming/readQueuedAnswer';
import { buildStreamingRequest } from '../../../../src/core/streaming/StreamingRequest';
import { FLOW_ID, INLET_URL } from './fixtures';

const streaming = buildStreamingRequest({ inletUrl: INLET_URL, flowId: FLOW_ID }, { a: 1 }, 'req-1', 'rec-1');

describe('readQueuedAnswer', () => {
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
