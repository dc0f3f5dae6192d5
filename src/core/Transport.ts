import { EdgeCollectorError } from './EdgeCollectorError';
import type { InteractRequest } from './InteractRequest';

/** What came back for one request: enough to correlate it, report it, or decide to retry. */
export interface EdgeAnswer {
  status: number;
  body: string;
  /** The `Retry-After` header, if any. */
  retryAfter?: string | null;
}

/** Sends one built request and returns the answer; rejects with a `network` error when nothing came back. */
export type Transport = (request: InteractRequest) => Promise<EdgeAnswer>;

/**
 * Browsers refuse `keepalive` requests once the bodies of those in flight pass 64 KiB
 * (https://fetch.spec.whatwg.org/#http-network-or-cache-fetch, "inflightKeepaliveBytes"): the
 * budget, with room for headers, that the transport and a page-hide flush both keep to.
 */
export const KEEPALIVE_BUDGET = 60_000;

/**
 * A transport over `fetch`: `keepalive` so a send started just before the page goes away still
 * completes, and credentials so the Edge Network's first-party cookies travel with it.
 */
export function fetchTransport(fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args)): Transport {
  // Bodies of this page's keepalive requests in flight: a burst must not push one past the budget.
  let keptAlive = 0;
  return async (request) => {
    const size = request.body.length;
    const keepalive = keptAlive + size <= KEEPALIVE_BUDGET;
    if (keepalive) keptAlive += size;
    let response: Response;
    try {
      response = await fetchImpl(request.url, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
        // A streaming inlet (`kind: 'streaming'`) has no cookies to read: without credentials its CORS answer may be `*`.
        credentials: request.kind === 'streaming' ? 'omit' : 'include',
        keepalive,
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
    } finally {
      if (keepalive) keptAlive -= size;
    }
    return {
      status: response.status,
      body: await response.text().catch(() => ''),
      retryAfter: response.headers.get('retry-after'),
    };
  };
}
