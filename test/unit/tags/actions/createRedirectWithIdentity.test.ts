import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readAdobeMc } from '../../../../src/core/adobeMc';
import { resolveConfig } from '../../../../src/core/resolveConfig';
import {
  createRedirectWithIdentity,
  type ClickEvent,
} from '../../../../src/tags/actions/createRedirectWithIdentity';
import { createVariableStore } from '../../../../src/tags/variables/createVariableStore';
import { fakeCollector } from '../fakePage';

const ORG = '53A16ACB5CC1D3760A495C99@AdobeOrg';
const DATASTREAM = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
const ECID = '54008824609818377872141446432288197497';

function setUp(orgId: unknown = ORG, defaultConsent: 'in' | 'pending' = 'in') {
  const collector = fakeCollector(resolveConfig({ datastreamId: DATASTREAM, orgId, defaultConsent }));
  collector.getIdentity.mockResolvedValue({ ECID } as never);
  const logger = { log: vi.fn(), info: vi.fn(), debug: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const open = vi.fn();
  const action = createRedirectWithIdentity(
    {
      getCollector: () => collector as never,
      logger,
      rememberRequestId: vi.fn(),
      variables: createVariableStore(),
      stage: 'production',
      configOverrides: () => ({}),
    },
    open,
  );
  return { action, logger, open };
}

const click = (
  href: unknown,
  target?: string,
): ClickEvent & { nativeEvent: { preventDefault: () => void } } => ({
  element: { href, target },
  nativeEvent: { preventDefault: vi.fn() },
});

describe('Redirect with identity', () => {
  beforeEach(() => localStorage.clear());

  it("stops the click and opens the link with the visitor's ECID in its own target", async () => {
    const { action, open } = setUp();
    const event = click('https://b.example/shop?x=1', '_blank');
    await action({}, event);
    expect(event.nativeEvent.preventDefault).toHaveBeenCalledTimes(1);
    const [url, target] = open.mock.calls[0]!;
    expect(target).toBe('_blank');
    expect(url).toMatch(/^https:\/\/b\.example\/shop\?x=1&adobe_mc=/);
    expect(readAdobeMc(new URL(url).search, ORG, Date.now())).toBe(ECID);
  });

  it('opens in the same window by default', async () => {
    const { action, open } = setUp();
    await action({}, click('https://b.example/'));
    expect(open.mock.calls[0]![1]).toBe('_self');
  });

  it.each([
    ['no event', undefined],
    ['no clicked element', {}],
    ['an element without href', { element: {}, nativeEvent: { preventDefault: vi.fn() } }],
  ])('leaves the click alone with %s, and says why', async (_, event) => {
    const { action, logger, open } = setUp();
    await action({}, event as ClickEvent);
    expect(open).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('Core Click event'));
  });

  it('leaves the click alone, with an error naming the setting, when the org ID is missing', async () => {
    const { action, logger, open } = setUp(null);
    const event = click('https://b.example/');
    await expect(action({}, event)).rejects.toThrow('orgId');
    expect(event.nativeEvent.preventDefault).not.toHaveBeenCalled();
    expect(open).not.toHaveBeenCalled();
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('orgId must be the IMS organization ID'),
    );
  });

  it('opens the link as it was while consent is not in, with a warning', async () => {
    const { action, logger, open } = setUp(ORG, 'pending');
    await action({}, click('https://b.example/'));
    expect(open).toHaveBeenCalledWith('https://b.example/', '_self');
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('consent is not in'));
  });
});
