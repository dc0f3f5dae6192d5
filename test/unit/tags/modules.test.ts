import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SendResult } from '../../../src/core/readEdgeAnswer';
import { EdgeCollectorError } from '../../../src/core/EdgeCollectorError';
import { collectorSharedModule } from '../../../src/tags/collectorSharedModule';
import { edgeResponseReceivedEvent } from '../../../src/tags/edgeResponseReceivedEvent';
import { getTagsCollector, resetTagsCollector } from '../../../src/tags/getTagsCollector';
import { hashedEmailDataElement } from '../../../src/tags/hashedEmailDataElement';
import { identityMapDataElement } from '../../../src/tags/identityMapDataElement';
import { lastRequestIdDataElement } from '../../../src/tags/lastRequestIdDataElement';
import { sendEventAction } from '../../../src/tags/sendEventAction';
import { sendPageViewAction } from '../../../src/tags/sendPageViewAction';
import { setConsentAction } from '../../../src/tags/setConsentAction';
import { xdmPageViewDataElement } from '../../../src/tags/xdmPageViewDataElement';
import { fakeTurbine } from './fakeTurbine';

// The collector itself is the core's (tested there); here it is a fake that records calls, so
// these tests see exactly what each Tags module asks of it.
const fake = vi.hoisted(() => ({
  created: [] as Array<{ config: unknown; implementation: string; collector: Record<string, unknown> }>,
}));

vi.mock('../../../src/browser/createBrowserCollector', () => ({
  createBrowserCollector: (config: unknown, implementation: string) => {
    const listeners = new Set<(result: unknown) => void>();
    const collector = {
      config,
      sendPageView: vi.fn(async () => result('req-page')),
      sendEvent: vi.fn(async () => result('req-event')),
      setConsent: vi.fn(async () => undefined),
      onResult: vi.fn((listener: (result: unknown) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      }),
      emit: (value: unknown) => listeners.forEach((listener) => listener(value)),
    };
    fake.created.push({ config, implementation, collector });
    return collector;
  },
}));

function result(requestId: string, warnings: string[] = []): SendResult {
  return {
    requestId,
    eventId: `event-of-${requestId}`,
    handle: [{ type: 'state:store', payload: [] }],
    warnings,
  };
}

const DATASTREAM = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
const digest = (text: string) => createHash('sha256').update(text).digest('hex');

beforeEach(() => {
  resetTagsCollector();
  fake.created.length = 0;
});
afterEach(() => vi.restoreAllMocks());

