import { afterEach, describe, expect, it, vi } from 'vitest';
import { attachWebVitals, VITALS_EVENT_TYPE } from '../../../../src/browser/vitals/attachWebVitals';
import type { Collector } from '../../../../src/core/createCollector';
import { report, setVisibility, fakeObservers } from './fakeWebVitals';

afterEach(() => setVisibility('visible'));

function fakeCollector() {
  const sendPageView = vi.fn(async (_options?: unknown) => ({
    requestId: 'r',
    eventId: 'e',
    handle: [],
    warnings: [],
  }));
  const sendEvent = vi.fn(async (_options?: unknown) => ({
    requestId: 'r',
    eventId: 'e',
    handle: [],
    warnings: [],
  }));
  return { collector: { sendPageView, sendEvent } as unknown as Collector, sendPageView, sendEvent };
}

describe('attachWebVitals', () => {
  it('gives each page view an _id and sends the vitals through sendEvent, naming that page view', async () => {
    const { collector, sendPageView, sendEvent } = fakeCollector();
    attachWebVitals(collector, undefined, fakeObservers);
    await collector.sendPageView({ name: 'Home' });
    const pageViewId = (sendPageView.mock.calls[0]![0] as { xdm: { _id: string } }).xdm._id;
    expect(pageViewId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sendPageView.mock.calls[0]![0]).toMatchObject({ name: 'Home' });
    report('LCP', 900);
    setVisibility('hidden');
    expect(sendEvent).toHaveBeenCalledWith({
      eventType: VITALS_EVENT_TYPE,
      data: { webVitals: { pageViewId, lcp: { value: 900, rating: 'good', navigationType: 'navigate' } } },
    });
  });

  it('keeps an _id the caller chose, and recognises a page view sent with sendEvent', async () => {
    const { collector, sendEvent } = fakeCollector();
    const tracker = attachWebVitals(collector, undefined, fakeObservers);
    await collector.sendPageView({ xdm: { _id: 'mine' } });
    expect(tracker.latest().pageViewId).toBe('mine');
    await collector.sendEvent({ eventType: 'web.webpagedetails.pageViews' });
    const sent = sendEvent.mock.calls[0]![0] as { xdm: { _id: string } };
    expect(tracker.latest().pageViewId).toBe(sent.xdm._id);
    await collector.sendEvent({ eventType: 'commerce.productViews' });
    expect(sendEvent.mock.calls[1]![0]).toEqual({ eventType: 'commerce.productViews' });
  });

  it('passes options the collector will refuse through untouched, so its error stays the same', async () => {
    const { collector, sendPageView } = fakeCollector();
    attachWebVitals(collector, undefined, fakeObservers);
    await collector.sendPageView('home' as never);
    await collector.sendPageView({ xdm: 'nope' } as never);
    expect(sendPageView.mock.calls.map(([options]) => options)).toEqual(['home', { xdm: 'nope' }]);
  });

  it('swallows a failed vitals send instead of throwing into the page', async () => {
    const { collector, sendEvent } = fakeCollector();
    const rejection = Promise.reject(new Error('offline'));
    const handled = vi.spyOn(rejection, 'catch');
    sendEvent.mockReturnValueOnce(rejection as never);
    attachWebVitals(collector, undefined, fakeObservers);
    report('FCP', 100);
    setVisibility('hidden');
    expect(sendEvent).toHaveBeenCalledTimes(1);
    expect(handled).toHaveBeenCalledTimes(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
});
