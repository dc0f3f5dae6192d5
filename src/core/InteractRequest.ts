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
  /**
   * The request's own `meta` (datastream configuration overrides), spliced into the body with
   * `meta.state` at each attempt (see edgeInteract), so the body holds one `meta`.
   */
  meta?: RequestMeta;
}

/**
 * Datastream configuration overrides, as Adobe's Web SDK takes them (`edgeConfigOverrides`):
 * `datastreamId` sends the event to another datastream (the URL's `dataStreamId`, the configured
 * one named in `meta.sdkConfig.datastream.original`); the rest (`com_adobe_experience_platform`,
 * `com_adobe_analytics`, `com_adobe_target`, `com_adobe_identity`…) goes as `meta.configOverrides`.
 * https://experienceleague.adobe.com/en/docs/experience-platform/datastreams/overrides
 */
export type EdgeConfigOverrides = { datastreamId?: string } & Record<string, unknown>;

/** Extra top-level request fields: `meta.state` entries returned by earlier answers, and the overrides. */
export interface RequestMeta {
  state?: { entries: Array<{ key: string; value: string }> };
  configOverrides?: Record<string, unknown>;
  sdkConfig?: { datastream: { original: string } };
}

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
  overrides?: EdgeConfigOverrides,
): InteractRequest {
  // The event's overrides over the configuration's, product by product (`com_adobe_analytics`…).
  const { datastreamId = config.datastreamId, ...configOverrides } = {
    ...config.edgeConfigOverrides,
    ...overrides,
  };
  const meta: RequestMeta = {};
  if (Object.keys(configOverrides).length) meta.configOverrides = configOverrides;
  if (datastreamId !== config.datastreamId)
    meta.sdkConfig = { datastream: { original: config.datastreamId } };
  const query = `dataStreamId=${encodeURIComponent(datastreamId)}&requestId=${encodeURIComponent(requestId)}`;
  return {
    requestId,
    eventId: event.xdm._id,
    url: `${config.edgeUrl}/${config.edgeBasePath}/v2/interact?${query}`,
    // No content type: `fetch` gives a string body `text/plain;charset=UTF-8`.
    headers: {},
    body: JSON.stringify({ event }),
    meta,
  };
}
