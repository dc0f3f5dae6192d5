import type { OnBeforeEventSend } from './CollectorConfig';
import { isPlainObject } from './deepMerge';

/**
 * `onBeforeEventSend` that first adds the ECID `findEcid` gives (read at each event) to the
 * event's `identityMap.ECID`, ambiguous, unless the event already names an ECID (the page's own
 * wins, as in Adobe's Web SDK); `next`, the user's callback, then sees it. How a visitor known
 * elsewhere (another site's `adobe_mc` link, the Visitor API's `AMCV_` cookie) stays one visitor
 * for the Edge Network, which keeps an ECID it is sent for a browser it has no identity for.
 */
export function withEcid(
  findEcid: () => string | undefined,
  next: OnBeforeEventSend | undefined,
): OnBeforeEventSend {
  return (content) => {
    const xdm = content.xdm as Record<string, unknown>;
    const identityMap = isPlainObject(xdm.identityMap) ? xdm.identityMap : {};
    const ecid = identityMap.ECID ? undefined : findEcid();
    if (ecid) xdm.identityMap = { ...identityMap, ECID: [{ id: ecid, authenticatedState: 'ambiguous' }] };
    return next ? next(content) : undefined;
  };
}