describe('the page collector', () => {
  it('is created once, lazily, with the datastream of the library stage', () => {
    const { turbine } = fakeTurbine(
      { productionDatastreamId: DATASTREAM, stagingDatastreamId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee' },
      'staging',
    );
    expect(fake.created).toHaveLength(0);
    const first = getTagsCollector(turbine);
    expect(getTagsCollector(turbine)).toBe(first);
    expect(fake.created).toHaveLength(1);
    expect(fake.created[0]).toMatchObject({
      implementation: 'tags',
      config: { datastreamId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', edgeUrl: 'https://edge.adobedc.net' },
    });
  });

  it('logs an error a Tags user can act on when the configuration is bad, and tries again later', () => {
    const { turbine, logger } = fakeTurbine({ productionDatastreamId: 'not-a-uuid' });
    expect(getTagsCollector(turbine)).toBeUndefined();
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringMatching(/not-a-uuid.*Extensions > Edge Collector > Configure/s),
    );
    expect(fake.created).toHaveLength(0);
  });
});

describe('Send page view', () => {
  it('sends the settings as page view options and resolves', async () => {
    const { turbine, logger } = fakeTurbine();
    await expect(
      sendPageViewAction(turbine)({ name: 'home', email: 'ada@example.com', xdm: { a: 1 }, data: '' }),
    ).resolves.toBeUndefined();
    const collector = fake.created[0]!.collector;
    expect(collector.sendPageView).toHaveBeenCalledWith({
      name: 'home',
      url: undefined,
      email: 'ada@example.com',
      xdm: { a: 1 },
      data: undefined,
    });
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('sends without a broken field, logging which one', async () => {
    const { turbine, logger } = fakeTurbine();
    await sendPageViewAction(turbine)({ xdm: '%no such element%' });
    expect(fake.created[0]!.collector.sendPageView).toHaveBeenCalledWith(
      expect.objectContaining({ xdm: undefined }),
    );
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('Send page view: XDM object: "%no such element%" is not a known data element'),
    );
  });

  it('rejects and logs when the send fails, without an unhandled rejection when nobody awaits', async () => {
    const { turbine, logger } = fakeTurbine();
    getTagsCollector(turbine);
    const collector = fake.created[0]!.collector;
    (collector.sendPageView as ReturnType<typeof vi.fn>).mockRejectedValueOnce(
      new EdgeCollectorError('response', 'request r-1 was refused with HTTP 400: bad', { requestId: 'r-1' }),
    );
    const outcome = sendPageViewAction(turbine)({});
    await expect(outcome).rejects.toThrow('HTTP 400');
    expect(logger.error).toHaveBeenCalledWith(
      'Send page view failed: request r-1 was refused with HTTP 400: bad',
    );
    expect(lastRequestIdDataElement()()).toBe('r-1');

    // Rule component sequencing off: Turbine drops the promise. Vitest fails the run on an unhandled rejection.
    (collector.sendPageView as ReturnType<typeof vi.fn>).mockRejectedValueOnce(new Error('offline'));
    sendPageViewAction(turbine)({});
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(logger.error).toHaveBeenLastCalledWith('Send page view failed: offline');
  });

  it('never throws synchronously when the configuration is invalid', async () => {
    const { turbine, logger } = fakeTurbine({});
    const outcome = sendPageViewAction(turbine)({});
    await expect(outcome).rejects.toThrow('extension configuration is invalid');
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('datastreamId is missing'));
  });

  it('logs the warnings the core returns', async () => {
    const { turbine, logger } = fakeTurbine();
    getTagsCollector(turbine);
    (fake.created[0]!.collector.sendPageView as ReturnType<typeof vi.fn>).mockResolvedValueOnce(
      result('r-2', ['email was not sent: it is empty']),
    );
    await sendPageViewAction(turbine)({});
    expect(logger.warn).toHaveBeenCalledWith('Send page view: email was not sent: it is empty');
  });
});

describe('Send event', () => {
  it('sends the event type with XDM, data and e-mail', async () => {
    const { turbine } = fakeTurbine();
    await sendEventAction(turbine)({
      eventType: 'commerce.productViews',
      data: { sku: 'x' },
      email: 'a@b.co',
    });
    expect(fake.created[0]!.collector.sendEvent).toHaveBeenCalledWith({
      eventType: 'commerce.productViews',
      url: undefined,
      email: 'a@b.co',
      xdm: undefined,
      data: { sku: 'x' },
    });
  });

  it('rejects with a clear message when the event type is empty', async () => {
    const { turbine, logger } = fakeTurbine();
    await expect(sendEventAction(turbine)({ eventType: '' })).rejects.toThrow('event type is empty');
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('Send event failed: the event type is empty'),
    );
  });
});

describe('Set consent', () => {
  it('passes in / out / pending (also from a data element, any case) to the collector', async () => {
    const { turbine } = fakeTurbine();
    await setConsentAction(turbine)({ value: ' OUT ' });
    expect(fake.created[0]!.collector.setConsent).toHaveBeenCalledWith('out');
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
    getTagsCollector(turbine);
    delete fake.created[0]!.collector.setConsent;
    await expect(setConsentAction(turbine)({ value: 'in' })).rejects.toThrow('no consent support');
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('update the Edge Collector extension'));
  });
});

