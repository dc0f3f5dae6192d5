import type { ResolvedConfig } from './CollectorConfig';
import type { ExperienceEvent } from './buildExperienceEvent';

/**
 * One request to the interact endpoint, fully built and serializable, so that it can be queued,
 * stored across page loads and retried unchanged (same `requestId`, same body).
 */
export interface InteractRequest {
  requestId: string;
  /**
   * Set on requests that are not events. `streaming` (a streamed record) is not the Edge
   * Network's: it goes without cookies or `meta.state`. `consent` (`privacy/set-consent`) goes
   * whatever the consent, before any event. Neither answer is reported to result listeners.
   */
  kind?: 'streaming' | 'consent';
  /** The event's `_id` (a consent request's own `requestId`). */
  eventId: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Extra top-level request fields, such as `meta.state` entries returned by earlier answers. */
export interface RequestMeta {
  state?: { entries: Array<{ key: string; value: string }> };
}

/**
 * The headers of an Edge Network request. In the browser the body goes as `text/plain` so the
 * request stays a simple CORS request (no preflight round trip); the authenticated server mode
 * sends JSON with Adobe's three headers.
 */
export function edgeHeaders(config: ResolvedConfig): Record<string, string> {
  const { auth } = config;
  return auth
    ? {
        'content-type': 'application/json',
        authorization: `Bearer ${auth.accessToken}`,
        'x-api-key': auth.apiKey,
        'x-gw-ims-org-id': auth.orgId,
      }
    : { 'content-type': 'text/plain;charset=UTF-8' };
}

/**
 * Builds `POST {edgeUrl}/{edgeBasePath}/v2/interact?dataStreamId=…&requestId=…`.
 */
export function buildInteractRequest(
  config: ResolvedConfig,
  event: ExperienceEvent,
  requestId: string,
  meta?: RequestMeta,
): InteractRequest {
  const query = `dataStreamId=${encodeURIComponent(config.datastreamId)}&requestId=${encodeURIComponent(requestId)}`;
  return {
    requestId,
    eventId: event.xdm._id,
    url: `${config.edgeUrl}/${config.edgeBasePath}/v2/interact?${query}`,
    headers: edgeHeaders(config),
    body: JSON.stringify(meta?.state?.entries.length ? { event, meta } : { event }),
  };
}
