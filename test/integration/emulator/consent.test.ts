import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/startEmulator';
import { pageViewBody } from '../../support/pageViewBody';
import * as fixtures from '../../fixtures/alloy/consent.mjs';

const DATASTREAM = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
const ORG = 'ACME0000000000000000000@AdobeOrg';
const IDENTITY_COOKIE = 'kndctr_ACME0000000000000000000_AdobeOrg_identity';
const CONSENT_COOKIE = 'kndctr_ACME0000000000000000000_AdobeOrg_consent';
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A TCF 2.0 core segment (version 2) with or without purpose 1 consent (bit 152), and a vendor
 * bit field up to 565 (MaxVendorId at bit 213) with Adobe's vendor consent (565).
 */
function tcString(purposeOne: boolean): string {
  const maxVendor = (565).toString(2).padStart(16, '0');
  const bits = Array.from({ length: 800 }, (_, index) =>
    index === 4 || (purposeOne && index === 152) || index === 230 + 564
      ? 1
      : index >= 213 && index < 229
        ? Number(maxVendor[index - 213])
        : 0,
  );
  let text = '';
  for (let at = 0; at < bits.length; at += 6) text += BASE64URL[parseInt(bits.slice(at, at + 6).join(''), 2)];
  return text;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read deep into answers
type Loose = Record<string, any>;
let emulator: RunningEmulator;
const logs: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({
    datastreams: [{ id: DATASTREAM, orgId: ORG }],
    log: (line) => logs.push(line),
  });
});
afterAll(() => emulator.close());

