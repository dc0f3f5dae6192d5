import type { ResolvedConfig } from './CollectorConfig';
import type { ExperienceEvent } from './buildExperienceEvent';

/**
 * One request to the interact endpoint, fully built and serializable, so that it can be queued,
 * stored across page loads and retried unchanged (same `requestId`, same body).
 */
export interface InteractRequest {
  requestId: string;
  /**
   * Set on requests that are not the Edge Network's (a streamed record): they go without cookies
   * or `meta.state`, and their answers are not reported to result listeners.
   */
  kind?: 'streaming';
  /** The event's `_id`. */
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
 * Builds `POST {edgeUrl}/{edgeBasePath}/v2/interact?dataStreamId=…&requestId=…`.
 *
 * In the browser the body goes as `text/plain` so the request stays a simple CORS request (no
 * preflight round trip); the authenticated server mode sends JSON with Adobe's three headers.
 */
export function buildInteractRequest(
  config: ResolvedConfig,
  event: ExperienceEvent,
  requestId: string,
  meta?: RequestMeta,
): InteractRequest {
  const query = `dataStreamId=${encodeURIComponent(config.datastreamId)}&requestId=${encodeURIComponent(requestId)}`;
  const headers: Record<string, string> = { 'content-type': 'text/plain;charset=UTF-8' };
  if (config.auth) {
    headers['content-type'] = 'application/json';
    headers.authorization = `Bearer ${config.auth.accessToken}`;
    headers['x-api-key'] = config.auth.apiKey;
    headers['x-gw-ims-org-id'] = config.auth.orgId;
  }
  return {
    requestId,
    eventId: event.xdm._id,
    url: `${config.edgeUrl}/${config.edgeBasePath}/v2/interact?${query}`,
    headers,
    body: JSON.stringify(meta?.state?.entries.length ? { event, meta } : { event }),
  };
}
