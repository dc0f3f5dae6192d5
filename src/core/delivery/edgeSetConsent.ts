import type { EdgeInteractHandler } from './edgeInteract';
import type { RequestHandler } from './RequestHandler';

/**
 * The handler of `POST /ee/v1/privacy/set-consent` requests (`kind: 'consent'`). A decision is not
 * consent-gated (an opt-out must reach the Edge Network too) and is a barrier: the events queued
 * after it leave once it is answered, so the Edge Network never sees them under an older decision.
 * Its attempts carry `meta.state` and the location hint like events, and its answer's cookies, ids
 * and consent word are kept
 * (https://experienceleague.adobe.com/en/docs/experience-platform/web-sdk/commands/setconsent),
 * but result listeners hear only of events.
 */
export function edgeSetConsent(interact: EdgeInteractHandler): RequestHandler {
  return { ...interact, gated: false, ordered: true, answered: interact.keep };
}
