import type { Collector } from '../createCollector';
import { streamingInlet } from '../delivery/streamingInlet';
import { receiptOf } from './readQueuedAnswer';
import type { StreamResult } from './readStreamingAnswer';
import { prepareStreamRecord } from './streamRecord';

/**
 * Streams one record through a collector: built as `prepareStreamRecord` builds it (a page view
 * with the collector's own event builder), then queued in the collector's delivery, so that the
 * persistent queue, retries and consent of events apply to it too. Resolves with the inlet's
 * receipt `{inletId, xactionId, receivedTimeMs}`; rejects with an `EdgeCollectorError`.
 */
export async function queueStreamRecord(collector: Collector, options: unknown): Promise<StreamResult> {
  const { request, warnings } = await prepareStreamRecord(options, {
    async buildPageView({ name, url }, xdm) {
      const { event, warnings: built } = await collector.buildEvent('pageView', { name, url, xdm });
      return { xdm: event.xdm, warnings: built };
    },
  });
  return receiptOf(await collector.deliver(request, warnings, streamingInlet));
}
