import type { ResolvedConfig } from '../CollectorConfig';
import { FETCH_ECID, type InteractRequest } from '../InteractRequest';
import type { IdentityMap } from '../emailIdentityMap';
import type { ConsentEntry } from './ConsentInput';

/**
 * Builds `POST {edgeUrl}/{edgeBasePath}/v1/privacy/set-consent?configId=…&requestId=…`, the Edge
 * Network endpoint the Web SDK and Adobe's mobile SDKs post consent to (it exists only as v1,
 * named by `configId`). The body is the spec's `ConsentReplaceRequest`: the entries, the identity
 * map if one was given (top-level `identityMap`, as the spec and the Web SDK send it), and asks for
 * the visitor's ECID back; the
 * delivery adds `meta.state` (the Edge Network's cookies) at each attempt, as for events.
 */
export function buildConsentRequest(
  config: ResolvedConfig,
  consent: ConsentEntry[],
  requestId: string,
  identityMap?: IdentityMap,
): InteractRequest {
  return {
    requestId,
    kind: 'consent',
    eventId: requestId,
    url: `${config.edgeUrl}/${config.edgeBasePath}/v1/privacy/set-consent?configId=${encodeURIComponent(config.datastreamId)}&requestId=${requestId}`,
    // As for events: `text/plain` from fetch, JSON and credentials added by the Node face's Server API transport.
    headers: {},
    body: JSON.stringify({
      consent,
      ...(identityMap && { identityMap }),
      query: FETCH_ECID,
    }),
  };
}
