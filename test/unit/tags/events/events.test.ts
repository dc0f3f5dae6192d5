import { describe, expect, it, vi } from 'vitest';
import { createEdgeResponseReceived } from '../../../../src/tags/events/createEdgeResponseReceived';
import { createWebVitalReported } from '../../../../src/tags/events/createWebVitalReported';
import { fakePage, result } from '../fakePage';

const DATASTREAM = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';

describe('Edge response received', () => {
  it('triggers the rule with requestId, eventId and handle after each answer', () => {
    const { page, created } = fakePage();
    const trigger = vi.fn();
    createEdgeResponseReceived(page)({}, trigger);
    page.getCollector();
    created[0]!.collector.emit(result('req-7'));
    expect(trigger).toHaveBeenCalledWith({
      requestId: 'req-7',
      eventId: 'event-of-req-7',
      handle: [{ type: 'state:store', payload: [] }],
      errors: [],
      warnings: [],
    });
  });

  it('passes an answer’s EXEG errors and warnings to the rule (issue 18.2)', () => {
    const { page, created } = fakePage();
    const trigger = vi.fn();
    createEdgeResponseReceived(page)({}, trigger);
    page.getCollector();
    const problem = { type: 'https://ns.adobe.com/aep/errors/EXEG-0201-503', status: 503, title: 'busy' };
    const ignored = { type: 'https://ns.adobe.com/aep/errors/EXEG-0301-200', title: 'Request ignored' };
    created[0]!.collector.emit({ ...result('req-8'), errors: [problem], edgeWarnings: [ignored] });
    expect(trigger).toHaveBeenCalledWith(expect.objectContaining({ errors: [problem], warnings: [ignored] }));
  });

  it('fires for a collector made after the rule, once a data element in the configuration has a value', () => {
    const settings: Record<string, unknown> = { productionDatastreamId: '' };
    const { page, created } = fakePage(settings);
    const trigger = vi.fn();
    expect(() => createEdgeResponseReceived(page)({}, trigger)).not.toThrow();
    expect(page.getCollector()).toBeUndefined();
    settings.productionDatastreamId = DATASTREAM;
    page.getCollector();
    created[0]!.collector.emit(result('req-8'));
    expect(trigger).toHaveBeenCalledTimes(1);
    expect(trigger.mock.calls[0]![0]).toMatchObject({ requestId: 'req-8' });
  });
});

describe('Web vital reported', () => {
  it('fires for each report, replaying those that came before the rule', () => {
    const { page, report } = fakePage({ productionDatastreamId: DATASTREAM, webVitals: true });
    page.getCollector();
    report({ name: 'TTFB', value: 50, rating: 'good', navigationType: 'navigate' });
    const trigger = vi.fn();
    createWebVitalReported(page)({}, trigger);
    report({ name: 'INP', value: 180, rating: 'good', navigationType: 'navigate' });
    expect(trigger.mock.calls.map(([detail]) => detail)).toEqual([
      { vital: { name: 'TTFB', value: 50, rating: 'good', navigationType: 'navigate' } },
      { vital: { name: 'INP', value: 180, rating: 'good', navigationType: 'navigate' } },
    ]);
  });

  it('warns a rule that vitals are off', () => {
    const { page, logger } = fakePage({ productionDatastreamId: DATASTREAM, webVitals: false });
    createWebVitalReported(page)({}, vi.fn());
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/turn on Web vitals/));
  });
});
