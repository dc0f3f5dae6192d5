import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../EmulatorContext';
import type { ProblemError } from '../http/ProblemError';
import { pathOf, sendProblem } from '../http/sendProblem';
import type { Fault, FaultEndpoint } from './createFaultPlan';

/** How one service words a refusal: 429 and 503 problems in its own style. */
export type FaultProblem = (status: 429 | 503, detail: string) => ProblemError;

/**
 * Applies the fault armed for the next answer of `endpoint`, if any: waits (`delay`), closes the
 * connection (`drop`), or answers 429/503 with `Retry-After` (`handled`); a 207 is returned for
 * the route to apply once it has processed the request. Each is listed as a refusal, so the
 * inspector shows it.
 */
export async function applyFault(
  context: EmulatorContext,
  request: FastifyRequest,
  reply: FastifyReply,
  endpoint: Exclude<FaultEndpoint, '*'>,
  problem: FaultProblem,
): Promise<{ handled: true } | { handled: false; multiStatus?: Fault }> {
  const fault = context.faults.take(endpoint);
  if (!fault) return { handled: false };
  const path = pathOf(request.url);
  const note = (status: number, title: string) =>
    context.rejections.record({ at: Date.now(), method: request.method, path, status, type: 'fault', title });
  if (fault.fault === 'delay') {
    note(0, `Injected fault: answer delayed ${fault.delayMs} ms`);
    await sleep(fault.delayMs);
    return { handled: false };
  }
  if (fault.fault === 'drop') {
    note(0, 'Injected fault: connection dropped');
    reply.hijack();
    request.raw.socket.destroy();
    return { handled: true };
  }
  if (fault.fault === 207) return { handled: false, multiStatus: fault };
  reply.header('retry-after', String(fault.retryAfter));
  const detail = `Injected fault (POST /api/faults): retry after ${fault.retryAfter} s.`;
  sendProblem(context.rejections, request, reply, problem(fault.fault, detail));
  return { handled: true };
}
