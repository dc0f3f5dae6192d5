import type { Metric } from 'web-vitals';
import type { VitalsObserver } from '../../../../src/browser/vitals/webVitalsObservers';

// The callbacks the code under test gave the fake observers, by metric name; the latest wins.
const callbacks = new Map<string, (metric: Metric) => void>();
const register = (name: Metric['name']) => (callback: (metric: Metric) => void) =>
  void callbacks.set(name, callback);

/** Stands in for web-vitals' observers: pass it as `observers`, then play reports with {@link report}. */
export const fakeObservers: VitalsObserver[] = ['TTFB', 'FCP', 'LCP', 'CLS', 'INP'].map((name) =>
  register(name as Metric['name']),
);

/** Plays one web-vitals report to the latest tracker. */
export function report(name: Metric['name'], value: number, rating: Metric['rating'] = 'good'): void {
  callbacks.get(name)!({
    name,
    value,
    rating,
    delta: value,
    id: `v5-${name}`,
    entries: [],
    navigationType: 'navigate',
    navigationId: 1,
  } as Metric);
}

/** Makes the page look hidden (or visible) and tells it, as a browser does when a tab goes to the background. */
export function setVisibility(state: 'hidden' | 'visible'): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}
