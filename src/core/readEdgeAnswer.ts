import { parseJson } from './parseJson';
import { EdgeCollectorError, type ProblemDetails } from './EdgeCollectorError';
import type { InteractRequest } from './InteractRequest';
import type { EdgeAnswer } from './Transport';

/** One entry of the answer's `handle` array: a typed payload from an Edge service. */
export interface EdgeHandle {
  type: string;
  payload: unknown[];
  eventIndex?: number;
}

/** What a successful send resolves with. */
export interface SendResult {
  /** The id sent with the request; the answer is checked against it. */
  requestId: string;
  /** The event's `_id`. */
  eventId: string;
  handle: EdgeHandle[];
  /** Things that did not stop the send but that the caller should know. */
  warnings: string[];
}

/**
 * Reads the answer to one request: the `handle` array on 2xx (with a warning if the answer's
 * `requestId` is not the one sent), or an error carrying the status and Adobe's problem fields.
 */
export function readEdgeAnswer(
  request: InteractRequest,
  answer: EdgeAnswer,
  warnings: string[] = [],
): SendResult {
  const json = parseJson(answer.body) as
    (ProblemDetails & { requestId?: unknown; handle?: unknown }) | undefined;
  if (answer.status < 200 || answer.status > 299) {
    const problem = json && typeof json === 'object' ? json : {};
    const { type, title, detail, report } = problem;
    const summary =
      [title, detail].filter(Boolean).join(': ') || answer.body.slice(0, 200) || 'no problem details';
    throw new EdgeCollectorError(
      'response',
      `request ${request.requestId} was refused with HTTP ${answer.status}: ${summary}`,
      {
        status: answer.status,
        requestId: request.requestId,
        type,
        title,
        detail,
        report,
      },
    );
  }
  const result: SendResult = {
    requestId: request.requestId,
    eventId: request.eventId,
    handle: [],
    warnings: [...warnings],
  };
  if (json && typeof json === 'object') {
    if (Array.isArray(json.handle)) result.handle = json.handle as EdgeHandle[];
    if (json.requestId !== undefined && json.requestId !== request.requestId) {
      result.warnings.push(
        `the answer names requestId ${String(json.requestId)}, not ${request.requestId} that was sent`,
      );
    }
  } else if (answer.body && answer.status !== 204) {
    result.warnings.push(`the answer to request ${request.requestId} was not JSON`);
  }
  return result;
}
