import { describe, expect, it } from 'vitest';
import { buildExperienceEvent, PAGE_VIEW_EVENT_TYPE } from '../../../src/core/buildExperienceEvent';
import type { EnvironmentSnapshot } from '../../../src/core/EnvironmentSnapshot';
import { emailIdentityMap } from '../../../src/core/emailIdentityMap';

const snapshot: EnvironmentSnapshot = {
  now: new Date('2026-11-23T18:04:05.006Z'),
  timezoneOffset: 480,
  environment: 'browser',
  url: 'https://shop.example/products?id=7',
  referrer: 'https://search.example/?q=shoes',
  title: 'Products',
  screen: { width: 1920, height: 1080 },
  viewport: { width: 1280, height: 720 },
};

describe('buildExperienceEvent', () => {
  it('builds a page view with page details, referrer and context', () => {
    const { xdm, data } = buildExperienceEvent({
      id: 'id-1',
      eventType: PAGE_VIEW_EVENT_TYPE,
      snapshot,
      pageView: {},
    });
    expect(xdm).toEqual({
      _id: 'id-1',
      timestamp: '2026-11-23T18:04:05.006Z',
      eventType: 'web.webpagedetails.pageViews',
      web: {
        webPageDetails: {
          URL: 'https://shop.example/products?id=7',
          name: 'Products',
          pageViews: { value: 1 },
        },
        webReferrer: { URL: 'https://search.example/?q=shoes' },
      },
      device: { screenWidth: 1920, screenHeight: 1080, screenOrientation: 'landscape' },
      environment: { type: 'browser', browserDetails: { viewportWidth: 1280, viewportHeight: 720 } },
      placeContext: { localTime: '2026-11-23T10:04:05.006-08:00', localTimezoneOffset: 480 },
      implementationDetails: {
        name: 'https://www.npmjs.com/package/edge-collector',
        version: expect.any(String),
        environment: 'browser',
      },
    });
    expect(data).toBeUndefined();
  });

  it('prefers the given name and URL over the page title and location', () => {
    const { xdm } = buildExperienceEvent({
      id: 'x',
      eventType: PAGE_VIEW_EVENT_TYPE,
      snapshot,
      pageView: { name: 'home' },
      url: 'https://shop.example/',
    });
    expect(xdm.web).toMatchObject({ webPageDetails: { URL: 'https://shop.example/', name: 'home' } });
  });

  it('deep-merges caller XDM over the automatic fields, the caller winning', () => {
    const { xdm } = buildExperienceEvent({
      id: 'x',
      eventType: PAGE_VIEW_EVENT_TYPE,
      snapshot,
      pageView: {},
      identityMap: emailIdentityMap('d'.repeat(64)),
      xdm: {
        web: { webPageDetails: { name: 'override', siteSection: 'shop' } },
        identityMap: { ECID: [{ id: '123' }] },
        device: { screenOrientation: 'portrait' },
        commerce: { productViews: { value: 1 } },
      },
    });
    expect(xdm.web).toMatchObject({
      webPageDetails: { URL: snapshot.url, name: 'override', siteSection: 'shop', pageViews: { value: 1 } },
    });
    expect(xdm.identityMap).toEqual({
      Email_LC_SHA256: [{ id: 'd'.repeat(64), primary: true }],
      ECID: [{ id: '123' }],
    });
    expect(xdm.device).toEqual({ screenWidth: 1920, screenHeight: 1080, screenOrientation: 'portrait' });
    expect(xdm.commerce).toEqual({ productViews: { value: 1 } });
  });

  it('puts caller data in the free-form data and ignores data that is not an object', () => {
    expect(buildExperienceEvent({ id: 'x', eventType: 't', snapshot, data: { prop1: 'v' } }).data).toEqual({
      prop1: 'v',
    });
    expect(buildExperienceEvent({ id: 'x', eventType: 't', snapshot, data: 'text' }).data).toBeUndefined();
  });

  it('gives other events the page URL but no page name or page-view count', () => {
    const { xdm } = buildExperienceEvent({ id: 'x', eventType: 'commerce.productViews', snapshot });
    expect(xdm.eventType).toBe('commerce.productViews');
    expect(xdm.web).toEqual({
      webPageDetails: { URL: snapshot.url },
      webReferrer: { URL: snapshot.referrer },
    });
  });

  it('leaves out what a server cannot know', () => {
    const { xdm } = buildExperienceEvent({
      id: 'x',
      eventType: 't',
      snapshot: { now: snapshot.now, timezoneOffset: 0, environment: 'server' },
      implementation: 'node',
    });
    expect(xdm.web).toBeUndefined();
    expect(xdm.device).toBeUndefined();
    // XDM's environment.type has no value for a server: the event says so in implementationDetails.
    expect(xdm.environment).toBeUndefined();
    expect(xdm.implementationDetails).toMatchObject({
      name: 'https://www.npmjs.com/package/edge-collector#node',
      environment: 'server',
    });
  });

  it('calls a square or tall screen portrait', () => {
    const tall = buildExperienceEvent({
      id: 'x',
      eventType: 't',
      snapshot: { ...snapshot, screen: { width: 390, height: 844 } },
    });
    expect(tall.xdm.device).toMatchObject({ screenOrientation: 'portrait' });
  });
});
