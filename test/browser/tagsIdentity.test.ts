import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTagsSite, type TagsSite } from '../support/openTagsSite';
import type { RecordedRequest } from '../support/startRecordingServer';

const ORG = '53A16ACB5CC1D3760A495C99@AdobeOrg';
const ECID = '54008824609818377872141446432288197497';
const MODULE = 'edge-collector/dist/lib';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- request bodies are read loosely
const xdmOf = (request: RecordedRequest): Record<string, any> => JSON.parse(request.body).event.xdm;
const ofType = (eventType: string) => (request: RecordedRequest) =>
  /\/v2\/interact$/.test(request.url.pathname) && xdmOf(request).eventType === eventType;

describe('ID migration from AppMeasurement in Turbine (headless Chromium)', () => {
  let site: TagsSite;

  beforeAll(async () => {
    site = await openTagsSite({
      settings: { orgId: ORG, webVitals: false },
      rules: [
        {
          name: 'Send',
          events: [{ modulePath: 'harness/fire.js', settings: { name: 'send' } }],
          actions: [
            {
              modulePath: `${MODULE}/actions/sendEvent.js`,
              settings: { eventType: 'test.visit', email: 'ada@example.com' },
            },
          ],
        },
      ],
    });
  });

  afterAll(async () => {
    await site?.close();
  });

  it("keeps an AppMeasurement visitor's ECID until the Edge Network gives its own identity", async () => {
    // What the Visitor API left on an earlier visit.
    await site.page.evaluate(
      ([org, ecid]) => {
        document.cookie = `AMCV_${encodeURIComponent(org!)}=1585540135|MCIDTS|19482|MCMID|${ecid}|vVersion|4.4.0; path=/`;
      },
      [ORG, ECID],
    );
    await site.fire('send');
    const [first] = await site.server.waitFor(1, ofType('test.visit'));
    expect(xdmOf(first!).identityMap.ECID).toEqual([{ id: ECID, authenticatedState: 'ambiguous' }]);
    // The e-mail identity stays the primary one, hashed.
    expect(xdmOf(first!).identityMap.Email_LC_SHA256[0].primary).toBe(true);

    // The Edge Network set its identity cookie: from now on it knows the visitor itself.
    await site.page.evaluate(() => {
      document.cookie = 'kndctr_53A16ACB5CC1D3760A495C99_AdobeOrg_identity=CiY1NDAw; path=/';
    });
    await site.fire('send');
    const [, second] = await site.server.waitFor(2, ofType('test.visit'));
    expect(xdmOf(second!).identityMap.ECID).toBeUndefined();
  });
});
