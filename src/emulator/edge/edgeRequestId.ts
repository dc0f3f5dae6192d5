import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { REQUEST_ID } from '../http/limits';
import { edgeProblem } from './edgeProblem';

const answered = new WeakMap<FastifyRequest, { sent: string; answer: string }>();

/** The id the caller gave: the `requestId` query parameter, else the `x-request-id` header (the spec's two forms). */
function givenRequestId(request: FastifyRequest): unknown {
  const query = (request.query as Record<string, unknown> | undefined)?.requestId;
  return query ?? request.headers['x-request-id'];
}

/**
 * The request's id as the Edge Network answers it: `<requestId>-<16 hex>`, the caller's id (when
 * valid, see `REQUEST_ID`) or a new UUID, with entropy appended, made once per request so that a
 * refusal names the same id. (Spec: parameter `requestId`, "always appends a 16-character hex
 * entropy suffix".)
 */
export function edgeRequestId(request: FastifyRequest): string {
  return requestIds(request).answer;
}

/** The id the caller sent (or the UUID made for it): the prefix of the answered one, kept with stored events. */
export function sentRequestId(request: FastifyRequest): string {
  return requestIds(request).sent;
}

function requestIds(request: FastifyRequest): { sent: string; answer: string } {
  let ids = answered.get(request);
  if (!ids) {
    const given = givenRequestId(request);
    const sent = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    ids = { sent, answer: `${sent}-${randomBytes(8).toString('hex')}` };
    answered.set(request, ids);
  }
  return ids;
}

/** Refuses a `requestId` that could not be echoed in a header or a log line, before anything is stored. */
export function checkRequestId(request: FastifyRequest): void {
  const given = givenRequestId(request);
  if (given === undefined || (typeof given === 'string' && REQUEST_ID.test(given))) return;
  throw edgeProblem(
    'invalidField',
    edgeRequestId(request),
    'requestId must be 1 to 128 visible ASCII characters (no spaces, no control characters); leave it out and one is made',
  );
}
