import type { InteractRequest } from '../InteractRequest';
import type { SendResult } from '../readEdgeAnswer';
import type { EdgeAnswer } from '../Transport';

/**
 * What the delivery loop needs to know about one kind of request, and nothing more: the loop
 * (queue, retries, consent gate, order) knows nothing of the Edge Network or of streaming.
 *
 * The seam for a new kind (as the Edge Network's `set-consent`, `kind: 'consent'`, in
 * edgeSetConsent.ts): write one handler file, and register it in the `handlers` given to
 * `createDelivery` under the request's `kind` (`interact` for a request without one). A kind with
 * `gated: false` leaves while consent is `pending` or `out`; one with `ordered: true` is a
 * barrier: it leaves first, and the other requests leave only once it is answered for good.
 * Either way it is queued, retried and correlated by `requestId` like an event.
 */
export interface RequestHandler {
  /** True when the consent gate applies: held while consent is `pending`, dropped when it goes `out`. */
  gated: boolean;
  /** True when it goes ahead of every other queued request, and they wait for its answer before they leave. */
  ordered?: boolean;
  /** One attempt of the stored request, with what is current now (the Edge Network's `meta.state`, location hint); default as stored. */
  prepare?(request: InteractRequest): InteractRequest;
  /** Reads an answer; throws an `EdgeCollectorError` carrying `status` for a refusal (the loop decides on retries). */
  read(request: InteractRequest, answer: EdgeAnswer, warnings?: string[]): SendResult;
  /**
   * Called once a request is answered for good, with the result its caller gets (listeners,
   * identities); the caller hears the answer once what it returns settles (its state written).
   */
  answered?(result: SendResult): unknown;
}

/** The handlers of a delivery by request `kind`; `interact` for a request without one. */
export type RequestHandlers = Record<string, RequestHandler>;

/** The name a request's handler is registered under. */
export const kindOf = (request: InteractRequest): string => request.kind || 'interact';
