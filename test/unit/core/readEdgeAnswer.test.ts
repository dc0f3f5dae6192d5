import { describe, expect, it } from 'vitest';
import type { InteractRequest } from '../../../src/core/InteractRequest';
import { readEdgeAnswer } from '../../../src/core/readEdgeAnswer';

const request: InteractRequest = { requestId: 'req-1', eventId: 'ev-1', url: 'u', headers: {}, body: '{}' };
const handle = [
  { type: 'locationHint:result', payload: [{ scope: 'EdgeNetwork', hint: 'or2', ttlSeconds: 1800 }] },
];

describe('readEdgeAnswer', () => {
  it('resolves with the request id, event id and handles', () => {
    const result = readEdgeAnswer(request, {
      status: 200,
      body: JSON.stringify({ requestId: 'req-1', handle }),
    });
    expect(result).toEqual({ requestId: 'req-1', eventId: 'ev-1', handle, warnings: [] });
  });

  it('warns, rather than passing silently, when the answer names another request', () => {
    const result = readEdgeAnswer(request, {
      status: 200,
      body: JSON.stringify({ requestId: 'req-2', handle: [] }),
    });
    expect(result.warnings).toEqual(['the answer names requestId req-2, not req-1 that was sent']);
  });

  it('keeps earlier warnings and accepts an empty 204', () => {
    expect(readEdgeAnswer(request, { status: 204, body: '' }, ['w'])).toEqual({
      requestId: 'req-1',
      eventId: 'ev-1',
      handle: [],
      warnings: ['w'],
    });
  });

  it('rejects a non-2xx answer with its status and Adobe problem fields', () => {
    const problem = {
      type: 'https://ns.adobe.com/aep/errors/EXEG-0003-400',
      status: 400,
      title: 'Invalid request',
      detail: 'The dataStreamId is not valid.',
      report: { requestId: 'req-1' },
    };
    expect(() => readEdgeAnswer(request, { status: 400, body: JSON.stringify(problem) })).toThrow(
      'request req-1 was refused with HTTP 400: Invalid request: The dataStreamId is not valid.',
    );
    try {
      readEdgeAnswer(request, { status: 400, body: JSON.stringify(problem) });
    } catch (error) {
      expect(error).toMatchObject({
        code: 'response',
        status: 400,
        requestId: 'req-1',
        type: problem.type,
        title: problem.title,
        detail: problem.detail,
        report: problem.report,
      });
    }
  });

  it('rejects a non-JSON error page with its status and the start of its text', () => {
    expect(() => readEdgeAnswer(request, { status: 502, body: '<html>Bad gateway</html>' })).toThrow(
      /HTTP 502: <html>Bad gateway/,
    );
  });

  it('warns when a 200 answer is not JSON', () => {
    expect(readEdgeAnswer(request, { status: 200, body: 'ok' }).warnings).toEqual([
      'the answer to request req-1 was not JSON',
    ]);
  });
});
