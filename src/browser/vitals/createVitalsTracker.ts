import type { Metric } from 'web-vitals';
import { WEB_VITALS_OBSERVERS, type VitalsObserver } from './webVitalsObservers';
import type { ReportedVital, VitalKey, WebVitalsData } from './WebVitalsData';

/** A running vitals measurement: its latest values and the page view they belong to. */
export interface VitalsTracker {
  /** The metrics measured so far on this page, with the page view's `_id`. */
  latest(): WebVitalsData;
  /** Ties the metrics to the page view that was just sent. */
  setPageViewId(id: string): void;
}

/**
 * Measures LCP, CLS, INP, FCP and TTFB with web-vitals and calls `send` once per page, the first
 * time it is hidden (the last moment a browser promises to run our code), with everything measured
 * by then. A page restored from the back-forward cache is a new page: its metrics start over and
 * it is sent again when next hidden. `onReport`, if given, hears every single report as it comes.
 * `observers` measure the metrics: web-vitals' own, or a test's.
 */
export function createVitalsTracker(
  send: (data: WebVitalsData) => void,
  onReport?: (vital: ReportedVital) => void,
  observers: readonly VitalsObserver[] = WEB_VITALS_OBSERVERS,
): VitalsTracker {
  let data: WebVitalsData = {};
  let sent = false;
  let pageViewId: string | undefined;

  const record = (metric: Metric) => {
    const { name, value, rating, navigationType } = metric;
    data[name.toLowerCase() as VitalKey] = { value, rating, navigationType };
    onReport?.({ name, value, rating, navigationType });
  };
  const latest = (): WebVitalsData => ({ ...(pageViewId && { pageViewId }), ...data });

  for (const observe of observers) observe(record);
  // Capture phase on document: after web-vitals' own listeners (window, capture), so its final CLS,
  // INP and LCP reports for this hide are in; before the delivery's page-hide flush (document,
  // bubble), so the vitals event is queued in time to leave with that flush. No `pagehide`
  // listener: every browser web-vitals supports hides the page before it unloads it.
  document.addEventListener(
    'visibilitychange',
    () => {
      if (document.visibilityState === 'hidden' && !sent && Object.keys(data).length) {
        sent = true;
        send(latest());
      }
    },
    true,
  );
  addEventListener('pageshow', (event) => {
    if ((event as PageTransitionEvent).persisted) {
      data = {};
      sent = false;
    }
  });

  return {
    latest,
    setPageViewId(id) {
      pageViewId = id;
    },
  };
}
