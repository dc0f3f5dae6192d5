import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../../src/core/resolveConfig';
import { createConsentCommand } from '../../../../src/core/consent/createConsentCommand';
import { createDelivery } from '../../../../src/core/delivery/createDelivery';
import { edgeInteract } from '../../../../src/core/delivery/edgeInteract';
import { edgeSetConsent } from '../../../../src/core/delivery/edgeSetConsent';
import { soleOwnership, type Ownership } from '../../../../src/core/delivery/Ownership';
import { memoryStore, type QueueStore } from '../../../../src/core/delivery/QueueStore';
import type { InteractRequest } from '../../../../src/core/InteractRequest';
import type { EdgeAnswer } from '../../../../src/core/Transport';

const ID = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
const CONSENT_COOKIE = 'kndctr_ORG_AdobeOrg_consent';
let counter = 0;

function event(): InteractRequest {
  const name = `event-${++counter}`;
  return {
    requestId: name,
    eventId: name,
    url: `https://edge.example/ee/v2/interact?dataStreamId=${ID}&requestId=${name}`,
    headers: { 'content-type': 'text/plain;charset=UTF-8' },
    body: JSON.stringify({ event: { xdm: { _id: name } } }),
  };
}

type Answer = (request: InteractRequest) => Partial<EdgeAnswer> & { json?: unknown };

/** The Edge Network's answer to a consent request: the consent cookie, as the real service sets it. */
const consentCookie = (general: string) => ({
  json: {
    handle: [
      {
        type: 'state:store',
        payload: [{ key: CONSENT_COOKIE, value: `general=${general}`, maxAge: 15552000 }],
      },
    ],
  },
});

/**
 * One page load: a delivery and its setConsent over a store, remembered values and a network log
 * that the next page load may share.
 */
