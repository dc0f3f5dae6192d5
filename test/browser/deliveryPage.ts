import type { Page } from 'playwright-core';
import type { RecordedRequest } from '../support/startRecordingServer';

/** A datastream id per test, so that queues (namespaced by datastream) never mix between tests. */
export const datastream = (n: number) => `2f6c9b0e-3c1d-4e5f-8a7b-${String(n).padStart(12, '0')}`;

/**
 * A page that loads the built script, configures it with `options`, and offers `send(data)` which
 * records each outcome in `window.results`. Backoff settings are small so that tests stay short.
 */
export function deliveryPage(options: Record<string, unknown>, script = ''): string {
  const config = { retryDelay: 50, maxRetryDelay: 300, ...options };
  return `<!doctype html><html><head><title>Delivery</title>
<script src="/edge-collector.min.js"></script>
<script>
window.results = [];
window.ready = edgeCollector('configure', ${JSON.stringify(config)});
window.send = function (data) {
  return edgeCollector('sendEvent', { eventType: 'test.delivery', data: data }).then(
    function (r) { results.push(r); return r; },
    function (e) { results.push({ error: String(e), code: e.code }); return e; });
};
${script}
</script></head><body>delivery</body></html>`;
}

/** The interact requests among what the server recorded. */
export const interacts = (r: RecordedRequest) => r.url.pathname === '/ee/v2/interact';

/** The event of an interact request. */
export const eventOf = (r: RecordedRequest) =>
  JSON.parse(r.body).event as { xdm: { _id: string; timestamp: string }; data?: { n?: number } };

/**
 * What the page's persistent queue (localStorage, one key per request) holds for a datastream:
 * `…:q2:{requestId} {at} {size}` keys holding `{header}\n{body}` (src/browser/delivery/localStorageStore.ts).
 */
export function storedQueue(
  page: Page,
  datastreamId: string,
): Promise<Array<{ request: { requestId: string; body: string }; owner?: string }>> {
  return page.evaluate(
    (prefix) =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith(prefix))
        .map((key) => {
          const text = localStorage.getItem(key)!;
          const cut = text.indexOf('\n');
          const entry = JSON.parse(text.slice(0, cut));
          entry.request.body = text.slice(cut + 1);
          return entry;
        }),
    `edge-collector:${datastreamId}:q2:`,
  );
}
