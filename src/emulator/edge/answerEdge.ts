import type { FastifyReply } from 'fastify';
import type { FaultProblem } from '../faults/applyFault';
import type { Fault } from '../faults/createFaultPlan';
import { ProblemError } from '../http/ProblemError';
import { ADOBE_EDGE_HEADER } from './buildEdgeHandles';
import { edgeErrorBody, edgeProblem } from './edgeProblem';

/**
 * Sends an Edge Network answer with its headers: `x-request-id` (the answered id) and
 * `x-adobe-edge` (the region, read by the Web SDK). With a scripted 207 fault the request was
 * processed and the answer carries the chosen upstream errors (Adobe's "non-fatal errors").
 */
export function answerEdge(
  reply: FastifyReply,
  status: number,
  body: { requestId: string } & Record<string, unknown>,
  multiStatus?: Fault,
): FastifyReply {
  reply.header('x-request-id', body.requestId).header('x-adobe-edge', ADOBE_EDGE_HEADER);
  if (!multiStatus) return status === 204 ? reply.code(204).send() : reply.code(status).send(body);
  const errors = multiStatus.errors.map((name) =>
    edgeErrorBody(name, 'Injected fault (POST /api/faults).', { requestId: body.requestId }),
  );
  return reply.code(207).send({ handle: [], ...body, errors });
}

/** The Edge Network's 503 (`EXEG-0000-503`) and 429 (no EXEG code is documented: `about:blank`) for injected faults. */
export const edgeFaultProblem =
  (requestId: string): FaultProblem =>
  (status, detail) =>
    status === 503
      ? edgeProblem('serviceUnavailable', requestId, detail)
      : new ProblemError(429, {
          type: 'about:blank',
          status: 429,
          title: 'Too Many Requests',
          detail,
          report: { requestId },
        });