describe('data elements', () => {
  it('Hashed e-mail returns the Email_LC_SHA256 digest synchronously', () => {
    const { turbine, logger } = fakeTurbine();
    expect(hashedEmailDataElement(turbine)({ email: ' Ada@Example.COM ' })).toBe(digest('ada@example.com'));
    expect(hashedEmailDataElement(turbine)({ email: '' })).toBeUndefined();
    expect(logger.warn).not.toHaveBeenCalled();
    expect(hashedEmailDataElement(turbine)({ email: 'nope' })).toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('not an e-mail address'));
  });

  it('Identity map builds an identityMap', () => {
    const { turbine } = fakeTurbine();
    expect(identityMapDataElement(turbine)({ email: 'ada@example.com' })).toEqual({
      Email_LC_SHA256: [
        { id: digest('ada@example.com'), primary: true, authenticatedState: 'authenticated' },
      ],
    });
  });

  it('XDM page view builds the page view XDM with the hashed identity and no plain address', () => {
    const { turbine } = fakeTurbine();
    const xdm = xdmPageViewDataElement(turbine)({
      name: 'home',
      email: 'ada@example.com',
      url: 'https://shop.example/thanks?email=ada@example.com',
    }) as unknown as {
      eventType: string;
      web: { webPageDetails: unknown };
      identityMap: { Email_LC_SHA256: Array<{ id: string }> };
      implementationDetails: { name: string };
    };
    expect(xdm.eventType).toBe('web.webpagedetails.pageViews');
    expect(xdm.web.webPageDetails).toMatchObject({ name: 'home', pageViews: { value: 1 } });
    expect(xdm.identityMap.Email_LC_SHA256[0]!.id).toBe(digest('ada@example.com'));
    expect(JSON.stringify(xdm)).not.toContain('ada@example.com');
    expect(xdm.implementationDetails.name).toBe('https://www.npmjs.com/package/edge-collector#tags');
  });

  it('Last request ID follows the answers', () => {
    const { turbine } = fakeTurbine();
    expect(lastRequestIdDataElement()()).toBeUndefined();
    getTagsCollector(turbine);
    (fake.created[0]!.collector.emit as (value: unknown) => void)(result('req-9'));
    expect(lastRequestIdDataElement()()).toBe('req-9');
  });

  it('a data element that fails logs and returns undefined instead of throwing', () => {
    const { turbine, logger } = fakeTurbine();
    const hostile = {
      get email() {
        throw new Error('boom');
      },
    };
    expect(hashedEmailDataElement(turbine)(hostile)).toBeUndefined();
    expect(logger.error).toHaveBeenCalledWith('Hashed e-mail data element failed: boom');
  });
});

describe('Edge response received', () => {
  it('triggers the rule with requestId, eventId and handle after each answer', () => {
    const { turbine } = fakeTurbine();
    const trigger = vi.fn();
    edgeResponseReceivedEvent(turbine)({}, trigger);
    (fake.created[0]!.collector.emit as (value: unknown) => void)(result('req-7'));
    expect(trigger).toHaveBeenCalledWith({
      requestId: 'req-7',
      eventId: 'event-of-req-7',
      handle: [{ type: 'state:store', payload: [] }],
    });
  });

  it('does nothing (but log) when the configuration is bad', () => {
    const { turbine, logger } = fakeTurbine({});
    const trigger = vi.fn();
    expect(() => edgeResponseReceivedEvent(turbine)({}, trigger)).not.toThrow();
    expect(logger.error).toHaveBeenCalled();
  });
});

describe('shared module collector', () => {
  it('gives the same page collector to other extensions and custom code', async () => {
    const { turbine } = fakeTurbine();
    const shared = collectorSharedModule(turbine);
    await expect(shared.sendEvent({ eventType: 'x' })).resolves.toMatchObject({ requestId: 'req-event' });
    expect(shared.getCollector()).toBe(getTagsCollector(turbine));
    expect(lastRequestIdDataElement()()).toBe('req-event');
  });

  it('rejects (never throws) while the configuration is invalid', async () => {
    const { turbine } = fakeTurbine({});
    const shared = collectorSharedModule(turbine);
    await expect(shared.sendPageView()).rejects.toMatchObject({ code: 'not-configured' });
    expect(shared.onResult(() => undefined)).toBeTypeOf('function');
  });
});
