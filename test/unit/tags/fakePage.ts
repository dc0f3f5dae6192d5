import { vi } from 'vitest';
import type { ReportedVital, WebVitalsData } from '../../../src/browser/vitals/WebVitalsData';
import type { ResolvedConfig } from '../../../src/core/CollectorConfig';
import type { Collector } from '../../../src/core/createCollector';
import type { SendResult } from '../../../src/core/readEdgeAnswer';
import { createTagsPage } from '../../../src/tags/createTagsPage';
import { fakeTurbine } from './fakeTurbine';

/** A Send result as the collector resolves it. */
export function result(requestId: string, warnings: string[] = []): SendResult {
  return {
    requestId,
    eventId: `event-of-${requestId}`,
    handle: [{ type: 'state:store', payload: [] }],
    warnings,
  };
}

/** A collector that records calls and answers at once; `emit` plays an Edge answer to its listeners. */
export function fakeCollector(config: ResolvedConfig) {
  const listeners = new Set<(result: SendResult) => void>();
  return {
    config,
    sendPageView: vi.fn(async (_options?: unknown) => result('req-page')),
    sendEvent: vi.fn(async (_options?: unknown) => result('req-event')),
    setConsent: vi.fn(async (_value?: unknown) => undefined),
    deliver: vi.fn(),
    buildEvent: vi.fn(),
    getIdentity: vi.fn(async () => ({})),
    onResult: vi.fn((listener: (result: SendResult) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
    emit: (value: SendResult) => listeners.forEach((listener) => listener(value)),
  };
}

/** The fake collector's type. */
export type FakeCollector = ReturnType<typeof fakeCollector>;

/**
 * A Tags page over a fake Turbine, with a fake collector and a fake Web Vitals measurement:
 * `created` lists the collectors made, `report` plays a web-vitals report. `instanceName` picks
 * the configuration's instance (default: the first).
 */
export function fakePage(
  settings: Record<string, unknown> = { productionDatastreamId: '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b' },
  stage = 'production',
  collectorFactory: (config: ResolvedConfig) => FakeCollector = fakeCollector,
  instanceName?: string,
) {
  const { turbine, logger } = fakeTurbine(settings, stage);
  const created: Array<{ config: ResolvedConfig; collector: FakeCollector }> = [];
  let latest: WebVitalsData = {};
  let onReport: ((vital: ReportedVital) => void) | undefined;
  const attachWebVitals = vi.fn((_collector: Collector, listener: (vital: ReportedVital) => void) => {
    onReport = listener;
    return { latest: () => latest, setPageViewId: () => undefined } as never;
  });
  const page = createTagsPage({
    turbine,
    instanceName,
    createCollector: (config) => {
      const collector = collectorFactory(config);
      created.push({ config, collector });
      return collector as unknown as Collector;
    },
    attachWebVitals,
  });
  const report = (vital: ReportedVital) => {
    const key = vital.name.toLowerCase() as keyof WebVitalsData;
    latest = {
      ...latest,
      [key]: { value: vital.value, rating: vital.rating, navigationType: vital.navigationType },
    };
    onReport?.(vital);
  };
  return { page, turbine, logger, created, attachWebVitals, report };
}