function page(
  shared: {
    store?: QueueStore;
    remembered?: Map<string, string>;
    sent?: InteractRequest[];
    owner?: string;
  } = {},
  answer: Answer = () => ({}),
  defaultConsent: 'in' | 'out' | 'pending' = 'in',
) {
  const { store = memoryStore(), remembered = new Map<string, string>(), sent = [], owner = 'page' } = shared;
  // Each page load owns what it queues; a page that is gone is adopted at once.
  const ownership: Ownership = { ...soleOwnership, id: owner };
  const remember = (name: string, value?: string) => {
    if (value === undefined) return remembered.get(name);
    remembered.set(name, value);
    return value;
    return undefined;
  };
  const config = resolveConfig({
    datastreamId: ID,
    edgeUrl: 'https://edge.example',
    defaultConsent,
    retryDelay: 0,
  });
  const stored: string[] = [];
  const transport = async (request: InteractRequest): Promise<EdgeAnswer> => {
    sent.push(request);
    const { status = 200, json = { requestId: request.requestId, handle: [] } } = answer(request);
    return { status, body: JSON.stringify(json) };
  };
  // As createCollector wires it: the Edge Network's consent word in any answer applies here.
  const interact = edgeInteract({
    remember,
    storeState: (entries) => stored.push(...entries.map(({ key, value }) => `${key}=${value}`)),
    consent: (state) => void delivery.setConsent(state),
  });
  // eslint-disable-next-line prefer-const
  let delivery: ReturnType<typeof createDelivery>;
  delivery = createDelivery({
    config,
    platform: { transport, store, remember, ownership },
    handlers: { interact, consent: edgeSetConsent(interact) },
    log: () => undefined,
  });
  let id = 0;
  const setConsent = createConsentCommand({ config, delivery, remember, createId: () => `consent-${++id}` });
  return { delivery, setConsent, sent, store, remembered, stored };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const paths = (sent: InteractRequest[]) => sent.map((r) => (r.kind === 'consent' ? 'consent' : r.requestId));

describe('createConsentCommand', () => {
  it('posts the consent request to privacy/set-consent, then the events that waited, in order', async () => {
    const { delivery, setConsent, sent } = page({}, () => ({}), 'pending');
    const first = event();
    const second = event();
    void delivery.send(first, []);
    void delivery.send(second, []);
    await settle();
    expect(sent).toEqual([]);
    await setConsent('in');
    await settle();
    expect(paths(sent)).toEqual(['consent', first.requestId, second.requestId]);
    const [request] = sent;
    expect(request!.url).toBe(
      `https://edge.example/ee/v1/privacy/set-consent?configId=${ID}&requestId=consent-1`,
    );
    // No content type: fetch sends a string body as text/plain, a simple CORS request.
    expect(request!.headers).toEqual({});
    expect(JSON.parse(request!.body)).toEqual({
      consent: [{ standard: 'Adobe', version: '1.0', value: { general: 'in' } }],
      query: { identity: { fetch: ['ECID'] } },
    });
  });

  it('posts an opt-out and never lets an event leave', async () => {
    const { delivery, setConsent, sent, store } = page({}, () => consentCookie('out'), 'pending');
    const waiting = delivery.send(event(), []);
    await setConsent('out');
    await expect(waiting).resolves.toMatchObject({ warnings: ['consent is out: the event was not sent'] });
    await delivery.send(event(), []);
    await settle();
    expect(paths(sent)).toEqual(['consent']);
    expect(JSON.parse(sent[0]!.body).consent).toEqual([
      { standard: 'Adobe', version: '1.0', value: { general: 'out' } },
    ]);
    expect(await store.all()).toEqual([]);
  });

  it("keeps the answer's consent cookie through state:store", async () => {
    const { setConsent, stored } = page({}, () => consentCookie('in'));
    await setConsent('in');
    expect(stored).toEqual([`${CONSENT_COOKIE}=general=in`]);
  });

  it('sends nothing for a repeated decision, on this page or the next, and honours the stored one', async () => {
    const shared = {
      store: memoryStore(),
      remembered: new Map<string, string>(),
      sent: [] as InteractRequest[],
    };
    const first = page(shared, () => ({}), 'pending');
    await first.setConsent('in');
    await first.setConsent('in');
    expect(paths(shared.sent)).toEqual(['consent']);
    // The next page load: default consent pending, the stored decision is in.
    const next = page(shared, () => ({}), 'pending');
    const pageView = event();
    await next.delivery.send(pageView, []);
    await next.setConsent('in');
    expect(paths(shared.sent)).toEqual(['consent', pageView.requestId]);
    // A changed decision is posted.
    await next.setConsent({
      consent: [{ standard: 'Adobe', version: '2.0', value: { collect: { val: 'n' } } }],
    });
    expect(paths(shared.sent)).toEqual(['consent', pageView.requestId, 'consent']);
  });

  it('posts an identical decision made while the first is still on its way only once', async () => {
    const { setConsent, sent } = page();
    await Promise.all([setConsent('out'), setConsent('out')]);
    expect(paths(sent)).toEqual(['consent']);
  });

  it('posts again after pending, which is never posted', async () => {
    const { setConsent, sent } = page();
    await setConsent('in');
    await setConsent('pending');
    await setConsent('in');
    expect(paths(sent)).toEqual(['consent', 'consent']);
  });

  it('lets the Edge Network decide an IAB TCF string where GDPR applies', async () => {
    const iab = {
      consent: [
        {
          standard: 'IAB TCF',
          version: '2.0',
          value: 'CO052l-O052l-DGAMBFRACBgAIBAAAAAAIYgEawAQEagAAAA',
          gdprApplies: true,
        },
      ],
    };
    const optedIn = page({}, () => consentCookie('in'), 'pending');
    const held = event();
    void optedIn.delivery.send(held, []);
    await optedIn.setConsent(iab);
    await settle();
    expect(paths(optedIn.sent)).toEqual(['consent', held.requestId]);

    const optedOut = page({}, () => consentCookie('out'), 'pending');
    const dropped = optedOut.delivery.send(event(), []);
    await optedOut.setConsent(iab);
    await expect(dropped).resolves.toMatchObject({ warnings: ['consent is out: the event was not sent'] });
    expect(paths(optedOut.sent)).toEqual(['consent']);
  });

  it('retries the consent request before any event, with the same requestId', async () => {
    let calls = 0;
    const { delivery, setConsent, sent } = page(
      {},
      () => (++calls === 1 ? { status: 503, json: {} } : {}),
      'pending',
    );
    const held = event();
    void delivery.send(held, []);
    await setConsent('in');
    await settle();
    expect(sent.map((r) => r.requestId)).toEqual(['consent-1', 'consent-1', held.requestId]);
  });

  it('refuses a bad value with invalid-options and posts nothing', async () => {
    const { setConsent, sent } = page();
    await expect(
      setConsent({ consent: [{ standard: 'Adobe', version: '9.9', value: {} }] }),
    ).rejects.toMatchObject({
      code: 'invalid-options',
      message: expect.stringMatching(/version "9\.9" is not a version of Adobe/),
    });
    await expect(setConsent('maybe')).rejects.toMatchObject({ code: 'invalid-options' });
    expect(sent).toEqual([]);
  });

  it('adopts a consent request a closed page left queued, even when consent is out', async () => {
    const shared = {
      store: memoryStore(),
      remembered: new Map<string, string>(),
      sent: [] as InteractRequest[],
    };
    const closed = page(
      { ...shared, sent: [], owner: 'closed' },
      () => ({ status: 503, json: {} }),
      'pending',
    );
    void closed.setConsent('out').catch(() => undefined);
    await settle();
    expect((await shared.store.all()).map((e) => e.request.kind)).toContain('consent');
    const next = page(shared, () => ({}), 'out');
    await settle();
    expect(paths(next.sent)).toEqual(['consent']);
  });
});
