import { parseJson } from '../parseJson';
import { EdgeCollectorError, type ProblemDetails } from '../EdgeCollectorError';
import type { EdgeAnswer } from '../Transport';
import type { StreamingRequest } from './StreamingRequest';

/** What a streamed record resolves with: the inlet's receipt, plus what the collector knows of it. */
export interface StreamResult {
  /** The inlet (base connection) that took the record. */
  inletId: string;
  /** The inlet's id for this record, to quote when tracing it through Platform. */
  xactionId: string;
  /** When the inlet received it, in epoch milliseconds. */
  receivedTimeMs: number;
  /** The collector's id for the request (kept across retries). */
  requestId: string;
  /** The record's `_id` for XDM records; the request id for raw ones. */
  recordId: string;
  /** Things that did not stop the send but that the caller should know. */
  warnings: string[];
}

/** The most telling sentence of an Adobe problem body: title and detail, or the report's message. */
function summarize(problem: ProblemDetails, body: string): string {
  const report = problem.report as { message?: unknown } | undefined;
  const reportMessage = report && typeof report.message === 'string' ? report.message : undefined;
  return (
    [problem.title, problem.detail ?? reportMessage].filter(Boolean).join(': ') ||
    body.slice(0, 200) ||
    'no problem details'
  );
}

/**
 * Reads a streaming inlet's answer: the `{inletId, xactionId, receivedTimeMs}` receipt on 2xx, or an
 * error carrying the status and Adobe's problem fields. A 401 says in so many words that the inlet
 * is an authenticated one and needs a token.
 */
export function readStreamingAnswer(
  request: StreamingRequest,
  answer: EdgeAnswer,
  warnings: string[] = [],
): StreamResult {
  const json = parseJson(answer.body);
  const fields = (json && typeof json === 'object' ? json : {}) as ProblemDetails &
    Partial<Record<'inletId' | 'xactionId' | 'receivedTimeMs', unknown>>;
  if (answer.status < 200 || answer.status > 299) {
    const { type, title, detail, report } = fields;
    const summary = summarize(fields, answer.body);
    const message =
      answer.status === 401
        ? `the streaming inlet needs a token: it is an authenticated inlet and refused record ${request.requestId} with HTTP 401 (${summary}). Send it from a server with accessToken (an IMS access token), or stream to an inlet without authentication`
        : `the streaming inlet refused record ${request.requestId} with HTTP ${answer.status}: ${summary}`;
    throw new EdgeCollectorError('response', message, {
      status: answer.status,
      requestId: request.requestId,
      type,
      title,
      detail,
      report,
    });
  }
  const result: StreamResult = {
    inletId: typeof fields.inletId === 'string' ? fields.inletId : '',
    xactionId: typeof fields.xactionId === 'string' ? fields.xactionId : '',
    receivedTimeMs:
      typeof fields.receivedTimeMs === 'number' ? fields.receivedTimeMs : Number(fields.receivedTimeMs) || 0,
    requestId: request.requestId,
    recordId: request.eventId,
    warnings: [...warnings],
  };
  if (!result.xactionId)
    result.warnings.push(`the inlet's answer to record ${request.requestId} had no xactionId receipt`);
  return result;
}
