import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeTurbine } from './fakeTurbine';

// Set consent still reaches the page through the wiring (it takes `turbine`, not its
// collaborators, until the consent work converts it), so its collector is faked here.
const fake = vi.hoisted(() => ({ created: [] as Array<Record<string, unknown>> }));

vi.mock('../../../src/browser/createBrowserCollector', () => ({
  createBrowserCollector: (config: unknown) => {
    const collector: Record<string, unknown> = {
      config,
      setConsent: vi.fn(async () => undefined),
      onResult: vi.fn(() => () => true),
    };
    fake.created.push(collector);
    return collector;
  },
}));

let setConsentAction: typeof import('../../../src/tags/setConsentAction').setConsentAction;

beforeEach(async () => {
  // A fresh page (module state) for each case.
  vi.resetModules();
  fake.created.length = 0;
  ({ setConsentAction } = await import('../../../src/tags/setConsentAction'));
});

describe('Set consent', () => {
  it('passes in / out / pending (also from a data element, any case) to the collector', async () => {
    const { turbine } = fakeTurbine();
    await setConsentAction(turbine)({ value: ' OUT ' });
    expect(fake.created[0]!.setConsent).toHaveBeenCalledWith('out');
  });

  it('rejects a value that is not a consent state', async () => {
    const { turbine, logger } = fakeTurbine();
    await expect(setConsentAction(turbine)({ value: 'maybe' })).rejects.toThrow(
      '"in", "out" or "pending", got "maybe"',
    );
    expect(logger.error).toHaveBeenCalled();
  });

  it('logs a clear error when the collector has no consent support', async () => {
    const { turbine, logger } = fakeTurbine();
    await setConsentAction(turbine)({ value: 'in' });
    delete fake.created[0]!.setConsent;
    await expect(setConsentAction(turbine)({ value: 'in' })).rejects.toThrow('no consent support');
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('update the Edge Collector extension'));
  });
});
