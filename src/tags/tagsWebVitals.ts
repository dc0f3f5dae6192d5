import { attachWebVitals } from '../browser/vitals/attachWebVitals';
import type { VitalsTracker } from '../browser/vitals/createVitalsTracker';
import type { ReportedVital, WebVitalsData } from '../browser/vitals/WebVitalsData';
import type { Collector } from '../core/createCollector';

// One measurement per page, shared by every module of the extension (they share this chunk).
let tracker: VitalsTracker | undefined;
const listeners = new Set<(vital: ReportedVital) => void>();

/** True when the extension configuration turns Web vitals on (`true`, or a data element giving true). */
export function webVitalsEnabled(settings: Record<string, unknown> | undefined): boolean {
  const value = settings?.webVitals;
  return value === true || (typeof value === 'string' && value.trim() === 'true');
}

/** Starts Core Web Vitals for the page's collector, once. */
export function startTagsWebVitals(collector: Collector): void {
  tracker ??= attachWebVitals(collector, (vital) => {
    for (const listener of listeners) {
      try {
        listener(vital);
      } catch {
        // One rule's failure must not keep the others from hearing the report.
      }
    }
  });
}

/** The latest values measured on this page (`{}` while vitals are off or nothing was measured yet). */
export function readTagsWebVitals(): WebVitalsData {
  return tracker ? tracker.latest() : {};
}

/** Calls `listener` on every web-vitals report; returns an unsubscribe function. */
export function onTagsWebVital(listener: (vital: ReportedVital) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Forgets the page's measurement; tests use it to start each case from a fresh page. */
export function resetTagsWebVitals(): void {
  tracker = undefined;
  listeners.clear();
}
