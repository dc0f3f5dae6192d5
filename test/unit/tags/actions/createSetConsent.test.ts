import { describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../../../../src/core/resolveConfig';
import { createConsentCommand } from '../../../../src/core/consent/createConsentCommand';
import { createCollector, type Collector } from '../../../../src/core/createCollector';
import type { InteractRequest } from '../../../../src/core/InteractRequest';
import { readServerSnapshot } from '../../../../src/node/readServerSnapshot';
import { createSetConsent } from '../../../../src/tags/actions/createSetConsent';
import { inMemory } from '../../../../src/core/delivery/inMemory';

const DATASTREAM = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
const logger = () => ({ log: vi.fn(), info: vi.fn(), debug: vi.fn(), warn: vi.fn(), error: vi.fn() });
/** The action's collaborators, as the page gives them. */
const contextOf = (collector: Collector | undefined, log = logger()) => ({
  getCollector: () => collector,
  logger: log,
  rememberRequestId: vi.fn(),
});

/** A real core collector whose transport records what leaves. */
function realCollector(defaultConsent: 'in' | 'out' | 'pending' = 'in') {
  const sent: InteractRequest[] = [];
  const collector = createCollector(resolveConfig({ datastreamId: DATASTREAM, defaultConsent }), {
    ...inMemory(),
    snapshot: readServerSnapshot,
    transport: async (request) => {
      sent.push(request);
      return { status: 200, body: JSON.stringify({ requestId: request.requestId, handle: [] }) };
    },
    createConsentCommand,
  });
  return { collector, sent };
}

describe('the Set consent action', () => {
  it('posts the decision through the page collector, then lets the held page view go', async () => {
    const { collector, sent } = realCollector('pending');
    const log = logger();
    const setConsent = createSetConsent(contextOf(collector, log));
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
    const setConsent = createSetConsent(contextOf(collector, log));
    await expect(
      setConsent({ value: 'standards', consent: [{ standard: 'Adobe', version: '1.0', value: 'maybe' }] }),
    ).rejects.toMatchObject({ code: 'invalid-options' });
    await expect(setConsent({ value: 'maybe' })).rejects.toThrow(/"in", "pending" or "out"/);
    expect(log.error).toHaveBeenCalledWith(
      expect.stringMatching(/^Set consent failed: setConsent: consent\[0\]\.value\.general must be/),
    );
    expect(sent).toEqual([]);
  });

  it('says so when the extension configuration is invalid', async () => {
    const log = logger();
    await expect(createSetConsent(contextOf(undefined, log))({ value: 'in' })).rejects.toThrow(
      /configuration is invalid/,
    );
    expect(log.error).toHaveBeenCalled();
  });

  it('returns a promise whose rejection nobody has to handle', async () => {
    const collector = { setConsent: () => Promise.reject(new Error('boom')) } as unknown as Collector;
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    void createSetConsent(contextOf(collector))({ value: 'in' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });
});
