import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Rejection } from '../EmulatorContext';
import type { RejectionLog } from '../storage/createRejectionLog';
import { ProblemError } from './ProblemError';

/** The media type of every error body the emulator sends (RFC 9457). */
export const PROBLEM_JSON = 'application/problem+json; charset=utf-8';

/** The path of a request without its query. */
export const pathOf = (url: string): string => url.split('?')[0]!;

/** The line a problem gets in the rejection log. */
export function rejectionOf(problem: ProblemError, method: string, path: string): Rejection {
  const { body } = problem;
  const report = body.report as { requestId?: string; message?: string } | undefined;
  return {
    at: Date.now(),
    method,
    path,
    status: problem.status,
    type: body.type,
    title: body.title,
    detail: typeof body.detail === 'string' ? body.detail : report?.message,
    requestId: report?.requestId,
  };
}

/** Answers with a problem (`application/problem+json`) and lists it in the rejection log. */
export function sendProblem(
  rejections: RejectionLog,
  request: FastifyRequest,
  reply: FastifyReply,
  problem: ProblemError,
): FastifyReply {
  rejections.record(rejectionOf(problem, request.method, pathOf(request.url)));
  return reply.code(problem.status).header('content-type', PROBLEM_JSON).send(JSON.stringify(problem.body));
}

/** A plain problem (`type: about:blank`) for the emulator's own endpoints. */
export const plainProblem = (status: number, title: string, detail: string): ProblemError =>
  new ProblemError(status, { type: 'about:blank', status, title, detail });

/** What a fastify error means for the client: its status, and whether the body was too large or of the wrong type. */
export function readFastifyError(error: FastifyError): {
  status: number;
  tooLarge: boolean;
  badType: boolean;
} {
  return {
    status: error.statusCode && error.statusCode >= 400 ? error.statusCode : 500,
    tooLarge: error.code === 'FST_ERR_CTP_BODY_TOO_LARGE',
    badType: error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
  };
}

/** The generic mapping: a thrown problem as it is, any other error as a plain problem with its status. */
export function plainErrorProblem(error: FastifyError): ProblemError {
  if (error instanceof ProblemError) return error;
  const { status } = readFastifyError(error);
  if (status < 500) return plainProblem(status, 'Bad request', error.message);
  if (status === 503) return plainProblem(503, 'Service Unavailable', error.message);
  return plainProblem(status, 'Internal error', `the emulator failed: ${error.message}`);
}

/**
 * An error handler for one plugin: maps what its routes (or fastify) threw with `toProblem`,
 * logs internal errors with their stack, and answers with the problem.
 */
export function problemHandler(
  context: { rejections: RejectionLog; log(line: string): void },
  toProblem: (error: FastifyError, request: FastifyRequest) => ProblemError,
) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const problem = toProblem(error, request);
    if (problem.status >= 500)
      context.log(`internal error on ${request.method} ${request.url}: ${error.stack ?? error.message}`);
    // A 503 that will pass (a full disk: StorageUnavailableError) says when to retry.
    const { retryAfterSeconds } = error as { retryAfterSeconds?: unknown };
    if (problem.status === 503 && typeof retryAfterSeconds === 'number')
      reply.header('retry-after', String(retryAfterSeconds));
    return sendProblem(context.rejections, request, reply, problem);
  };
}

/**
 * The not-found handler of a route plugin: `toProblem` turns `what` (which method and path is not
 * an endpoint) into the problem of the plugin's service, sent and logged like any refusal.
 */
export function notFoundHandler(
  context: { rejections: RejectionLog },
  toProblem: (request: FastifyRequest, what: string) => ProblemError,
) {
  return (request: FastifyRequest, reply: FastifyReply) =>
    sendProblem(
      context.rejections,
      request,
      reply,
      toProblem(request, `${request.method} ${pathOf(request.url)} is not an endpoint of this emulator`),
    );
}
