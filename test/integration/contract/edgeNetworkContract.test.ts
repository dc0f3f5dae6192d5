import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/core/resolveConfig';
import { prepareConsent } from '../../../src/core/consent/prepareConsent';
import { createCollector } from '../../../src/core/createCollector';
import { edgeInteract } from '../../../src/core/delivery/edgeInteract';
import type { InteractRequest } from '../../../src/core/InteractRequest';
import { specViolations } from '../../support/edgeNetworkSpec';
import { inMemory } from '../../../src/core/delivery/inMemory';

// Every request kind the collector builds, validated against Adobe's published spec (vendored,
// with its known defects patched in test/support/edgeNetworkSpec.ts), and the recorded answers too.
const config = resolveConfig({ datastreamId: '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b' });
const state = { state: { entries: [{ key: 'kndctr_ORG_AdobeOrg_identity', value: 'CiY0' }] } };

/** The interact requests a collector sends, as they leave (each attempt's body, with meta.state). */
async function sentBy(send: (c: ReturnType<typeof createCollector>) => Promise<unknown>) {
  const sent: InteractRequest[] = [];
  const collector = createCollector(config, {
    ...inMemory(),
    snapshot: () => ({
      now: new Date(),
      timezoneOffset: 0,
      environment: 'browser',
      url: 'https://shop.example/',
    }),
    transport: async (request) => (
      sent.push(request),
      { status: 200, body: JSON.stringify({ requestId: request.requestId, handle: [] }) }
    ),
    requestMeta: () => state,
  });
  await send(collector);
  return sent;
}

describe('the Edge Network contract (OpenAPI spec)', () => {
  it('interact: page views and events are SingleEventRequests asking for the ECID', async () => {
    const sent = await sentBy(async (c) => {
      await c.sendPageView({ email: 'ada@example.com', data: { n: 1 } });
      await c.sendEvent({
        eventType: 'commerce.productViews',
        xdm: { commerce: { productViews: { value: 1 } } },
      });
    });
    expect(sent).toHaveLength(2);
    for (const request of sent) {
      const body = JSON.parse(request.body);
      expect(specViolations('SingleEventRequest', body)).toEqual([]);
      expect(body.query).toEqual({ identity: { fetch: ['ECID'] } });
      expect(body.meta).toEqual(state);
    }
  });

  it('set-consent: every standard is a ConsentReplaceRequest, with a top-level identityMap', () => {
    const identityMap = { ECID: [{ id: '41861666193140161934276845651148876988' }] };
    for (const value of [
      'in',
      'out',
      { consent: [{ standard: 'Adobe', version: '2.0', value: { collect: { val: 'li' } } }], identityMap },
      {
        consent: [
          { standard: 'IAB TCF', version: '2.0', value: 'CO052l-O052l-DGAMBFRACBgAIBAAAAAAIYgEawAQEagAAAA' },
        ],
      },
      { consent: [{ standard: 'Adobe', version: '1.0', value: { general: 'not_provided' } }] },
    ]) {
      const { request } = prepareConsent(config, value, 'r-1');
      const attempt = edgeInteract({ requestMeta: () => state }).prepare!(request!);
      const body = JSON.parse(attempt.body);
      expect(specViolations('ConsentReplaceRequest', body)).toEqual([]);
      expect(body.xdm).toBeUndefined();
    }
    const { request } = prepareConsent(
      config,
      { consent: [{ standard: 'Adobe', version: '1.0', value: { general: 'in' } }], identityMap },
      'r-2',
    );
    expect(JSON.parse(request!.body).identityMap).toEqual(identityMap);
  });

  it.each(['sendEventResponse', 'identityAcquireResponse', 'multiStatusResponse', 'optedOutResponse'])(
    'the recorded answer %s is an InteractResponse',
    (name) => {
      const answer = JSON.parse(readFileSync(`test/fixtures/edge-answers/${name}.json`, 'utf8'));
      expect(specViolations('InteractResponse', answer)).toEqual([]);
    },
  );
});
