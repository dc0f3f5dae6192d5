import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getTagsCollector, resetTagsCollector } from '../../../src/tags/getTagsCollector';
import { resetTagsWebVitals } from '../../../src/tags/tagsWebVitals';
import { webVitalReportedEvent } from '../../../src/tags/webVitalReportedEvent';
import { webVitalsDataElement } from '../../../src/tags/webVitalsDataElement';
import { fakeTurbine } from './fakeTurbine';
import { report, setVisibility } from '../browser/vitals/fakeWebVitals';

vi.mock('web-vitals', async () => (await import('../browser/vitals/fakeWebVitals')).fakeWebVitalsModule);
const fake = vi.hoisted(() => ({ sendEvent: [] as unknown[] }));
vi.mock('../../../src/browser/createBrowserCollector', () => ({
  createBrowserCollector: (config: unknown) => ({
    config,
    onResult: () => () => true,
    sendPageView: async () => ({}),
    sendEvent: async (options: unknown) => fake.sendEvent.push(options),
  }),
}));

const DATASTREAM = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';

beforeEach(() => {
  resetTagsCollector();
  resetTagsWebVitals();
  fake.sendEvent.length = 0;
});
afterEach(() => setVisibility('visible'));

describe('Web vitals in Tags', () => {
  it('measure when the configuration turns them on, and send the event when the page is hidden', () => {
    const { turbine } = fakeTurbine({ productionDatastreamId: DATASTREAM, webVitals: true });
    getTagsCollector(turbine);
    report('LCP', 1200);
    setVisibility('hidden');
    expect(fake.sendEvent).toEqual([
      {
        eventType: 'web.performance.vitals',
        data: { webVitals: { lcp: { value: 1200, rating: 'good', navigationType: 'navigate' } } },
      },
    ]);
  });

  it('stay off for a configuration saved before the option existed', () => {
    const { turbine } = fakeTurbine({ productionDatastreamId: DATASTREAM });
    expect(webVitalsDataElement(turbine)()).toEqual({});
    report('LCP', 1200);
    setVisibility('hidden');
    expect(fake.sendEvent).toEqual([]);
  });

  it('give the data element the latest values', () => {
    const { turbine } = fakeTurbine({ productionDatastreamId: DATASTREAM, webVitals: 'true' });
    const element = webVitalsDataElement(turbine);
    expect(element()).toEqual({});
    report('FCP', 300);
    report('CLS', 0.02);
    expect(element()).toEqual({
      fcp: { value: 300, rating: 'good', navigationType: 'navigate' },
      cls: { value: 0.02, rating: 'good', navigationType: 'navigate' },
    });
  });

  it('fire "Web vital reported" for each report, replaying those that came before the rule', () => {
    const { turbine } = fakeTurbine({ productionDatastreamId: DATASTREAM, webVitals: true });
    getTagsCollector(turbine);
    report('TTFB', 50);
    const trigger = vi.fn();
    webVitalReportedEvent(turbine)({}, trigger);
    report('INP', 180, 'good');
    expect(trigger.mock.calls.map(([detail]) => detail)).toEqual([
      { vital: { name: 'TTFB', value: 50, rating: 'good', navigationType: 'navigate' } },
      { vital: { name: 'INP', value: 180, rating: 'good', navigationType: 'navigate' } },
    ]);
  });

  it('warn a rule on "Web vital reported" that vitals are off', () => {
    const { turbine, logger } = fakeTurbine({ productionDatastreamId: DATASTREAM, webVitals: false });
    webVitalReportedEvent(turbine)({}, vi.fn());
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/turn on Web vitals/));
  });
});
