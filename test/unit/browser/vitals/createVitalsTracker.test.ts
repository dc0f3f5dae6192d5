import { afterEach, describe, expect, it, vi } from 'vitest';
import { createVitalsTracker } from '../../../../src/browser/vitals/createVitalsTracker';
import { report, setVisibility, fakeObservers } from './fakeWebVitals';

afterEach(() => setVisibility('visible'));

describe('createVitalsTracker', () => {
  it('sends one event with every metric, its rating and navigation type, and the page view id when the page is hidden', () => {
    const send = vi.fn();
    const tracker = createVitalsTracker(send, undefined, fakeObservers);
    tracker.setPageViewId('pv-1');
    report('TTFB', 80.4);
    report('FCP', 300.2);
    report('LCP', 2600, 'needs-improvement');
    report('CLS', 0.01);
    report('INP', 40);
    expect(send).not.toHaveBeenCalled();
    setVisibility('hidden');
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({
      pageViewId: 'pv-1',
      ttfb: { value: 80.4, rating: 'good', navigationType: 'navigate' },
      fcp: { value: 300.2, rating: 'good', navigationType: 'navigate' },
      lcp: { value: 2600, rating: 'needs-improvement', navigationType: 'navigate' },
      cls: { value: 0.01, rating: 'good', navigationType: 'navigate' },
      inp: { value: 40, rating: 'good', navigationType: 'navigate' },
    });
  });

  it('sends only once per page, however often it is hidden', () => {
    const send = vi.fn();
    createVitalsTracker(send, undefined, fakeObservers);
    report('LCP', 1000);
    setVisibility('hidden');
    setVisibility('visible');
    report('CLS', 0.2);
    setVisibility('hidden');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('sends nothing when nothing was measured', () => {
    const send = vi.fn();
    createVitalsTracker(send, undefined, fakeObservers);
    setVisibility('hidden');
    expect(send).not.toHaveBeenCalled();
  });

  it('starts over for a page restored from the back-forward cache', () => {
    const send = vi.fn();
    createVitalsTracker(send, undefined, fakeObservers);
    report('LCP', 1000);
    setVisibility('hidden');
    const restored = new Event('pageshow') as Event & { persisted: boolean };
    Object.defineProperty(restored, 'persisted', { value: true });
    dispatchEvent(restored);
    setVisibility('visible');
    report('LCP', 20);
    setVisibility('hidden');
    expect(send).toHaveBeenCalledTimes(2);
    expect(send.mock.calls[1]![0]).toEqual({
      lcp: { value: 20, rating: 'good', navigationType: 'navigate' },
    });
  });

  it('tells onReport of each report and keeps the latest values', () => {
    const heard = vi.fn();
    const tracker = createVitalsTracker(vi.fn(), heard, fakeObservers);
    report('LCP', 1000);
    report('LCP', 1500);
    report('CLS', 0.3, 'poor');
    expect(heard.mock.calls.map(([vital]) => vital)).toEqual([
      { name: 'LCP', value: 1000, rating: 'good', navigationType: 'navigate' },
      { name: 'LCP', value: 1500, rating: 'good', navigationType: 'navigate' },
      { name: 'CLS', value: 0.3, rating: 'poor', navigationType: 'navigate' },
    ]);
    expect(tracker.latest()).toEqual({
      lcp: { value: 1500, rating: 'good', navigationType: 'navigate' },
      cls: { value: 0.3, rating: 'poor', navigationType: 'navigate' },
    });
  });
});
