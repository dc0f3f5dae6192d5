import { describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../../../src/core/CollectorConfig';
import { createConsentCommand } from '../../../src/core/consent/createConsentCommand';
import { createCollector, type Collector } from '../../../src/core/createCollector';
import type { InteractRequest } from '../../../src/core/InteractRequest';
import { readConsentSettings } from '../../../src/tags/readConsentSettings';
import { readServerSnapshot } from '../../../src/node/readServerSnapshot';
import { createSetConsent } from '../../../src/tags/setConsentAction';
import { toCollectorConfig } from '../../../src/tags/TagsExtensionSettings';

const DATASTREAM = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
const logger = () => ({ log: vi.fn(), info: vi.fn(), debug: vi.fn(), warn: vi.fn(), error: vi.fn() });

/** A real core collector whose transport records what leaves. */
function realCollector(defaultConsent: 'in' | 'out' | 'pending' = 'in') {
  const sent: InteractRequest[] = [];
  const collector = createCollector(resolveConfig({ datastreamId: DATASTREAM, defaultConsent }), {
    snapshot: readServerSnapshot,
    transport: async (request) => {
      sent.push(request);
      return { status: 200, body: JSON.stringify({ requestId: request.requestId, handle: [] }) };
    },
    createConsentCommand,
  });
  return { collector, sent };
}

describe('readConsentSettings', () => {
  it('reads the shorthand in any case, also from a data element', () => {
    expect(readConsentSettings({ value: ' OUT ' })).toBe('out');
    expect(readConsentSettings({ value: 'pending' })).toBe('pending');
  });

  it("passes a data element's whole { consent: [...] } through", () => {
    const whole = { consent: [{ standard: 'Adobe', version: '1.0', value: { general: 'in' } }] };
    expect(readConsentSettings({ value: whole })).toBe(whole);
    expect(readConsentSettings({ value: 'standards', consent: whole })).toBe(whole);
  });

  it("turns the view's rows into Adobe's entries", () => {
    expect(
      readConsentSettings({
        value: 'standards',
        consent: [
          { standard: 'Adobe', version: '1.0', value: 'In', gdprApplies: 'true' },
          { standard: 'Adobe', version: '2.0', value: 'y', gdprApplies: 'true' },
          { standard: 'Adobe', version: '2.0', value: { collect: { val: 'n' }, share: { val: 'y' } } },
          { standard: 'IAB TCF', version: '2.0', value: 'CPxx', gdprApplies: 'false' },
          { standard: 'IAB TCF', version: '2.0', value: 'CPyy' },
        ],
      }),
    ).toEqual({
      consent: [
        { standard: 'Adobe', version: '1.0', value: { general: 'in' } },
        { standard: 'Adobe', version: '2.0', value: { collect: { val: 'y' } } },
        { standard: 'Adobe', version: '2.0', value: { collect: { val: 'n' }, share: { val: 'y' } } },
        { standard: 'IAB TCF', version: '2.0', value: 'CPxx', gdprApplies: false },
        // Not said: GDPR applies, the cautious reading.
        { standard: 'IAB TCF', version: '2.0', value: 'CPyy', gdprApplies: true },
      ],
    });
  });
});

describe('the Set consent action', () => {
  it('posts the decision through the page collector, then lets the held page view go', async () => {
    const { collector, sent } = realCollector('pending');
    const log = logger();
    const setConsent = createSetConsent({ getCollector: () => collector, logger: log });
    const pageView = collector.sendEvent({ eventType: 'web.webpagedetails.pageViews' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sent).toEqual([]);
    await setConsent({ value: 'standards', consent: [{ standard: 'Adobe', version: '2.0', value: 'y' }] });
    await pageView;
    expect(sent.map((r) => new URL(r.url).pathname)).toEqual([
      '/ee/v1/privacy/set-consent',
      '/ee/v2/interact',
    ]);
    expect(JSON.parse(sent[0]!.body).consent).toEqual([
      { standard: 'Adobe', version: '2.0', value: { collect: { val: 'y' } } },
    ]);
    expect(log.error).not.toHaveBeenCalled();
  });

  it('logs what to fix and rejects for a value the standards refuse, posting nothing', async () => {
    const { collector, sent } = realCollector();
    const log = logger();
    const setConsent = createSetConsent({ getCollector: () => collector, logger: log });
    await expect(
      setConsent({ value: 'standards', consent: [{ standard: 'Adobe', version: '1.0', value: 'maybe' }] }),
    ).rejects.toMatchObject({ code: 'invalid-options' });
    await expect(setConsent({ value: 'maybe' })).rejects.toThrow(/"in", "pending" or "out"/);
    expect(log.error).toHaveBeenCalledWith(
      expect.stringMatching(/^Set consent failed: setConsent: consent\[0\]\.value must be/),
    );
    expect(sent).toEqual([]);
  });

  it('says so when the extension configuration is invalid', async () => {
    const log = logger();
    await expect(
      createSetConsent({ getCollector: () => undefined, logger: log })({ value: 'in' }),
    ).rejects.toThrow(/configuration is invalid/);
    expect(log.error).toHaveBeenCalled();
  });

  it('returns a promise whose rejection nobody has to handle', async () => {
    const collector = { setConsent: () => Promise.reject(new Error('boom')) } as unknown as Collector;
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    void createSetConsent({ getCollector: () => collector, logger: logger() })({ value: 'in' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });
});

describe('default consent in the Tags configuration', () => {
  const base = { productionDatastreamId: DATASTREAM };
  it('takes in / out / pending, in any case, from a choice or a data element', () => {
    expect(toCollectorConfig({ ...base, defaultConsent: 'pending' }, 'production').defaultConsent).toBe(
      'pending',
    );
    expect(toCollectorConfig({ ...base, defaultConsent: ' OUT ' }, 'production').defaultConsent).toBe('out');
    expect(toCollectorConfig(base, 'production').defaultConsent).toBeUndefined();
  });

  it('holds events (pending) while a data element has no value yet', () => {
    expect(toCollectorConfig({ ...base, defaultConsent: undefined }, 'production').defaultConsent).toBe(
      'pending',
    );
    expect(toCollectorConfig({ ...base, defaultConsent: '' }, 'production').defaultConsent).toBe('pending');
  });

  it('refuses anything else with a clear configuration error', () => {
    expect(() =>
      resolveConfig(toCollectorConfig({ ...base, defaultConsent: 'maybe' }, 'production')),
    ).toThrow(/defaultConsent "maybe" is not one of "in", "pending", "out"/);
  });
});
