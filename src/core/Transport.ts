import { EdgeCollectorError } from './EdgeCollectorError';
import type { InteractRequest } from './InteractRequest';

/** What came back for one request: enough to correlate it, report it, or decide to retry. */
export interface EdgeAnswer {
  status: number;
  body: string;
  /** The `Retry-After` header, if any. */
  retryAfter?: string | null;
}

/**
 * Sends one built request and returns the answer; rejects with a `network` error when nothing came
 * back. `keepalive` (decided by the delivery, which keeps the budget) lets it outlive the page.
 */
export type Transport = (request: InteractRequest, keepalive?: boolean) => Promise<EdgeAnswer>;

/**
 * Browsers refuse `keepalive` requests once the bodies of those in flight pass 64 KiB
 * (https://fetch.spec.whatwg.org/#http-network-or-cache-fetch, "inflightKeepaliveBytes"): the
 * budget, with room for headers, that the transport and a page-hide flush both keep to.
 */
export const KEEPALIVE_BUDGET = 60_000;

/**
 * A transport over `fetch`: `keepalive` when asked, so a send started just before the page goes
 * away still completes, and credentials so the Edge Network's first-party cookies travel with it.
 */
export function fetchTransport(fetchImpl: typeof fetch = (url, init) => fetch(url, init)): Transport {
  return async (request, keepalive) => {
    let response: Response;
    try {
      response = await fetchImpl(request.url, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
        // A streaming inlet (`kind: 'streaming'`) has no cookies to read: without credentials its CORS answer may be `*`.
        credentials: request.kind === 'streaming' ? 'omit' : 'include',
        keepalive: !!keepalive,
        // The page URL may carry an address (`?email=…`) and the event already holds it, redacted:
        // whatever the page's own referrer policy, the `Referer` header must not repeat it.
        referrerPolicy: 'no-referrer',
      });
    } catch (cause) {
      throw new EdgeCollectorError(
        'network',
        `request ${request.requestId} got no answer: ${(cause as Error)?.message ?? cause}`,
        {
          requestId: request.requestId,
        },
      );
    }
    return {
      status: response.status,
      body: await response.text().catch(() => ''),
      retryAfter: response.headers.get('retry-after'),
    };
  };
}
