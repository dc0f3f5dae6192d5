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

/**
 * One of the `errors` or `warnings` an answer lists (Adobe's problem details), e.g. `type`
 * `https://ns.adobe.com/aep/errors/EXEG-0201-503`: https://developer.adobe.com/data-collection-apis/docs/getting-started/troubleshooting/
 */
export interface EdgeProblem {
  type?: string;
  status?: number;
  title?: string;
  detail?: string;
  report?: unknown;
}

/** What a successful send resolves with. */
export interface SendResult {
  /** The id sent with the request; the answer is checked against it (the Edge Network answers it plus a suffix). */
  requestId: string;
  /** Non-fatal errors of upstream services (a `207`): the event was delivered, some services did not take it. */
  errors?: EdgeProblem[];
  /** The Edge Network's warnings, e.g. `EXEG-0301-200`: the event was not collected for lack of consent. */
  edgeWarnings?: EdgeProblem[];
  /** The event's `_id`. */
  eventId: string;
  handle: EdgeHandle[];
  /** Things that did not stop the send but that the caller should know. */
  warnings: string[];
}

/**
 * Reads the answer to one request: the `handle` array on 2xx, with the answer's `errors` and
 * `warnings` (as `errors` and `edgeWarnings`), and a warning if the answer's `requestId` is not
 * the one sent: the Edge Network answers `<sent>-<suffix>`, so only another prefix is a mismatch
 * (spec `InteractResponse.requestId`). Throws an error carrying the status and Adobe's problem fields.
 */
export function readEdgeAnswer(
  { requestId, eventId }: InteractRequest,
  { status, body }: EdgeAnswer,
  warnings: string[] = [],
): SendResult {
  const json = parseJson(body);
  // `Object()` turns a missing or non-object answer into an object with none of the fields.
  const fields: ProblemDetails & Record<'requestId' | 'handle' | 'errors' | 'warnings', unknown> =
    Object(json);
  const { type, title, detail, report } = fields;
  // Not 2xx (statuses are whole numbers).
  if (((status / 100) | 0) !== 2)
    throw new EdgeCollectorError(
      'response',
      `request ${requestId} was refused with HTTP ${status}: ${
        [title, detail].filter(Boolean).join(': ') || body.slice(0, 200) || 'no problem details'
      }`,
      { status, requestId, type, title, detail, report },
    );
  const { requestId: answered, handle, errors, warnings: edgeWarnings } = fields;
  const result: SendResult = {
    requestId,
    eventId,
    handle: Array.isArray(handle) ? handle : [],
    warnings: [...warnings],
  };
  if (Array.isArray(errors)) result.errors = errors;
  if (Array.isArray(edgeWarnings)) result.edgeWarnings = edgeWarnings;
  if (answered !== undefined && !`${answered}-`.startsWith(`${requestId}-`))
    result.warnings.push(`the answer names requestId ${answered}, not ${requestId} that was sent`);
  if (typeof json !== 'object' && body && status !== 204)
    result.warnings.push(`the answer to request ${requestId} was not JSON`);
  return result;
}
