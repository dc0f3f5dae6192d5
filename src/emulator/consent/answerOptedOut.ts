import type { FastifyReply } from 'fastify';
import type { EmulatorContext } from '../EmulatorContext';
import { consentCookieName, consentHandles } from './consentHandles';
import type { Visitor } from '../edge/resolveVisitor';

/** The Edge Network's warning for a request it ignored for lack of consent (answered 200, not processed). */
export const OPTED_OUT_WARNING = 'https://ns.adobe.com/aep/errors/EXEG-0301-200';

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
  variant: { answer: 'interact' | 'collect' };
}

/**
 * Answers the request of an opted-out visitor as the Edge Network does: 200 with the consent
 * cookie (`general=out`) and the `EXEG-0301-200` warning, nothing stored. The inspector lists it
 * as dropped, with the reason.
 */
export function answerOptedOut(
  context: EmulatorContext,
  reply: FastifyReply,
  { requestId, endpoint, visitor, optedOut, events, variant }: IgnoredRequest,
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
  reply.header('x-request-id', requestId);
  if (variant.answer === 'collect') return reply.code(204).send();
  return reply.code(200).send({
    requestId,
    handle: consentHandles(visitor, 'out'),
    warnings: [
      {
        type: OPTED_OUT_WARNING,
        status: 200,
        title,
        detail: 'The visitor opted out of collection: nothing in this request was processed.',
        report: { requestId },
      },
    ],
  });
}
