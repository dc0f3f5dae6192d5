import type { FastifyReply } from 'fastify';
import type { EmulatorContext } from '../EmulatorContext';
import { buildEdgeHandles } from '../edge/buildEdgeHandles';
import { answerEdge } from '../edge/answerEdge';
import { edgeErrorBody, edgeErrorType } from '../edge/edgeProblem';
import type { Visitor } from '../edge/resolveVisitor';
import { consentCookieName, consentState } from './consentHandles';

/** The `type` the inspector and `/api/rejections` list an ignored request under (`EXEG-0301-200`). */
export const OPTED_OUT_WARNING = edgeErrorType('consentMissing');

/**
 * Why the visitor's events must not be collected, or `undefined`: the consent the visitor
 * recorded through `privacy/set-consent`, else the consent cookie the request carries back in
 * `meta.state` (`general=out`), as the Edge Network reads it.
 */
export function findOptOut(
  context: EmulatorContext,
  orgId: string,
  visitor: Visitor,
  entries: unknown,
): string | undefined {
  const recorded = context.consents.get(orgId, visitor.ecid);
  if (recorded)
    return recorded.general === 'out'
      ? `visitor ${visitor.ecid} opted out (consent recorded ${recorded.receivedAt}, requestId ${recorded.requestId})`
      : undefined;
  const cookie = Array.isArray(entries)
    ? (entries as Array<{ key?: unknown; value?: unknown }>).find(
        (entry) => entry?.key === consentCookieName(visitor),
      )
    : undefined;
  return typeof cookie?.value === 'string' && /general=out/.test(cookie.value)
    ? `visitor ${visitor.ecid} opted out (consent cookie general=out)`
    : undefined;
}

/** What the ignored request held and where it came. */
export interface IgnoredRequest {
  requestId: string;
  endpoint: string;
  visitor: Visitor;
  optedOut: string;
  events: unknown[];
  /** The status a processed request of this endpoint gets (200, 202 or 204). */
  status: number;
}

/**
 * Answers the request of an opted-out visitor as the Edge Network does: its usual status, with
 * the consent cookie (`general=out`) and the `EXEG-0301-200` warning, nothing stored. The
 * inspector lists it as dropped, with the reason.
 */
export function answerOptedOut(
  context: EmulatorContext,
  reply: FastifyReply,
  { requestId, endpoint, visitor, optedOut, events, status }: IgnoredRequest,
) {
  const title = 'Request ignored';
  const detail = `${events.length} event(s) dropped, not stored: ${optedOut}`;
  context.rejections.record({
    at: Date.now(),
    method: 'POST',
    path: endpoint,
    status: 200,
    type: OPTED_OUT_WARNING,
    title,
    detail,
    requestId,
  });
  const handle = buildEdgeHandles(visitor, {
    fetchIdentity: false,
    extraState: consentState(visitor, 'out'),
  });
  const warning = edgeErrorBody('consentMissing', 'This request was ignored due to lack of user consent.', {
    requestId,
  });
  return answerEdge(reply, status, { requestId, handle, warnings: [warning] });
}
