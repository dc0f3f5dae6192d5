import { describe, expect, it } from 'vitest';
import { EdgeCollectorError } from '../../../../src/core/EdgeCollectorError';
import { readStreamingAnswer } from '../../../../src/core/streaming/readStreamingAnswer';
import { buildStreamingRequest } from '../../../../src/core/streaming/StreamingRequest';
import { FLOW_ID, INLET_URL } from './fixtures';

const request = buildStreamingRequest({ inletUrl: INLET_URL, flowId: FLOW_ID }, { a: 1 }, 'req-1', 'rec-1');

function refusal(status: number, body: unknown): EdgeCollectorError {
  try {
    readStreamingAnswer(request, { status, body: typeof body === 'string' ? body : JSON.stringify(body) });
  } catch (error) {
    expect(error).toBeInstanceOf(EdgeCollectorError);
    return error as EdgeCollectorError;
  }
  throw new Error('expected a refusal');
}

describe('readStreamingAnswer', () => {
  it('resolves with the inlet receipt', () => {
    const answer = {
      status: 200,
      body: JSON.stringify({
        inletId: 'inlet-1',
        xactionId: '1584479347507:2153:240',
        receivedTimeMs: 1584479347507,
      }),
    };
    expect(readStreamingAnswer(request, answer, ['w'])).toEqual({
      inletId: 'inlet-1',
      xactionId: '1584479347507:2153:240',
      receivedTimeMs: 1584479347507,
      requestId: 'req-1',
      recordId: 'rec-1',
      warnings: ['w'],
    });
  });

  it('warns when a 2xx answer carries no receipt', () => {
    expect(readStreamingAnswer(request, { status: 200, body: 'ok' }).warnings).toEqual([
      "the inlet's answer to record req-1 had no xactionId receipt",
    ]);
  });

  it('turns the 401 of an authenticated inlet into an error that says the inlet needs a token', () => {
    const error = refusal(401, {
      type: 'https://ns.adobe.com/adobecloud/problem/data-collection-service-authorization',
      status: '401',
      title: 'Authorization',
      report: { message: '[id] Ims service token is empty' },
    });
    expect(error.message).toMatch(/^the streaming inlet needs a token: it is an authenticated inlet/);
    expect(error.message).toContain('Authorization: [id] Ims service token is empty');
    expect(error).toMatchObject({
      code: 'response',
      status: 401,
      requestId: 'req-1',
      title: 'Authorization',
      report: { message: '[id] Ims service token is empty' },
    });
  });

  it('reports any other refusal with its status and problem details', () => {
    const error = refusal(400, { title: 'Bad request', detail: 'header.schemaRef is missing' });
    expect(error.message).toBe(
      'the streaming inlet refused record req-1 with HTTP 400: Bad request: header.schemaRef is missing',
    );
    expect(error.status).toBe(400);
  });

  it('quotes a non-JSON refusal body', () => {
    expect(refusal(503, 'upstream down').message).toBe(
      'the streaming inlet refused record req-1 with HTTP 503: upstream down',
    );
  });
});
