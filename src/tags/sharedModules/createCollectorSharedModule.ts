import type { ConsentInput } from '../../core/consent/ConsentInput';
import type { Collector, EventOptions, PageViewOptions } from '../../core/createCollector';
import { EdgeCollectorError } from '../../core/EdgeCollectorError';
import type { SendResult } from '../../core/readEdgeAnswer';
import { queueStreamRecord } from '../../core/streaming/queueStreamRecord';
import type { StreamRecordOptions } from '../../core/streaming/StreamingOptions';
import type { StreamResult } from '../../core/streaming/readStreamingAnswer';
import type { TagsPage } from '../createTagsPage';

/**
 * What `turbine.getSharedModule('edge-collector', 'collector')` gives other extensions and custom
 * code: the collector of the configuration's first instance, created on first use; `instance(name)`
 * gives another instance's.
 */
export interface CollectorSharedModule {
  /** The same module for the configuration's instance called `name` (its methods reject while there is none). */
  instance(name: string): CollectorSharedModule;
  /** The configured collector, or `undefined` (with an error logged) while the configuration is invalid. */
  getCollector(): Collector | undefined;
  sendPageView(options?: PageViewOptions): Promise<SendResult>;
  sendEvent(options: EventOptions): Promise<SendResult>;
  /** Streams one record to an HTTP API streaming inlet, through the page's queue, retries and consent. */
  streamRecord(options: StreamRecordOptions): Promise<StreamResult>;
  /** Calls `listener` after every answer; returns an unsubscribe function. */
  onResult(listener: (result: SendResult) => void): () => void;
  /** Sets the visitor's consent (`in`, `out`, `pending` or Adobe's `{ consent: [...] }`) and posts it to the Edge Network. */
  setConsent(value: ConsentInput): Promise<void>;
}

/** The configured collector, or the `not-configured` error naming `command` while the configuration is invalid. */
export function requireCollector(getCollector: () => Collector | undefined, command: string): Collector {
  const collector = getCollector();
  if (!collector)
    throw new EdgeCollectorError(
      'not-configured',
      `${command}: the Edge Collector extension configuration is invalid`,
    );
  return collector;
}

/**
 * Builds the shared module of one instance; `instance` builds another's. Its methods always return
 * promises and never throw.
 */
export function createCollectorSharedModule(
  { getCollector, rememberRequestId }: Pick<TagsPage, 'getCollector' | 'rememberRequestId'>,
  instance: (name: string) => CollectorSharedModule,
): CollectorSharedModule {
  /** Runs `command` on the page's collector; rejects (never throws) while the configuration is invalid. */
  const withCollector = <T>(command: string, run: (collector: Collector) => Promise<T>): Promise<T> =>
    new Promise<T>((resolve) => resolve(run(requireCollector(getCollector, command))));
  /** Keeps the request id of a send, answered or not, for the Last request ID data element. */
  const remembered = (sending: Promise<SendResult>): Promise<SendResult> =>
    sending.then(
      (result) => {
        rememberRequestId(result.requestId);
        return result;
      },
      (error: unknown) => {
        rememberRequestId((error as { requestId?: string } | null)?.requestId);
        throw error;
      },
    );
  return {
    instance,
    getCollector,
    sendPageView: (options) =>
      remembered(withCollector('sendPageView', (collector) => collector.sendPageView(options))),
    sendEvent: (options) =>
      remembered(withCollector('sendEvent', (collector) => collector.sendEvent(options))),
    streamRecord: (options) =>
      withCollector('streamRecord', (collector) => queueStreamRecord(collector, options)),
    setConsent: (value) => withCollector('setConsent', (collector) => collector.setConsent(value)),
    onResult(listener) {
      const collector = getCollector();
      return collector ? collector.onResult(listener) : () => false;
    },
  };
}
