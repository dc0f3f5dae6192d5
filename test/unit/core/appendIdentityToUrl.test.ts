import { describe, expect, it } from 'vitest';
import { readAdobeMc } from '../../../src/core/adobeMc';
import { appendIdentityToUrl, type IdentityLinkContext } from '../../../src/core/appendIdentityToUrl';
import { resolveConfig } from '../../../src/core/resolveConfig';
import { createCollector } from '../../../src/core/createCollector';
import type { InteractRequest } from '../../../src/core/InteractRequest';
import type { EdgeAnswer } from '../../../src/core/Transport';
import { recordingPlatform } from './recordingPlatform';

const ORG = '53A16ACB5CC1D3760A495C99@AdobeOrg';
const DATASTREAM = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
const ECID = '54008824609818377872141446432288197497';
const LANDED = '11112222333344445555666677778888999900';

/** The Edge Network's answer naming the visitor's ECID (the shape of alloy's recorded identityAcquireResponse.json). */
const withEcid = (request: InteractRequest): EdgeAnswer => ({
  status: 200,
  body: JSON.stringify({
    requestId: request.requestId,
    handle: [{ type: 'identity:result', payload: [{ id: ECID, namespace: { code: 'ECID' } }] }],
  }),
});

function setUp(answer: (request: InteractRequest) => EdgeAnswer | Promise<EdgeAnswer> = withEcid) {
  const { platform, sent } = recordingPlatform(answer);
  const collector = createCollector(
    resolveConfig({ datastreamId: DATASTREAM, edgeUrl: 'https://edge.test' }),
    platform,
  );
  const context: IdentityLinkContext = { orgId: ORG, consent: () => 'in', acquireTimeoutMs: 200 };
  return { collector, sent, context };
}

describe('appendIdentityToUrl', () => {
  it('asks the Edge Network for an ECID when none is known (identity/acquire), then adds it', async () => {
    const { collector, sent, context } = setUp();
    const { url, warnings } = await appendIdentityToUrl(
      collector,
      { url: 'https://b.example/p?x=1#h' },
      context,
    );
    expect(warnings).toBeUndefined();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toMatch(
      new RegExp(
        `^https://edge\\.test/ee/v1/identity/acquire\\?configId=${DATASTREAM}&requestId=[0-9a-f-]{36}$`,
      ),
    );
    expect(JSON.parse(sent[0]!.body)).toEqual({ query: { identity: { fetch: ['ECID'] } } });
    expect(url).toMatch(/^https:\/\/b\.example\/p\?x=1&adobe_mc=TS%3D\d+%7CMCMID%3D\d{38}%7CMCORGID%3D.+#h$/);
    expect(readAdobeMc(new URL(url).search, ORG, Date.now())).toBe(ECID);
    // Known from now on: the next link needs no request.
    await appendIdentityToUrl(collector, 'https://c.example/', context);
    expect(sent).toHaveLength(1);
  });

  it('sends the ECID the page was opened with in the identity request, as Adobe does', async () => {
    const { collector, sent, context } = setUp();
    await appendIdentityToUrl(
      collector,
      { url: 'https://b.example/' },
      { ...context, landingEcid: () => LANDED },
    );
    expect(JSON.parse(sent[0]!.body).xdm).toEqual({
      identityMap: { ECID: [{ id: LANDED, authenticatedState: 'ambiguous' }] },
    });
  });

  it('uses the ECID an earlier answer gave, without a request', async () => {
    const { collector, sent, context } = setUp();
    await collector.sendEvent({ eventType: 'test' });
    const { url } = await appendIdentityToUrl(collector, { url: 'https://b.example/' }, context);
    expect(sent.map((request) => new URL(request.url).pathname)).toEqual(['/ee/v2/interact']);
    expect(readAdobeMc(new URL(url).search, ORG, Date.now())).toBe(ECID);
  });

  it.each(['pending', 'out'] as const)('gives the URL back at once while consent is %s', async (consent) => {
    const { collector, sent, context } = setUp();
    const result = await appendIdentityToUrl(
      collector,
      { url: 'https://b.example/' },
      { ...context, consent: () => consent },
    );
    expect(result).toEqual({
      url: 'https://b.example/',
      warnings: [expect.stringContaining('consent is not in')],
    });
    expect(sent).toHaveLength(0);
  });

  it('gives the URL back when the Edge Network gives no ECID, or does not answer in time', async () => {
    const refused = setUp((request) => ({
      status: 400,
      body: JSON.stringify({ requestId: request.requestId }),
    }));
    expect(await appendIdentityToUrl(refused.collector, 'https://b.example/', refused.context)).toEqual({
      url: 'https://b.example/',
      warnings: [expect.stringContaining('gave no ECID')],
    });
    const silent = setUp(() => new Promise<EdgeAnswer>(() => undefined));
    expect((await appendIdentityToUrl(silent.collector, 'https://b.example/', silent.context)).url).toBe(
      'https://b.example/',
    );
  });

  it('rejects a missing URL, and a missing or malformed org ID, naming what to fix', async () => {
    const { collector, context } = setUp();
    await expect(appendIdentityToUrl(collector, {}, context)).rejects.toThrow(
      'appendIdentityToUrl takes { url',
    );
    await expect(
      appendIdentityToUrl(collector, 'https://b.example/', { ...context, orgId: undefined }),
    ).rejects.toMatchObject({
      code: 'invalid-config',
      message: expect.stringContaining('orgId must be the IMS organization ID'),
    });
    await expect(
      appendIdentityToUrl(collector, 'https://b.example/', { ...context, orgId: 'acme' }),
    ).rejects.toThrow('not "acme"');
  });

  it('carries datastream overrides to the identity request, as Send event does', async () => {
    const other = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
    const { collector, sent, context } = setUp();
    await appendIdentityToUrl(collector, 'https://b.example/', {
      ...context,
      overrides: { datastreamId: other, com_adobe_identity: { idSyncContainerId: 7 } },
    });
    expect(new URL(sent[0]!.url).searchParams.get('configId')).toBe(other);
    expect((sent[0] as { overrideMeta?: unknown }).overrideMeta).toEqual({
      configOverrides: { com_adobe_identity: { idSyncContainerId: 7 } },
      sdkConfig: { datastream: { original: DATASTREAM } },
    });
  });
});
