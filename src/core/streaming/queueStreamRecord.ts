import type { CoreCollector } from '../createCollector';
import { isPlainObject } from '../deepMerge';
import { EdgeCollectorError } from '../EdgeCollectorError';
import { streamingInlet } from '../delivery/streamingInlet';
import { receiptOf } from './readQueuedAnswer';
import type { StreamResult } from './readStreamingAnswer';
import { buildStreamRecord } from './buildStreamRecord';

/**
 * Streams one record through a collector: built as `prepareStreamRecord` builds it (a page view
 * with the collector's own event builder), then queued in the collector's delivery, so that the
 * persistent queue, retries and consent of events apply to it too. Resolves with the inlet's
 * receipt `{inletId, xactionId, receivedTimeMs}`; rejects with an `EdgeCollectorError`.
 */
export async function queueStreamRecord(collector: CoreCollector, options: unknown): Promise<StreamResult> {
  checkCollector(collector, options);
  const { request, warnings } = await buildStreamRecord(options, async ({ name, url }, xdm) => {
    const { event, warnings: built } = await collector.buildEvent('pageView', { name, url, xdm });
    return { xdm: event.xdm, warnings: built };
  });
  return receiptOf(await collector.deliver(request, warnings, streamingInlet));
}

/** `streamRecord({ … })`, the options alone, is the likely mistake: say which argument is missing. */
function checkCollector(collector: unknown, options: unknown): asserts collector is CoreCollector {
  const { deliver, buildEvent } = (collector ?? {}) as Partial<CoreCollector>;
  if (typeof deliver === 'function' && typeof buildEvent === 'function') return;
  const got =
    options === undefined && isPlainObject(collector) ? 'got the options alone' : 'got something else';
  throw new EdgeCollectorError(
    'invalid-options',
    `streamRecord(collector, options): the first argument must be a collector from createEdgeCollector(…), the second the options; ${got}`,
  );
}
