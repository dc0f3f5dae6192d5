import type { Metric } from 'web-vitals';

/** The metrics reported, by their key under `data.webVitals`. */
export type VitalKey = 'lcp' | 'cls' | 'inp' | 'fcp' | 'ttfb';

/**
 * One metric as it is sent, exactly as web-vitals reports it: its value (not rounded, so sums and
 * percentiles downstream stay exact), web.dev's rating of it, and how the page was reached.
 */
export interface VitalValue {
  /** Milliseconds for LCP, INP, FCP and TTFB; a unitless layout-shift score for CLS. */
  value: number;
  rating: Metric['rating'];
  navigationType: Metric['navigationType'];
}

/** The `data.webVitals` object of a vitals event (and the value of the Tags data element **Web vitals**). */
export type WebVitalsData = Partial<Record<VitalKey, VitalValue>> & {
  /** The `_id` of the page view these metrics belong to, when one was sent. */
  pageViewId?: string;
};

/** One web-vitals report, as listeners (the Tags event **Web vital reported**) receive it. */
export interface ReportedVital extends VitalValue {
  name: Metric['name'];
}
