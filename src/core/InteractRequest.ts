import type { ResolvedConfig } from './CollectorConfig';
import type { ExperienceEvent } from './buildExperienceEvent';

/**
 * One request to the interact endpoint, fully built and serializable, so that it can be queued,
 * stored across page loads and retried unchanged (same `requestId`, same body).
 */
export interface InteractRequest {
  requestId: string;
  /**
   * Set on requests that are not events to the interact endpoint (`streaming`: a streamed record,
   * sent without cookies): the delivery handles each kind with its own handler (see
   * `RequestHandler`), e.g. with no `meta.state` and no result listeners for a streamed record.
   */
  kind?: string;
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
 * Asks the Edge Network for the visitor's ECID in its answer (`identity:result`), as Adobe's Web SDK
 * does on every request: without it the answer may carry no identity.
 */
export const FETCH_ECID = { identity: { fetch: ['ECID'] } };

/**
 * Builds `POST {edgeUrl}/{edgeBasePath}/v2/interact?dataStreamId=…&requestId=…`.
 *
 * The body goes as `text/plain` (fetch's type for a string body) so that in a browser the request
 * stays a simple CORS request (no preflight round trip); the authenticated server mode
 * (src/node/serverApiAuth.ts) switches it to JSON with Adobe's three headers at each attempt.
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
    // No content type: `fetch` gives a string body `text/plain;charset=UTF-8`.
    headers: {},
    body: JSON.stringify({ event, query: FETCH_ECID, ...(meta?.state?.entries.length && { meta }) }),
  };
}
