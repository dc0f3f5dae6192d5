import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createHashedEmail } from '../../../../src/tags/dataElements/createHashedEmail';
import { createIdentityMap } from '../../../../src/tags/dataElements/createIdentityMap';
import { createLastRequestId } from '../../../../src/tags/dataElements/createLastRequestId';
import { createWebVitals } from '../../../../src/tags/dataElements/createWebVitals';
import { createXdmPageView } from '../../../../src/tags/dataElements/createXdmPageView';
import { fakePage } from '../fakePage';
import { fakeTurbine } from '../fakeTurbine';

const digest = (text: string) => createHash('sha256').update(text).digest('hex');
const snapshot = () => ({
  now: new Date('2026-11-23T12:00:00.000Z'),
  timezoneOffset: 0,
  environment: 'browser' as const,
  url: 'https://shop.example/',
  title: 'Shop',
});

describe('data elements', () => {
  it('Hashed e-mail returns the Email_LC_SHA256 digest synchronously', () => {
    const { logger } = fakeTurbine();
    const element = createHashedEmail({ logger });
    expect(element({ email: ' Ada@Example.COM ' })).toBe(digest('ada@example.com'));
    expect(element({ email: '' })).toBeUndefined();
    expect(logger.warn).not.toHaveBeenCalled();
    expect(element({ email: 'nope' })).toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('not an e-mail address'));
  });

  it('Identity map builds an identityMap', () => {
    const { logger } = fakeTurbine();
    expect(createIdentityMap({ logger })({ email: 'ada@example.com' })).toEqual({
      Email_LC_SHA256: [
        { id: digest('ada@example.com'), primary: true, authenticatedState: 'authenticated' },
      ],
    });
  });

  it('XDM page view builds the page view XDM with the hashed identity and no plain address', () => {
    const { logger } = fakeTurbine();
    const xdm = createXdmPageView({ logger, readPageSnapshot: snapshot })({
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
    const { page, created } = fakePage();
    const element = createLastRequestId(page);
    expect(element()).toBeUndefined();
    page.getCollector();
    created[0]!.collector.emit({ requestId: 'req-9', eventId: 'e', handle: [], warnings: [] });
    expect(element()).toBe('req-9');
  });

  it('Web vitals starts the page collector and returns the latest values', () => {
    const { page, created, report } = fakePage({
      productionDatastreamId: '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b',
      webVitals: true,
    });
    const element = createWebVitals(page);
    expect(element()).toEqual({});
    expect(created).toHaveLength(1);
    report({ name: 'FCP', value: 300, rating: 'good', navigationType: 'navigate' });
    expect(element()).toEqual({ fcp: { value: 300, rating: 'good', navigationType: 'navigate' } });
  });

  it('a data element that fails logs and returns undefined instead of throwing', () => {
    const { logger } = fakeTurbine();
    const hostile = {
      get email() {
        throw new Error('boom');
      },
    };
    expect(createHashedEmail({ logger })(hostile)).toBeUndefined();
    expect(logger.error).toHaveBeenCalledWith('Hashed e-mail data element failed: boom');
  });
});
