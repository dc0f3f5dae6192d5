import type { FastifyError, FastifyRequest } from 'fastify';
import { isObject } from '../http/isObject';
import { parseJson } from '../http/parseJson';
import { ProblemError } from '../http/ProblemError';
import { readFastifyError } from '../http/sendProblem';
import { edgeProblem } from './edgeProblem';
import { edgeRequestId } from './edgeRequestId';

/** The Edge Network takes at most 64 KB a request. */
export const EDGE_BODY_LIMIT = 64 * 1024;

/** Parses an Edge Network request's body; refuses an empty one (`0109-408`) or one that is not a JSON object (`0101-400`). */
export function readEdgeBody(body: unknown, requestId: string): Record<string, unknown> {
  if (body === undefined || body === null || (typeof body === 'string' && !body.trim()))
    throw edgeProblem('emptyRequest', requestId, 'The request body is empty.');
  const parsed = parseJson(body);
  if (!parsed.ok) throw edgeProblem('malformedJson', requestId, parsed.reason);
  if (!isObject(parsed.value))
    throw edgeProblem('malformedJson', requestId, 'the body must be a JSON object');
  return parsed.value;
}

/** What `meta.state` says: the cookies the client kept (`entries`) and whether it takes HTTP cookies. */
export interface ClientState {
  entries: unknown;
  cookiesEnabled: boolean;
}

/** The `meta.state` of a parsed body (Experience League, "client state"). */
export function readClientState(body: Record<string, unknown>): ClientState {
  const meta = isObject(body.meta) ? body.meta : {};
  const state = isObject(meta.state) ? meta.state : {};
  return { entries: state.entries, cookiesEnabled: state.cookiesEnabled === true };
}

/** True when `query.identity.fetch` (of the request or of one of its events) asks for the ECID. */
export function fetchesIdentity(
  body: Record<string, unknown>,
  events: Array<{ query?: unknown }> = [],
): boolean {
  const asks = (query: unknown) => {
    const identity = isObject(query) ? query.identity : undefined;
    const fetch = isObject(identity) ? identity.fetch : undefined;
    return Array.isArray(fetch) && fetch.includes('ECID');
  };
  return asks(body.query) || events.some((event) => asks(event.query));
}

/** Turns what an Edge route (or fastify, for its body) threw into the Edge Network's problem. */
export function edgeErrorProblem(error: FastifyError, request: FastifyRequest): ProblemError {
  if (error instanceof ProblemError) return error;
  const { status, tooLarge, badType } = readFastifyError(error);
  const requestId = edgeRequestId(request);
  if (tooLarge)
    return edgeProblem(
      'tooLarge',
      requestId,
      `The request payload is too large. The maximum accepted size for request payloads is ${EDGE_BODY_LIMIT} bytes (64 KB).`,
    );
  if (badType)
    return edgeProblem(
      'unsupportedMediaType',
      requestId,
      `The request content type is not supported. Supported types are 'application/json', 'text/plain' and 'text/javascript', not ${request.headers['content-type'] ?? '(none)'}.`,
    );
  if (status < 500) return edgeProblem('malformedJson', requestId, error.message);
  if (status === 503) return edgeProblem('serviceUnavailable', requestId, error.message);
  return edgeProblem('internal', requestId, `the emulator failed: ${error.message}`);
}
