import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/startEmulator';

const DATASTREAM = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
const HASH = '0c7e6a405862e402eb76a70f8a26fc732d07c32931e9fae9ab1582911d2e8a3b';

// The page-view event of the Edge Network Server API documentation (seed 000).
const seedEvent = (id: string = crypto.randomUUID()) => ({
  event: {
    xdm: {
      _id: id,
      identityMap: { Email_LC_SHA256: [{ id: HASH, primary: true }] },
      eventType: 'web.webpagedetails.pageViews',
      web: { webPageDetails: { URL: 'https://alloystore.dev/', name: 'home-demo-Home Page' } },
      timestamp: '2021-08-09T14:09:20.859Z',
    },
    data: { prop1: 'custom value' },
  },
});

let emulator: RunningEmulator;
const logs: string[] = [];
const interact = (
  query: string,
  body: unknown,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) =>
  fetch(`${emulator.origin}/ee/v2/interact?${query}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
// The stored events, loosely typed: the tests read deep into their payloads.
/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read deep into payloads */
type Loose = Record<string, any>;
const events = async (query = '') =>
  (await (await fetch(`${emulator.origin}/api/events${query}`)).json()) as {
    count: number;
    events: Array<Loose>;
  };

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    datastreams: [{ id: DATASTREAM, orgId: 'ACME0000000000000000000@AdobeOrg' }],
    log: (line) => logs.push(line),
  });
});
afterAll(() => emulator.close());
beforeEach(async () => {
  await fetch(`${emulator.origin}/api/events`, { method: 'DELETE' });
  logs.length = 0;
});

describe('POST /ee/v2/interact', () => {
  it('answers the seed request with <requestId>-<16 hex>, the identity asked for, state and location handles, and stores it', async () => {
    const body = { ...seedEvent(), query: { identity: { fetch: ['ECID'] } } };
    const response = await interact(`datastreamId=${DATASTREAM}&requestId=req-seed-1`, body);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-adobe-edge')).toMatch(/^[A-Z0-9]+;\d+$/);
    const answer = await response.json();
    expect(answer.requestId).toMatch(/^req-seed-1-[0-9a-f]{16}$/);
    expect(response.headers.get('x-request-id')).toBe(answer.requestId);
    const byType = Object.fromEntries(
      answer.handle.map((h: { type: string; payload: unknown[] }) => [h.type, h.payload]),
    );
    expect(byType['identity:result'][0]).toEqual({
      id: expect.stringMatching(/^\d{38}$/),
      namespace: { code: 'ECID' },
    });
    expect(byType['state:store']).toEqual([
      {
        key: 'kndctr_ACME0000000000000000000_AdobeOrg_identity',
        value: expect.any(String),
        maxAge: 34128000,
        attrs: { SameSite: 'None' },
      },
      { key: 'kndctr_ACME0000000000000000000_AdobeOrg_cluster', value: 'local', maxAge: 1800 },
    ]);
    expect(byType['locationHint:result'][0]).toEqual({
      scope: 'EdgeNetwork',
      hint: 'local',
      ttlSeconds: 1800,
    });

    const stored = await events('?requestId=req-seed-1');
    expect(stored.count).toBe(1);
    const [event] = stored.events;
    expect(event).toMatchObject({
      requestId: 'req-seed-1',
      answeredRequestId: answer.requestId,
      eventId: body.event.xdm._id,
      dataStreamId: DATASTREAM,
      eventType: 'web.webpagedetails.pageViews',
      xdm: body.event.xdm,
      data: body.event.data,
    });
    expect(event!.validation).toEqual({ ok: true, findings: [], plainEmails: [], schemaViolations: [] });
    expect(event!.headers['content-type']).toBe('application/json');
    expect(await (await fetch(`${emulator.origin}/api/events/${event!.id}`)).json()).toEqual(event);
    expect(await (await fetch(`${emulator.origin}/api/events/${body.event.xdm._id}`)).json()).toEqual(event);
  });

  it('makes a requestId when none is given, and takes the x-request-id header form', async () => {
    const answer = await (await interact(`dataStreamId=${DATASTREAM}`, seedEvent())).json();
    expect(answer.requestId).toMatch(/^[0-9a-f-]{36}-[0-9a-f]{16}$/);
    expect((await events(`?requestId=${answer.requestId}`)).count).toBe(1);
    const viaHeader = await interact(`dataStreamId=${DATASTREAM}`, seedEvent(), {
      'content-type': 'application/json',
      'x-request-id': 'from-header',
    });
    expect((await viaHeader.json()).requestId).toMatch(/^from-header-[0-9a-f]{16}$/);
    expect((await events('?requestId=from-header')).count).toBe(1);
  });

  it('gives an event without _id one, as the Edge Network does, and does not flag it', async () => {
    const body = seedEvent();
    delete (body.event.xdm as Partial<typeof body.event.xdm>)._id;
    expect((await interact(`dataStreamId=${DATASTREAM}&requestId=no-id`, body)).status).toBe(200);
    const [event] = (await events('?requestId=no-id')).events;
    expect(event!.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(event!.xdm._id).toBe(event!.eventId);
    expect(event!.validation.ok).toBe(true);
  });

  it('takes a JSON body sent as text/plain, as browsers send it', async () => {
    const response = await interact(`dataStreamId=${DATASTREAM}&requestId=plain`, seedEvent(), {
      'content-type': 'text/plain;charset=UTF-8',
    });
    expect(response.status).toBe(200);
    expect((await events('?requestId=plain')).count).toBe(1);
  });

  it('keeps the same visitor id through the state entries, and through HTTP cookies only when cookiesEnabled', async () => {
    const asking = (meta: object = {}) => ({
      ...seedEvent(),
      query: { identity: { fetch: ['ECID'] } },
      meta,
    });
    const first = await interact(`dataStreamId=${DATASTREAM}`, asking({ state: { cookiesEnabled: true } }));
    const answer = await first.json();
    const ecid = answer.handle[0].payload[0].id;
    const state = answer.handle.find((h: { type: string }) => h.type === 'state:store').payload[0];
    const viaState = await (
      await interact(
        `dataStreamId=${DATASTREAM}`,
        asking({ state: { entries: [{ key: state.key, value: state.value }] } }),
      )
    ).json();
    expect(viaState.handle[0].payload[0].id).toBe(ecid);
    // The identity was sent back: no identity cookie to store again, only the region.
    expect(
      viaState.handle
        .find((h: { type: string }) => h.type === 'state:store')
        .payload.map((p: Loose) => p.key),
    ).toEqual(['kndctr_ACME0000000000000000000_AdobeOrg_cluster']);
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
    const withCookie = (meta: object) =>
      interact(`dataStreamId=${DATASTREAM}`, asking(meta), { 'content-type': 'application/json', cookie });
    const viaCookie = await (await withCookie({ state: { cookiesEnabled: true } })).json();
    expect(viaCookie.handle[0].payload[0].id).toBe(ecid);
    const cookiesOff = await withCookie({});
    expect(cookiesOff.headers.get('set-cookie')).toBeNull();
    expect((await cookiesOff.json()).handle[0].payload[0].id).not.toBe(ecid);
  });

  it('answers identity:result only when query.identity.fetch asks for the ECID', async () => {
    const answer = await (await interact(`dataStreamId=${DATASTREAM}`, seedEvent())).json();
    expect(answer.handle.map((h: { type: string }) => h.type)).toEqual([
      'locationHint:result',
      'state:store',
    ]);
  });

  it('keeps the ECID of a new visitor identity map (migration from the Visitor API)', async () => {
    const ecid = '55555555555555555555555555555555555555';
    const body = { ...seedEvent(), query: { identity: { fetch: ['ECID'] } } };
    (body.event.xdm.identityMap as Loose).ECID = [{ id: ecid }];
    const answer = await (await interact(`dataStreamId=${DATASTREAM}`, body)).json();
    expect(answer.handle[0].payload[0].id).toBe(ecid);
  });

  it('switches a returning visitor to the ECID its identity map names, and stores it (adobe_mc, alloy C5594866)', async () => {
    const asking = (meta: object, ecid?: string) => {
      const body = { ...seedEvent(), query: { identity: { fetch: ['ECID'] } }, meta };
      if (ecid) (body.event.xdm.identityMap as Loose).ECID = [{ id: ecid }];
      return body;
    };
    const identityOf = (answer: Loose) => answer.handle[0].payload[0].id as string;
    const stateOf = (answer: Loose) =>
      answer.handle.find((h: { type: string }) => h.type === 'state:store').payload as Loose[];
    const first = await (await interact(`dataStreamId=${DATASTREAM}`, asking({}))).json();
    const stored = stateOf(first).find((entry) => entry.key.endsWith('_identity'))!;
    // The landing page of another domain's link: its stored identity, and the ECID of adobe_mc.
    const linked = '66666666666666666666666666666666666666';
    const landing = await (
      await interact(
        `dataStreamId=${DATASTREAM}`,
        asking({ state: { entries: [{ key: stored.key, value: stored.value }] } }, linked),
      )
    ).json();
    expect(identityOf(first)).not.toBe(linked);
    expect(identityOf(landing)).toBe(linked);
    // The answer stores the new identity, so the next page (no adobe_mc) keeps it.
    const replaced = stateOf(landing).find((entry) => entry.key === stored.key)!;
    expect(replaced.value).not.toBe(stored.value);
    const next = await (
      await interact(
        `dataStreamId=${DATASTREAM}`,
        asking({ state: { entries: [{ key: replaced.key, value: replaced.value }] } }),
      )
    ).json();
    expect(identityOf(next)).toBe(linked);
  });

  it('counts a repeated _id as a duplicate and does not store it twice', async () => {
    const body = seedEvent('dup-1');
    expect((await interact(`dataStreamId=${DATASTREAM}&requestId=a`, body)).status).toBe(200);
    expect((await interact(`dataStreamId=${DATASTREAM}&requestId=b`, body)).status).toBe(200);
    const stored = await events();
    expect(stored.count).toBe(1);
    expect(stored.events[0]!.duplicates).toBe(1);
    expect(await (await fetch(`${emulator.origin}/api/status`)).json()).toMatchObject({
      events: 1,
      duplicates: 1,
    });
  });

  it('flags a plain e-mail address anywhere, a bad hashed id and missing fields, and still stores the event', async () => {
    const body = {
      event: {
        xdm: {
          _id: 'bad-1',
          eventType: 'web.formFilledOut',
          identityMap: { Email_LC_SHA256: [{ id: 'ada@example.com' }] },
        },
        data: { form: { note: 'write to ADA%40example.org please' } },
      },
    };
    expect((await interact(`dataStreamId=${DATASTREAM}&requestId=bad`, body)).status).toBe(200);
    const [event] = (await events('?requestId=bad')).events;
    expect(event!.validation.ok).toBe(false);
    expect(event!.validation.plainEmails).toEqual([
      'xdm.identityMap.Email_LC_SHA256[0].id',
      'data.form.note',
    ]);
    const messages = event!.validation.findings.map(
      (f: { severity: string; path: string }) => `${f.severity} ${f.path}`,
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        'error xdm.timestamp',
        'error xdm.identityMap.Email_LC_SHA256[0].id',
        'privacy xdm.identityMap.Email_LC_SHA256[0].id',
        'privacy data.form.note',
      ]),
    );
    expect(logs.some((line) => line.includes('PLAIN E-MAIL'))).toBe(true);
  });

  it('filters stored events by dataStreamId, eventType and since', async () => {
    await interact(`dataStreamId=${DATASTREAM}`, seedEvent());
    const other = seedEvent();
    other.event.xdm.eventType = 'commerce.productViews';
    await interact(`dataStreamId=${DATASTREAM}`, other);
    expect((await events(`?dataStreamId=${DATASTREAM}`)).count).toBe(2);
    expect((await events('?dataStreamId=something-else')).count).toBe(0);
    expect((await events('?eventType=commerce.productViews')).events.map((e) => e.eventId)).toEqual([
      other.event.xdm._id,
    ]);
    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await events(`?since=${encodeURIComponent(future)}`)).count).toBe(0);
    expect((await events('?since=0')).count).toBe(2);
    expect((await fetch(`${emulator.origin}/api/events?since=yesterday`)).status).toBe(400);
    expect((await fetch(`${emulator.origin}/api/events/no-such-id`)).status).toBe(404);
  });
});

describe('other Edge endpoints', () => {
  it('answers /ee/v2/collect with 202 {requestId} (204 with silent=true) and takes an events[] batch', async () => {
    const collect = (query: string, body: unknown) =>
      fetch(`${emulator.origin}/ee/v2/collect?datastreamId=${DATASTREAM}&${query}`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'text/plain' },
      });
    const response = await collect('requestId=col', seedEvent());
    expect(response.status).toBe(202);
    expect((await response.json()).requestId).toMatch(/^col-[0-9a-f]{16}$/);
    expect((await events('?requestId=col')).count).toBe(1);
    const batch = await collect('requestId=colb&silent=true', {
      events: [seedEvent().event, seedEvent().event],
    });
    expect(batch.status).toBe(204);
    expect((await events('?requestId=colb')).count).toBe(2);
  });

  it('takes the Web SDK shape: /ee/v1/interact with configId and events[]', async () => {
    const a = seedEvent().event;
    const b = seedEvent().event;
    const response = await fetch(`${emulator.origin}/ee/v1/interact?configId=${DATASTREAM}&requestId=v1`, {
      method: 'POST',
      body: JSON.stringify({ events: [a, b], meta: {} }),
      headers: { 'content-type': 'text/plain' },
    });
    expect(response.status).toBe(200);
    expect((await response.json()).requestId).toMatch(/^v1-[0-9a-f]{16}$/);
    expect((await events('?requestId=v1')).events.map((e) => e.eventId)).toEqual([a.xdm._id, b.xdm._id]);
  });

  it('creates unknown datastreams on first use in development mode only', async () => {
    const dev = await startEmulator({ port: 0, devMode: true });
    try {
      const response = await fetch(
        `${dev.origin}/ee/v2/interact?dataStreamId=11111111-2222-4333-8444-555555555555`,
        {
          method: 'POST',
          body: JSON.stringify(seedEvent()),
          headers: { 'content-type': 'application/json' },
        },
      );
      expect(response.status).toBe(200);
    } finally {
      await dev.close();
    }
  });

  it('accepts datastreams added through /api/datastreams', async () => {
    const id = '99999999-2222-4333-8444-555555555555';
    expect((await interact(`dataStreamId=${id}`, seedEvent())).status).toBe(400);
    const created = await fetch(`${emulator.origin}/api/datastreams`, {
      method: 'POST',
      body: JSON.stringify({ id, name: 'Added' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(created.status).toBe(201);
    expect((await interact(`dataStreamId=${id}`, seedEvent())).status).toBe(200);
  });
});

describe('bad input on the Edge endpoints', () => {
  const problem = async (response: Response, status: number, code: string) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = await response.json();
    expect(body).toEqual({
      type: `https://ns.adobe.com/aep/errors/EXEG-${code}-${status}`,
      status,
      title: expect.any(String),
      detail: expect.any(String),
      report: { requestId: expect.any(String) },
    });
    return body;
  };

  it("malformed JSON → 400 EXEG-0101, with the caller's requestId in the report", async () => {
    const body = await problem(
      await interact(`dataStreamId=${DATASTREAM}&requestId=broken`, '{"event": {'),
      400,
      '0101',
    );
    expect(body.report.requestId).toMatch(/^broken-[0-9a-f]{16}$/);
    expect(logs.some((line) => line.startsWith('refused 400') && line.includes('requestId=broken'))).toBe(
      true,
    );
  });
  it('missing datastreamId → 400 EXEG-0002; an empty body → 408 EXEG-0109', async () => {
    await problem(await interact('requestId=x', seedEvent()), 400, '0002');
    await problem(await interact(`datastreamId=${DATASTREAM}`, ''), 408, '0109');
  });
  it('unknown dataStreamId → 400 EXEG-0003', async () => {
    const body = await problem(
      await interact('dataStreamId=00000000-0000-4000-8000-000000000000', seedEvent()),
      400,
      '0003',
    );
    expect(body.detail).toContain('00000000-0000-4000-8000-000000000000');
  });
  it('missing event → 400 EXEG-0103; event without xdm → 400 EXEG-0102', async () => {
    await problem(await interact(`dataStreamId=${DATASTREAM}`, { events: [] }), 400, '0103');
    await problem(await interact(`dataStreamId=${DATASTREAM}`, { event: { data: {} } }), 400, '0102');
  });
  it('a body over 64 KB → 413 EXEG-0112, one just under is taken', async () => {
    const big = seedEvent();
    (big.event.data as Record<string, unknown>).filler = 'x'.repeat(64 * 1024);
    await problem(
      await interact(`dataStreamId=${DATASTREAM}`, big, {
        'content-type': 'text/plain',
        origin: 'http://localhost:8080',
      }),
      413,
      '0112',
    );
    (big.event.data as Record<string, unknown>).filler = 'x'.repeat(60 * 1024);
    expect((await interact(`dataStreamId=${DATASTREAM}`, big)).status).toBe(200);
  });
  it('a wrong content type → 415 EXEG-0111', async () => {
    await problem(
      await interact(`dataStreamId=${DATASTREAM}`, 'a=1', {
        'content-type': 'application/x-www-form-urlencoded',
      }),
      415,
      '0111',
    );
  });
  it('an unknown Edge path → 404 (no EXEG code is documented for it), naming the v1 and v2 paths', async () => {
    const response = await fetch(`${emulator.origin}/ee/v9/interact`, { method: 'POST' });
    expect(response.status).toBe(404);
    const body = await response.json();
    expect(body).toMatchObject({
      type: 'about:blank',
      status: 404,
      report: { requestId: expect.any(String) },
    });
    for (const path of [
      '/ee/v2/interact',
      '/ee/v1/interact',
      '/ee/v1/identity/acquire',
      '/ee/v1/privacy/set-consent',
    ])
      expect(body.detail).toContain(path);
  });
  it('keeps serving after every refusal, and lists refusals for the inspector', async () => {
    expect((await interact(`dataStreamId=${DATASTREAM}`, seedEvent())).status).toBe(200);
    const { rejections } = await (await fetch(`${emulator.origin}/api/rejections`)).json();
    expect(Array.isArray(rejections)).toBe(true);
  });
});

describe('CORS', () => {
  it('answers an Edge preflight from any page origin with credentials (as the Edge Network does), a management one from loopback only', async () => {
    const preflight = (origin: string) =>
      fetch(`${emulator.origin}/ee/v2/interact`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    for (const origin of ['http://127.0.0.1:5173', 'http://localhost:3000', 'http://[::1]:8080']) {
      const response = await preflight(origin);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
      expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    }
    expect((await preflight('https://shop.example')).headers.get('access-control-allow-origin')).toBe(
      'https://shop.example',
    );
    const management = await fetch(`${emulator.origin}/api/events`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'DELETE' },
    });
    expect(management.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('echoes the origin on simple requests and on refusals, and exposes retry-after', async () => {
    const ok = await interact(`dataStreamId=${DATASTREAM}`, seedEvent(), {
      'content-type': 'text/plain',
      origin: 'http://localhost:3000',
    });
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(ok.headers.get('access-control-expose-headers')).toContain('retry-after');
    expect(ok.headers.get('access-control-expose-headers')).toContain('x-adobe-edge');
    const refused = await interact('', seedEvent(), {
      'content-type': 'text/plain',
      origin: 'http://localhost:3000',
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
  });
});
