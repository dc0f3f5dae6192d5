import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/core/resolveConfig';
import { readConsentStandards } from '../../../src/core/consent/readConsentStandards';
import { createDelivery } from '../../../src/core/delivery/createDelivery';
import { edgeInteract } from '../../../src/core/delivery/edgeInteract';
import type { StateEntry } from '../../../src/core/delivery/readHandles';
import type { InteractRequest } from '../../../src/core/InteractRequest';
import { readEdgeAnswer } from '../../../src/core/readEdgeAnswer';
import { inMemory } from '../../../src/core/delivery/inMemory';

// Answers recorded from the real Edge Network (test/fixtures/edge-answers/README.md).
const recorded = (name: string) => readFileSync(`test/fixtures/edge-answers/${name}.json`, 'utf8');
const ID = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
const requestFor = (body: string, requestId = JSON.parse(body).requestId.slice(0, 36)): InteractRequest => ({
  requestId,
  eventId: 'e-1',
  url: `https://edge.adobedc.net/ee/v2/interact?dataStreamId=${ID}&requestId=${requestId}`,
  headers: {},
  body: '{"event":{"xdm":{}}}',
});

describe('answers recorded from the real Edge Network', () => {
  it('matches a requestId answered as <sent>-<16 hex>; only another prefix warns', () => {
    const body = recorded('sendEventResponse');
    expect(readEdgeAnswer(requestFor(body), { status: 200, body }).warnings).toEqual([]);
    const other = requestFor(body, '3931ed0b-d171-45f6-9d3e-29a61113aac3');
    expect(readEdgeAnswer(other, { status: 200, body }).warnings).toEqual([
      expect.stringMatching(/names requestId 3931ed0b-.*-254b6b357f27442f, not 3931ed0b-.*aac3/),
    ]);
  });

  it('gives a 207’s errors and warnings to the caller, with their EXEG codes and titles, as delivered', () => {
    const body = recorded('multiStatusResponse');
    const result = readEdgeAnswer(requestFor(body), { status: 207, body });
    expect(result.errors).toEqual([
      expect.objectContaining({ type: 'https://ns.adobe.com/aep/errors/EXEG-0201-503', status: 503 }),
    ]);
    expect(result.edgeWarnings).toEqual([
      expect.objectContaining({
        type: 'https://ns.adobe.com/aep/errors/EXEG-0204-200',
        title: expect.stringContaining('audiencemanager'),
      }),
    ]);
  });

  it('says an event ignored for lack of consent was not collected (EXEG-0301-200)', () => {
    const body = recorded('optedOutResponse');
    expect(readEdgeAnswer(requestFor(body), { status: 200, body }).edgeWarnings).toEqual([
      expect.objectContaining({
        type: 'https://ns.adobe.com/aep/errors/EXEG-0301-200',
        title: 'Request ignored',
      }),
    ]);
  });

  it('applies the Edge Network’s general=out from an event’s answer: nothing more leaves', async () => {
    const body = recorded('optedOutResponse');
    const sent: string[] = [];
    const interact = edgeInteract({ consent: (state) => void delivery.setConsent(state) });
    const delivery = createDelivery({
      config: resolveConfig({ datastreamId: ID }),
      platform: {
        ...inMemory(),
        transport: async (request) => (sent.push(request.requestId), { status: 200, body }),
      },
      handlers: { interact },
      log: () => undefined,
    });
    await delivery.send(requestFor(body), []);
    const later = await delivery.send(requestFor(body, 'later'), []);
    expect(sent).toHaveLength(1);
    expect(later.warnings).toEqual(['consent is out: the event was not sent']);
  });

  it('keeps the location hint with its TTL (the _cluster entry) and puts it in the path of later requests', () => {
    const body = recorded('sendEventResponse');
    const kept: StateEntry[] = [];
    const interact = edgeInteract({ storeState: (entries) => kept.push(...entries) });
    interact.answered!(readEdgeAnswer(requestFor(body), { status: 200, body }));
    expect(kept).toEqual([
      {
        key: 'kndctr_5BFE274A5F6980A50A495C08_AdobeOrg_cluster',
        value: 'or2',
        maxAge: 1800,
        attrs: undefined,
      },
    ]);
    expect(interact.identity()).toEqual({ ECID: '41861666193140161934276845651148876988' });
    const later = edgeInteract({ requestMeta: () => ({ state: { entries: kept } }) });
    expect(later.prepare!(requestFor(body)).url).toMatch(
      /^https:\/\/edge\.adobedc\.net\/ee\/or2\/v2\/interact\?/,
    );
    // A hint that is not a path segment is ignored.
    const odd = edgeInteract({
      requestMeta: () => ({ state: { entries: [{ key: 'x_cluster', value: '../x' }] } }),
    });
    expect(odd.prepare!(requestFor(body)).url).toMatch(/\/ee\/v2\/interact\?/);
  });
});

describe('consent entries the spec accepts (issue 18.6) and addresses in them (issue 23 F11)', () => {
  it.each([
    { standard: 'IAB TCF', version: '2.0', value: 'CO052l-O052l-DGAMBFRACBgAIBAAAAAAIYgEawAQEagAAAA' },
    {
      standard: 'IAB TCF',
      version: '2.0',
      value: 'CO052l-O052l-DGAMBFRACBgAIBAAAAAAIYgEawAQEagAAAA',
      gdprApplies: true,
      gdprContainsPersonalData: false,
    },
    { standard: 'Adobe', version: '2.0', value: { collect: { val: 'li' }, share: { val: 'p' } } },
    { standard: 'Adobe', version: '2.0', value: { personalize: { content: { val: 'u' } } } },
    { standard: 'Adobe', version: '1.0', value: { general: 'pending' } },
    { standard: 'Adobe', version: '1.0', value: { general: 'not_provided' } },
  ])('accepts and sends as given %j', (entry) => {
    expect(readConsentStandards({ consent: [entry] }).consent).toEqual([entry]);
  });

  it.each([
    {
      standard: 'Adobe',
      version: '2.0',
      value: { collect: { val: 'y' }, metadata: { note: 'ada@example.com' } },
    },
    { standard: 'Adobe', version: '1.0', value: { general: 'in' }, owner: 'ada%40example.com' },
    { standard: 'IAB TCF', version: '2.0', value: 'ada@example.com' },
  ])('refuses an address anywhere in an entry, never posting it: %j', (entry) => {
    expect(() => readConsentStandards({ consent: [entry] })).toThrow(
      expect.objectContaining({ code: 'invalid-options', message: expect.stringMatching(/plain e-mail/) }),
    );
  });
});