const post = async (path: string, body: unknown, state?: Array<{ key: string; value: string }>) => {
  const response = await fetch(`${emulator.origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8' },
    body: JSON.stringify(state ? { ...(body as object), meta: { state: { entries: state } } } : body),
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    json: (await response.json()) as Loose,
  };
};
const setConsent = (consent: unknown[], state?: Array<{ key: string; value: string }>) =>
  post(
    `/ee/v1/privacy/set-consent?configId=${DATASTREAM}&requestId=${crypto.randomUUID()}`,
    { consent },
    state,
  );
const pageView = (state?: Array<{ key: string; value: string }>) =>
  post(`/ee/v2/interact?dataStreamId=${DATASTREAM}`, pageViewBody(), state);
const stateOf = (json: Loose) =>
  (json.handle as Loose[])
    .find((h) => h.type === 'state:store')!
    .payload.map(({ key, value }: Loose) => ({ key, value }));
const cookie = (json: Loose, key: string) =>
  (json.handle as Loose[]).flatMap((h) => h.payload).find((p: Loose) => p.key === key);

describe('the emulated privacy/set-consent', () => {
  it.each([
    ['Adobe 1.0', [{ standard: 'Adobe', version: '1.0', value: { general: 'in' } }], 'in'],
    ['Adobe 1.0 out', [{ standard: 'Adobe', version: '1.0', value: { general: 'out' } }], 'out'],
    [
      'Adobe 2.0',
      [
        {
          standard: 'Adobe',
          version: '2.0',
          value: { collect: { val: 'y' }, personalize: { content: { val: 'n' } } },
        },
      ],
      'in',
    ],
    ['Adobe 2.0 out', [{ standard: 'Adobe', version: '2.0', value: { collect: { val: 'n' } } }], 'out'],
    [
      'IAB TCF 2.0 with purpose 1',
      [{ standard: 'IAB TCF', version: '2.0', value: tcString(true), gdprApplies: true }],
      'in',
    ],
    [
      'IAB TCF 2.0 without purpose 1',
      [{ standard: 'IAB TCF', version: '2.0', value: tcString(false), gdprApplies: true }],
      'out',
    ],
    [
      'IAB TCF 2.0 outside GDPR',
      [{ standard: 'IAB TCF', version: '2.0', value: tcString(false), gdprApplies: false }],
      'in',
    ],
  ])('accepts %s and answers with the visitor and the consent cookie', async (_name, consent, general) => {
    const answer = await setConsent(consent);
    expect(answer.status).toBe(200);
    expect(cookie(answer.json, CONSENT_COOKIE)).toEqual({
      key: CONSENT_COOKIE,
      value: `general=${general}`,
      maxAge: 15552000,
    });
    const ecid = (answer.json.handle as Loose[]).find((h) => h.type === 'identity:result')!.payload[0].id;
    expect(ecid).toMatch(/^\d{38}$/);
    const { items } = (await (await fetch(`${emulator.origin}/api/consent`)).json()) as { items: Loose[] };
    expect(items[0]).toMatchObject({ ecid, general, consent, dataStreamId: DATASTREAM, orgId: ORG });
  });

  it.each([
    [[{ standard: 'TCF', version: '2.0', value: 'x' }], /consent\[0\]\.standard "TCF"/],
    [[{ standard: 'Adobe', version: '3.0', value: {} }], /version "3\.0" is not a version of Adobe/],
    [[{ standard: 'Adobe', version: '2.0', value: { collect: { val: 'maybe' } } }], /consent\[0\]\.value/],
    [
      [{ standard: 'IAB TCF', version: '2.0', value: 'not a tc string', gdprApplies: true }],
      /not an IAB TCF 2\.0 consent string/,
    ],
  ])('refuses %j as Adobe does: 422 EXEG-0104 with the reasons in report.errors', async (consent, reason) => {
    const answer = await setConsent(consent);
    expect(answer.status).toBe(422);
    expect(answer.type).toMatch(/^application\/problem\+json/);
    expect(answer.json).toMatchObject({
      type: 'https://ns.adobe.com/aep/errors/EXEG-0104-422',
      status: 422,
      title: 'Unprocessable entity',
      report: { errors: [expect.stringMatching(reason)], requestId: expect.any(String) },
    });
  });

  it('refuses a missing consent array (400 EXEG-0103) and an empty one (400 EXEG-0102)', async () => {
    const missing = await post(`/ee/v1/privacy/set-consent?configId=${DATASTREAM}`, {});
    expect(missing.json).toMatchObject({
      type: 'https://ns.adobe.com/aep/errors/EXEG-0103-400',
      status: 400,
    });
    const empty = await setConsent([]);
    expect(empty.json).toMatchObject({ type: 'https://ns.adobe.com/aep/errors/EXEG-0102-400', status: 400 });
  });

  it("records the decision for the visitor an identity map's ECID names, and flags a plain e-mail address", async () => {
    const ecid = '12345678901234567890123456789012345678';
    const answer = await post(`/ee/v1/privacy/set-consent?configId=${DATASTREAM}`, {
      consent: [{ standard: 'Adobe', version: '1.0', value: { general: 'out' } }],
      xdm: { identityMap: { ECID: [{ id: ecid }], Email: [{ id: 'ada@example.com' }] } },
    });
    expect(answer.status).toBe(200);
    const { items } = (await (await fetch(`${emulator.origin}/api/consent`)).json()) as { items: Loose[] };
    expect(items[0]).toMatchObject({ ecid, general: 'out', plainEmails: ['xdm.identityMap.Email[0].id'] });
    expect(logs.at(-1)).toMatch(
      /consent out for visitor \d+ .*!! PLAIN E-MAIL in xdm\.identityMap\.Email\[0\]\.id/,
    );
  });

  it('refuses a consent request without its datastream, saying where the id goes', async () => {
    const answer = await post('/ee/v1/privacy/set-consent', { consent: [] });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({
      type: 'https://ns.adobe.com/aep/errors/EXEG-0002-400',
      detail: expect.stringContaining('?configId='),
    });
  });

  it("answers an opted-out visitor's event as the Edge Network does: 200, a warning, nothing stored, shown as dropped", async () => {
    const optIn = await setConsent([{ standard: 'Adobe', version: '1.0', value: { general: 'in' } }]);
    const visitor = stateOf(optIn.json).filter(({ key }: Loose) => key === IDENTITY_COOKIE);
    expect((await pageView(visitor)).json.warnings).toBeUndefined();

    await setConsent([{ standard: 'Adobe', version: '2.0', value: { collect: { val: 'n' } } }], visitor);
    const before = ((await (await fetch(`${emulator.origin}/api/events`)).json()) as Loose).count;
    const ignored = await pageView(visitor);
    expect(ignored.status).toBe(200);
    expect(ignored.json.warnings).toEqual([
      expect.objectContaining({
        type: 'https://ns.adobe.com/aep/errors/EXEG-0301-200',
        status: 200,
        title: 'User consent missing',
      }),
    ]);
    expect(cookie(ignored.json, CONSENT_COOKIE).value).toBe('general=out');
    expect(((await (await fetch(`${emulator.origin}/api/events`)).json()) as Loose).count).toBe(before);
    const { rejections } = (await (await fetch(`${emulator.origin}/api/rejections`)).json()) as {
      rejections: Loose[];
    };
    expect(rejections.at(-1)).toMatchObject({
      status: 200,
      title: 'Request ignored',
      detail: expect.stringMatching(/1 event\(s\) dropped, not stored: visitor \d{38} opted out/),
    });
  });

  it('joins a decision and the events of a visitor without cookies by the ECID in their identity maps (a server)', async () => {
    const ecid = '98765432109876543210987654321098765432';
    const identityMap = { ECID: [{ id: ecid }] };
    await post(`/ee/v1/privacy/set-consent?configId=${DATASTREAM}`, {
      consent: [{ standard: 'Adobe', version: '1.0', value: { general: 'out' } }],
      xdm: { identityMap },
    });
    const event = (id: string) => ({
      event: {
        xdm: {
          _id: crypto.randomUUID(),
          eventType: 'commerce.purchases',
          timestamp: new Date().toISOString(),
          identityMap: { ECID: [{ id }] },
        },
      },
    });
    const ignored = await post(`/ee/v2/interact?dataStreamId=${DATASTREAM}`, event(ecid));
    expect(ignored.json.warnings).toEqual([expect.objectContaining({ title: 'User consent missing' })]);
    const other = await post(
      `/ee/v2/interact?dataStreamId=${DATASTREAM}`,
      event('11111111111111111111111111111111111111'),
    );
    expect(other.json.warnings).toBeUndefined();
  });

  it('honours a consent cookie general=out sent back by a visitor it has no record of', async () => {
    const ignored = await pageView([{ key: CONSENT_COOKIE, value: 'general=out' }]);
    expect(ignored.json.warnings[0].type).toBe('https://ns.adobe.com/aep/errors/EXEG-0301-200');
  });

  it('remembers an opt-out across a restart on the same data folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'consent-restart-'));
    const first = await startEmulator({ dataDir, datastreams: [{ id: DATASTREAM, orgId: ORG }] });
    const optOut = await fetch(`${first.origin}/ee/v1/privacy/set-consent?configId=${DATASTREAM}`, {
      method: 'POST',
      body: JSON.stringify({ consent: [{ standard: 'Adobe', version: '1.0', value: { general: 'out' } }] }),
      headers: { 'content-type': 'application/json' },
    });
    const visitor = stateOf((await optOut.json()) as Loose).filter(
      ({ key }: Loose) => key === IDENTITY_COOKIE,
    );
    await first.close();
    const second = await startEmulator({ dataDir, datastreams: [{ id: DATASTREAM, orgId: ORG }] });
    try {
      const answer = await fetch(`${second.origin}/ee/v2/interact?dataStreamId=${DATASTREAM}`, {
        method: 'POST',
        body: JSON.stringify({
          event: { xdm: { _id: crypto.randomUUID() } },
          meta: { state: { entries: visitor } },
        }),
        headers: { 'content-type': 'application/json' },
      });
      expect(((await answer.json()) as Loose).warnings[0].type).toBe(
        'https://ns.adobe.com/aep/errors/EXEG-0301-200',
      );
    } finally {
      await second.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("consent as the Edge Network decides it, with alloy's fixtures and the outcomes its live tests recorded", () => {
  it.each([
    ['IAB_CONSENT_IN', fixtures.IAB_CONSENT_IN, 'in'],
    ['IAB_CONSENT_IN_PERSONAL_DATA', fixtures.IAB_CONSENT_IN_PERSONAL_DATA, 'in'],
    ['IAB_CONSENT_IN_NO_GDPR', fixtures.IAB_CONSENT_IN_NO_GDPR, 'in'],
    ['IAB_NO_PURPOSE_ONE', fixtures.IAB_NO_PURPOSE_ONE, 'out'],
    ['IAB_NO_PURPOSE_ONE_NO_GDPR (gdprApplies: false)', fixtures.IAB_NO_PURPOSE_ONE_NO_GDPR, 'in'],
    ['IAB_NO_PURPOSE_TEN', fixtures.IAB_NO_PURPOSE_TEN, 'in'],
    ['IAB_NO_ADOBE_VENDOR (no consent for vendor 565)', fixtures.IAB_NO_ADOBE_VENDOR, 'out'],
    ['CONSENT_IN', fixtures.CONSENT_IN, 'in'],
    ['CONSENT_OUT', fixtures.CONSENT_OUT, 'out'],
    ['ADOBE2_IN', fixtures.ADOBE2_IN, 'in'],
    ['ADOBE2_OUT', fixtures.ADOBE2_OUT, 'out'],
  ])('%s → general=%s', async (_name, fixture, general) => {
    const answer = await setConsent(fixture.consent);
    expect(answer.status).toBe(200);
    expect(cookie(answer.json, CONSENT_COOKIE).value).toBe(`general=${general}`);
  });

  it("reads an IAB TCF entry without gdprApplies as gdprApplies: true (Adobe's default)", async () => {
    const [entry] = fixtures.IAB_NO_PURPOSE_ONE.consent as Loose[];
    const withoutGdpr = { ...entry! };
    delete withoutGdpr.gdprApplies;
    const answer = await setConsent([withoutGdpr]);
    expect(answer.status).toBe(200);
    expect(cookie(answer.json, CONSENT_COOKIE).value).toBe('general=out');
  });

  it("names the visitor by the top-level identityMap of a consent request (the spec's ConsentReplaceRequest)", async () => {
    const ecid = '24682468246824682468246824682468246824';
    await post(`/ee/v1/privacy/set-consent?configId=${DATASTREAM}`, {
      ...fixtures.CONSENT_OUT,
      identityMap: { ECID: [{ id: ecid }] },
    });
    const { items } = (await (await fetch(`${emulator.origin}/api/consent`)).json()) as { items: Loose[] };
    expect(items[0]).toMatchObject({ ecid, general: 'out' });
  });

  it('opts the visitor out when an event carries a refusal in xdm.consentStrings (alloy test C224678)', async () => {
    const [entry] = fixtures.IAB_NO_PURPOSE_ONE.consent as Loose[];
    const body = pageViewBody();
    (body.event.xdm as Loose).consentStrings = [
      {
        consentStandard: 'IAB TCF',
        consentStandardVersion: '2.0',
        consentStringValue: entry!.value,
        gdprApplies: true,
        containsPersonalData: false,
      },
    ];
    const first = await post(`/ee/v2/interact?dataStreamId=${DATASTREAM}`, body);
    expect(first.status).toBe(200);
    expect(first.json.warnings[0].type).toBe('https://ns.adobe.com/aep/errors/EXEG-0301-200');
    expect(cookie(first.json, CONSENT_COOKIE).value).toBe('general=out');
    const visitor = stateOf(first.json).filter(({ key }: Loose) => key === IDENTITY_COOKIE);
    const later = await pageView(visitor);
    expect(later.json.warnings[0].title).toBe('User consent missing');
  });
});

describe('GET /api/consent pages (issue 23, F13)', () => {
  it('pages the decisions newest first by the paging rule of /api/events, and refuses bad pages', async () => {
    for (let index = 0; index < 3; index++)
      await setConsent([{ standard: 'Adobe', version: '1.0', value: { general: 'in' } }]);
    const all = (await (await fetch(`${emulator.origin}/api/consent`)).json()) as Loose;
    expect(all.total).toBeGreaterThanOrEqual(3);
    expect(all.dropped).toBe(0);
    const first = (await (await fetch(`${emulator.origin}/api/consent?limit=2`)).json()) as Loose;
    expect(first.items.map((item: Loose) => item.seq)).toEqual(
      all.items.slice(0, 2).map((item: Loose) => item.seq),
    );
    expect(first.total).toBe(all.total);
    const second = (await (
      await fetch(`${emulator.origin}/api/consent?limit=2&cursor=${first.nextCursor}`)
    ).json()) as Loose;
    expect(second.items[0].seq).toBe(all.items[2].seq);
    const oldest = (await (await fetch(`${emulator.origin}/api/consent?limit=1&order=asc`)).json()) as Loose;
    expect(oldest.items[0].seq).toBe(all.items[all.items.length - 1].seq);
    for (const query of [
      'limit=0',
      'limit=x',
      'limit=1&cursor=abc',
      'cursor=1',
      'limit=1&order=up',
      'limit=1&limit=2',
    ])
      expect((await fetch(`${emulator.origin}/api/consent?${query}`)).status).toBe(400);
  });
});
