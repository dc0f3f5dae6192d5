import type { PlainObject } from '../deepMerge';
import type { InteractRequest } from '../InteractRequest';
import type { ResolvedStreamingOptions } from './StreamingOptions';

/**
 * One request to a streaming inlet, fully built and serializable like an {@link InteractRequest}
 * (same fields, so the same transport, queue and retry rules carry it), marked `streaming` so that
 * its answer is read as an inlet's answer.
 */
export interface StreamingRequest extends InteractRequest {
  kind: 'streaming';
}

/**
 * Builds `POST {inletUrl}` with `x-adobe-flow-id`. The inlet takes JSON only; the flow id header
 * makes it a CORS request with a preflight in any case, so nothing is gained by `text/plain`.
 */
export function buildStreamingRequest(
  options: Pick<ResolvedStreamingOptions, 'inletUrl' | 'flowId' | 'accessToken'>,
  payload: PlainObject,
  requestId: string,
  recordId: string,
): StreamingRequest {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-adobe-flow-id': options.flowId,
  };
  if (options.accessToken) headers.authorization = `Bearer ${options.accessToken}`;
  return {
    kind: 'streaming',
    requestId,
    eventId: recordId,
    url: options.inletUrl,
    headers,
    body: JSON.stringify(payload),
  };
}
