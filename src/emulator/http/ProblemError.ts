/** An RFC 7807 problem body as the emulated services send it. */
export type ProblemBody = Record<string, unknown> & { type: string; title: string };

/**
 * A refusal: thrown by a route, turned into an `application/problem+json` answer with `status`
 * and `body` by the error handler, and logged there.
 */
export class ProblemError extends Error {
  readonly status: number;
  readonly body: ProblemBody;

  constructor(status: number, body: ProblemBody) {
    super(`${status} ${body.title}${typeof body.detail === 'string' ? `: ${body.detail}` : ''}`);
    this.name = 'ProblemError';
    this.status = status;
    this.body = body;
  }
}
