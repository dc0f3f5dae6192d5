import { PAGE_VIEW_EVENT_TYPE } from '../../core/buildExperienceEvent';
import type { CoreCollector } from '../../core/createCollector';
import { createUuid } from '../../core/createUuid';
import { isPlainObject } from '../../core/deepMerge';
import { noop } from '../../core/noop';
import { createVitalsTracker, type VitalsTracker } from './createVitalsTracker';
import type { ReportedVital } from './WebVitalsData';
import type { VitalsObserver } from './webVitalsObservers';

/** The event type of the one vitals event sent per page. */
export const VITALS_EVENT_TYPE = 'web.performance.vitals';

/**
 * Gives a page view a known `_id` (the caller's, if it set one) and reports it, so that vitals can
 * name it. Options the collector will refuse are passed on untouched, so that its error stays the same.
 */
function withPageViewId(options: unknown, report: (id: string) => void): unknown {
  const xdm = options === undefined ? {} : isPlainObject(options) ? (options.xdm ?? {}) : undefined;
  if (!isPlainObject(xdm)) return options;
  const id = (typeof xdm._id === 'string' && xdm._id) || createUuid();
  report(id);
  return { ...(options as object), xdm: { ...xdm, _id: id } };
}

/**
 * Starts Core Web Vitals for a collector: the metrics go out as one `web.performance.vitals` event
 * per page, under `data.webVitals`, through the collector's own `sendEvent`, so the delivery
 * queue, retries and consent apply to it as to any event. Page views sent through the collector
 * are given an `_id` up front, so the vitals event can name its page view even before the Edge
 * Network has answered. `observers` measure the metrics (web-vitals' own unless a test gives others).
 */
export function attachWebVitals(
  collector: CoreCollector,
  onReport?: (vital: ReportedVital) => void,
  observers?: readonly VitalsObserver[],
): VitalsTracker {
  const tracker = createVitalsTracker(
    (webVitals) => {
      // Nobody awaits this send: the collector's debug log already tells a failure, and the page must not see one.
      collector.sendEvent({ eventType: VITALS_EVENT_TYPE, data: { webVitals } }).catch(noop);
    },
    onReport,
    observers,
  );
  const { sendPageView, sendEvent } = collector;
  collector.sendPageView = (options) => sendPageView(withPageViewId(options, tracker.setPageViewId) as never);
  collector.sendEvent = (options) =>
    sendEvent(
      (isPlainObject(options) && options.eventType === PAGE_VIEW_EVENT_TYPE
        ? withPageViewId(options, tracker.setPageViewId)
        : options) as never,
    );
  return tracker;
}
