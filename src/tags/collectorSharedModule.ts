import type { Collector, EventOptions, PageViewOptions } from '../core/createCollector';
import type { SendResult } from '../core/readEdgeAnswer';
import { EdgeCollectorError } from '../core/EdgeCollectorError';
import { getTagsCollector, rememberRequestId } from './getTagsCollector';
import type { ConsentInput } from '../core/consent/ConsentInput';
import type { Turbine } from './Turbine';

/**
 * What `turbine.getSharedModule('edge-collector', 'collector')` gives other extensions and custom
 * code: the page's one collector, created on first use from this extension's configuration.
 */
export interface CollectorSharedModule {
  /** The configured collector, or `undefined` (with an error logged) while the configuration is invalid. */
  getCollector(): Collector | undefined;
  sendPageView(options?: PageViewOptions): Promise<SendResult>;
  sendEvent(options: EventOptions): Promise<SendResult>;
  /** Calls `listener` after every answer; returns an unsubscribe function. */
  onResult(listener: (result: SendResult) => void): () => void;
  /** Sets the visitor's consent (`in`, `out`, `pending` or Adobe's `{ consent: [...] }`) and posts it to the Edge Network. */
  setConsent(value: ConsentInput): Promise<void>;
}

/** Builds the shared module; its methods always return promises and never throw. */
export function collectorSharedModule(turbine: Turbine): CollectorSharedModule {
  const withCollector = (
    command: string,
    run: (collector: Collector) => Promise<SendResult>,
  ): Promise<SendResult> =>
    new Promise<SendResult>((resolve) => {
      const collector = getTagsCollector(turbine);
      if (!collector)
        throw new EdgeCollectorError(
          'not-configured',
          `${command}: the Edge Collector extension configuration is invalid`,
        );
      resolve(run(collector));
    }).then(
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
    getCollector: () => getTagsCollector(turbine),
    sendPageView: (options) => withCollector('sendPageView', (collector) => collector.sendPageView(options)),
    sendEvent: (options) => withCollector('sendEvent', (collector) => collector.sendEvent(options)),
    setConsent: (value) =>
      new Promise<void>((resolve) => {
        const collector = getTagsCollector(turbine) as
          (Collector & { setConsent?: (value: ConsentInput) => Promise<void> }) | undefined;
        if (!collector)
          throw new EdgeCollectorError(
            'not-configured',
            'setConsent: the Edge Collector extension configuration is invalid',
          );
        if (typeof collector.setConsent !== 'function')
          throw new Error('setConsent: this build of the collector has no consent support');
        resolve(collector.setConsent(value));
      }),
    onResult(listener) {
      const collector = getTagsCollector(turbine);
      return collector ? collector.onResult(listener) : () => false;
    },
  };
}
