import { afterEach, describe, expect, it } from 'vitest';
import { appendIdentityToUrl, createEdgeCollector } from '../../src/index';
import { formatAdobeMc, readAdobeMc } from '../../src/core/adobeMc';

// The ES module's face of issue 20 point 2, in a page (happy-dom): `orgId`, the landing page's
// `adobe_mc`, and the `appendIdentityToUrl` export. Alloy's test C5594865 is the reference.
const ORG = '53A16ACB5CC1D3760A495C99@AdobeOrg';
const DATASTREAM = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
const LINKED = '11112222333344445555666677778888999900';
const EDGE_ECID = '54008824609818377872141446432288197497';

/** A fetch standing in for the Edge Network: records bodies, answers every request with `EDGE_ECID`. */
function edge() {
  const bodies: Array<{ url: string; body: Record<string, any> }> = []; // eslint-disable-line @typescript-eslint/no-explicit-any
  const fetch = (async (url: string, init: RequestInit) => {
    bodies.push({ url, body: JSON.parse(String(init.body)) });
    const handle = [{ type: 'identity:result', payload: [{ id: EDGE_ECID, namespace: { code: 'ECID' } }] }];
    return new Response(JSON.stringify({ requestId: new URL(url).searchParams.get('requestId'), handle }));
  }) as typeof globalThis.fetch;
  return { fetch, bodies };
}

const land = (search: string) => history.replaceState(null, '', `/landing${search}`);

describe('the ES module across domains', () => {
  afterEach(() => land(''));

  it("sends a recent adobe_mc's ECID for its org in the identity map of every event", async () => {
    land(`?adobe_mc=${formatAdobeMc(LINKED, ORG, Date.now())}`);
    const { fetch, bodies } = edge();
    const collector = createEdgeCollector({ datastreamId: DATASTREAM, orgId: ORG, fetch });
    await collector.sendPageView();
    await collector.sendEvent({ eventType: 'test', xdm: { identityMap: { CRM: [{ id: 'c-1' }] } } });
    expect(bodies.map(({ body }) => body.event.xdm.identityMap.ECID)).toEqual([
      [{ id: LINKED, authenticatedState: 'ambiguous' }],
      [{ id: LINKED, authenticatedState: 'ambiguous' }],
    ]);
    expect(bodies[1]!.body.event.xdm.identityMap.CRM).toEqual([{ id: 'c-1' }]);
  });

  it.each([
    ['stale', formatAdobeMc(LINKED, ORG, Date.now() - 301_000)],
    ['of another org', formatAdobeMc(LINKED, 'FAF554945B90342F0A495E2C@AdobeOrg', Date.now())],
    ['malformed', 'TS%3Dnow%7CMCMID%3D1'],
  ])('ignores an adobe_mc that is %s, without an error', async (_, value) => {
    land(`?adobe_mc=${value}`);
    const { fetch, bodies } = edge();
    await createEdgeCollector({ datastreamId: DATASTREAM, orgId: ORG, fetch }).sendPageView();
    expect(bodies[0]!.body.event.xdm.identityMap).toBeUndefined();
  });

  it("keeps the page's own ECID over the link's", async () => {
    land(`?adobe_mc=${formatAdobeMc(LINKED, ORG, Date.now())}`);
    const { fetch, bodies } = edge();
    const own = { ECID: [{ id: EDGE_ECID }] };
    await createEdgeCollector({ datastreamId: DATASTREAM, orgId: ORG, fetch }).sendEvent({
      eventType: 'test',
      xdm: { identityMap: own },
    });
    expect(bodies[0]!.body.event.xdm.identityMap).toEqual(own);
  });

  it('exports appendIdentityToUrl, which fetches an ECID first when none is known', async () => {
    const { fetch, bodies } = edge();
    const collector = createEdgeCollector({ datastreamId: DATASTREAM, orgId: ORG, fetch });
    const { url } = await appendIdentityToUrl(collector, { url: 'https://other.example/?a=1' });
    expect(new URL(bodies[0]!.url).pathname).toBe('/ee/v1/identity/acquire');
    expect(readAdobeMc(new URL(url).search, ORG, Date.now())).toBe(EDGE_ECID);
    // A string works too, and the ECID is known now: no second request.
    expect((await appendIdentityToUrl(collector, 'https://other.example/')).url).toContain('adobe_mc=');
    expect(bodies).toHaveLength(1);
  });

  it('refuses a malformed orgId at creation, and appendIdentityToUrl without one, naming the setting', async () => {
    expect(() => createEdgeCollector({ datastreamId: DATASTREAM, orgId: 'acme' })).toThrow(
      'orgId must be the IMS organization ID',
    );
    const collector = createEdgeCollector({ datastreamId: DATASTREAM, fetch: edge().fetch });
    await expect(appendIdentityToUrl(collector, 'https://other.example/')).rejects.toMatchObject({
      code: 'invalid-config',
    });
  });
});
