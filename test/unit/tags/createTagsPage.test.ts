import { describe, expect, it, vi } from 'vitest';
import { createMain } from '../../../src/tags/createMain';
import { fakePage } from './fakePage';

const DATASTREAM = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';

describe('the page collector', () => {
  it('is created once, lazily, with the datastream of the library stage', () => {
    const { page, created } = fakePage(
      { productionDatastreamId: DATASTREAM, stagingDatastreamId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee' },
      'staging',
    );
    expect(created).toHaveLength(0);
    const first = page.getCollector();
    expect(page.getCollector()).toBe(first);
    expect(created).toHaveLength(1);
    expect(created[0]!.config).toMatchObject({
      datastreamId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
      edgeUrl: 'https://edge.adobedc.net',
    });
  });

  it('logs an error a Tags user can act on when the configuration is bad, and tries again later', () => {
    const settings: Record<string, unknown> = { productionDatastreamId: 'not-a-uuid' };
    const { page, logger, created } = fakePage(settings);
    expect(page.getCollector()).toBeUndefined();
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringMatching(/not-a-uuid.*Extensions > Edge Collector > Configure/s),
    );
    expect(created).toHaveLength(0);
    settings.productionDatastreamId = DATASTREAM;
    expect(page.getCollector()).toBeDefined();
  });

  it('starts when the main module runs, as the library loads', () => {
    const { page, created } = fakePage();
    createMain(page);
    expect(created).toHaveLength(1);
  });

  it('remembers the request id of every answer', () => {
    const { page, created } = fakePage();
    page.getCollector();
    expect(page.lastRequestId()).toBeUndefined();
    created[0]!.collector.emit({ requestId: 'req-9', eventId: 'e', handle: [], warnings: [] });
    expect(page.lastRequestId()).toBe('req-9');
  });
});

describe('several instances', () => {
  const BRAND = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
  const settings = {
    instances: [
      { name: 'store', productionDatastreamId: DATASTREAM },
      { name: 'brand', productionDatastreamId: BRAND, webVitals: true },
    ],
  };

  it('gives each instance its own collector, with its own settings; the first by default', () => {
    const first = fakePage(settings);
    const brand = fakePage(settings, 'production', undefined, 'brand');
    expect(first.page.instanceName).toBe('store');
    expect(first.page.getCollector()!.config.datastreamId).toBe(DATASTREAM);
    expect(first.attachWebVitals).not.toHaveBeenCalled();
    expect(brand.page.getCollector()!.config.datastreamId).toBe(BRAND);
    expect(brand.attachWebVitals).toHaveBeenCalledTimes(1);
    expect(brand.page.webVitalsEnabled()).toBe(true);
  });

  it('logs, naming the instance, when a rule picks one the configuration no longer has', () => {
    const { page, logger } = fakePage(settings, 'production', undefined, 'removed');
    expect(page.getCollector()).toBeUndefined();
    expect(page.webVitalsEnabled()).toBe(false);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('instance "removed") is not configured: there is no instance named "removed"'),
    );
  });
});

describe('Web vitals in Tags', () => {
  it('start with the collector when the configuration turns them on, and feed listeners', () => {
    const { page, attachWebVitals, report } = fakePage({
      productionDatastreamId: DATASTREAM,
      webVitals: 'true',
    });
    const listener = vi.fn();
    page.onWebVital(listener);
    page.getCollector();
    expect(attachWebVitals).toHaveBeenCalledTimes(1);
    report({ name: 'LCP', value: 1200, rating: 'good', navigationType: 'navigate' });
    expect(listener).toHaveBeenCalledWith(expect.objectContaining({ name: 'LCP', value: 1200 }));
    expect(page.latestWebVitals()).toEqual({
      lcp: { value: 1200, rating: 'good', navigationType: 'navigate' },
    });
  });

  it('stay off for a configuration saved before the option existed', () => {
    const { page, attachWebVitals } = fakePage({ productionDatastreamId: DATASTREAM });
    page.getCollector();
    expect(attachWebVitals).not.toHaveBeenCalled();
    expect(page.latestWebVitals()).toEqual({});
    expect(page.webVitalsEnabled()).toBe(false);
  });
});

describe('on before event send', () => {
  it('reaches the core as onBeforeEventSend; an error it throws is logged through Turbine and thrown on', () => {
    const callback = vi.fn(() => {
      throw new Error('content.xdm.web is undefined');
    });
    const { page, logger, created } = fakePage({
      productionDatastreamId: DATASTREAM,
      onBeforeEventSend: callback,
    });
    page.getCollector();
    const onBeforeEventSend = created[0]!.config.onBeforeEventSend!;
    const content = { xdm: { _id: '1', timestamp: 't', eventType: 'x' } };
    expect(() => onBeforeEventSend(content)).toThrow('content.xdm.web is undefined');
    expect(callback).toHaveBeenCalledWith(content);
    expect(logger.error).toHaveBeenCalledWith(
      'On before event send failed: content.xdm.web is undefined; the event is sent unchanged',
    );
  });

  it('sees content.data as {} when the event has none, as Adobe passes it; left empty, none is sent', () => {
    const seen: unknown[] = [];
    const { page, created } = fakePage({
      productionDatastreamId: DATASTREAM,
      onBeforeEventSend: (content: { data?: Record<string, unknown> }) => {
        seen.push(structuredClone(content.data));
        if (seen.length === 2) content.data!.cart = 'c-1';
      },
    });
    page.getCollector();
    const onBeforeEventSend = created[0]!.config.onBeforeEventSend!;
    const untouched = { xdm: { _id: '1', timestamp: 't', eventType: 'x' } };
    onBeforeEventSend(untouched);
    expect(seen[0]).toEqual({});
    expect(untouched).not.toHaveProperty('data');
    const filled = { xdm: { _id: '2', timestamp: 't', eventType: 'x' } };
    onBeforeEventSend(filled);
    expect(filled).toHaveProperty('data', { cart: 'c-1' });
  });

  it('is left out when the setting holds no function (a configuration without code)', () => {
    const { page, created } = fakePage({ productionDatastreamId: DATASTREAM, onBeforeEventSend: '' });
    page.getCollector();
    expect(created[0]!.config.onBeforeEventSend).toBeUndefined();
  });
});
