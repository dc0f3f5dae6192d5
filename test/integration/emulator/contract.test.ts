import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDGE_ERRORS } from '../../../src/emulator/edge/edgeProblem';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/startEmulator';
import { readSpec, specViolations } from '../../support/edgeNetworkSpec';

const DATASTREAM = '4c1f2e3d-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const ORG = 'SPEC00000000000000000000@AdobeOrg';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read deep into answers
type Loose = Record<string, any>;

/** Adobe's table of EXEG codes (test/fixtures/edge-network-api/troubleshooting-error-codes.md): code-status → message. */
const ADOBE_TABLE = new Map(
  [
    ...readFileSync(
      new URL('../../fixtures/edge-network-api/troubleshooting-error-codes.md', import.meta.url),
      'utf8',
    ).matchAll(/^\| `(\d{4}-\d{3})` \| ([^|]+) \|/gm),
  ].map(([, code, message]) => [code!, message!.trim()]),
);

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ datastreams: [{ id: DATASTREAM, orgId: ORG }] });
});
afterAll(() => emulator.close());

const event = () => ({
  xdm: {
    _id: crypto.randomUUID(),
    eventType: 'web.webpagedetails.pageViews',
    timestamp: new Date().toISOString(),
  },
});
const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(`${emulator.origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: (text ? JSON.parse(text) : undefined) as Loose,
  };
};
/** The status codes the spec documents for an operation. */
const documented = (path: string) => Object.keys(readSpec().paths[path].post.responses).map(Number);

describe('every emulator answer validates against the vendored Edge Network spec', () => {
  const cases: Array<[string, string, string, unknown, string, number]> = [
    [
      'interact v2',
      '/v2/interact',
      `/ee/v2/interact?datastreamId=${DATASTREAM}`,
      { event: event() },
      'SingleEventRequest',
      200,
    ],
    [
      'interact v2 after a location hint',
      '/v2/interact',
      `/ee/local/v2/interact?datastreamId=${DATASTREAM}`,
      { event: event() },
      'SingleEventRequest',
      200,
    ],
    [
      'interact v1',
      '/v1/interact',
      `/ee/v1/interact?configId=${DATASTREAM}`,
      { events: [event(), event()] },
      'BatchV1Request',
      200,
    ],
    [
      'collect v2',
      '/v2/collect',
      `/ee/v2/collect?datastreamId=${DATASTREAM}`,
      { events: [event()] },
      'BatchV2Request',
      202,
    ],
    [
      'collect v2 silent',
      '/v2/collect',
      `/ee/v2/collect?datastreamId=${DATASTREAM}&silent=true`,
      { events: [event()] },
      'BatchV2Request',
      204,
    ],
    [
      'collect v1',
      '/v1/collect',
      `/ee/v1/collect?configId=${DATASTREAM}`,
      { events: [event()] },
      'BatchV1Request',
      204,
    ],
    [
      'set-consent',
      '/v1/privacy/set-consent',
      `/ee/v1/privacy/set-consent?configId=${DATASTREAM}`,
      {
        consent: [{ standard: 'Adobe', version: '2.0', value: { collect: { val: 'y' } } }],
        identityMap: { ECID: [{ id: '12345678901234567890123456789012345678' }] },
      },
      'ConsentReplaceRequest',
      200,
    ],
    [
      'identity/acquire',
      '/v1/identity/acquire',
      `/ee/v1/identity/acquire?configId=${DATASTREAM}`,
      { query: { identity: { fetch: ['ECID'] } } },
      'IdentityAcquireRequest',
      200,
    ],
  ];
  it.each(cases)('%s', async (_name, specPath, path, body, requestSchema, status) => {
    // The request is the spec's, so that what is checked is the answer.
    expect(specViolations(requestSchema, body)).toEqual([]);
    const answer = await post(`${path}&requestId=${crypto.randomUUID()}`, body);
    expect(answer.status).toBe(status);
    expect(documented(specPath)).toContain(status);
    if (status === 204) return expect(answer.json).toBeUndefined();
    const schema = status === 202 ? 'CollectV2Response' : 'InteractResponse';
    expect(specViolations(schema, answer.json)).toEqual([]);
    expect(answer.json.requestId).toMatch(/-[0-9a-f]{16}$/);
    expect(answer.headers.get('x-adobe-edge')).toBeTruthy();
  });

  it('identity/acquire answers as alloy recorded the real Edge: identity:result, the location hint, an identity cookie alloy can decode', async () => {
    const recorded = JSON.parse(
      readFileSync(new URL('../../fixtures/alloy/identityAcquireResponse.json', import.meta.url), 'utf8'),
    ) as Loose;
    const answer = await post(`/ee/v1/identity/acquire?configId=${DATASTREAM}`, {
      query: { identity: { fetch: ['ECID'] } },
    });
    const types = (json: Loose) => (json.handle as Loose[]).map((handle) => handle.type).sort();
    expect(types(answer.json)).toEqual(types(recorded));
    const ecid = answer.json.handle.find((h: Loose) => h.type === 'identity:result').payload[0].id;
    const identity = answer.json.handle.find((h: Loose) => h.type === 'state:store').payload[0];
    const recordedIdentity = recorded.handle.find((h: Loose) => h.type === 'state:store').payload[0];
    expect(Object.keys(identity).sort()).toEqual(Object.keys(recordedIdentity).sort());
    // alloy's decoding: base64 with - and _, a protobuf whose field 1 is the ECID.
    const bytes = Buffer.from(identity.value.replace(/_/g, '/').replace(/-/g, '+'), 'base64');
    expect([bytes[0], bytes[1]]).toEqual([0x0a, 38]);
    expect(bytes.subarray(2, 40).toString()).toBe(ecid);
    // The recorded cookie decodes the same way to the recorded ECID.
    const recordedBytes = Buffer.from(recordedIdentity.value, 'base64');
    expect(recordedBytes.subarray(2, 40).toString()).toBe(recorded.handle[0].payload[0].id);
  });
});

describe("the emulator's EXEG table is Adobe's", () => {
  it.each(Object.entries(EDGE_ERRORS))("%s is in Adobe's table with its status", (_name, error) => {
    const key = `${error.code}-${error.status}`;
    expect(ADOBE_TABLE.has(key), key).toBe(true);
    // 0104-422's title is the one of Adobe's own example answer ("Unprocessable entity").
    if (key !== '0104-422') expect(error.title).toBe(ADOBE_TABLE.get(key));
  });

  const problem = (answer: Loose, code: string) => {
    expect(`${answer.status}`).toBe(code.slice(5));
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.json).toMatchObject({
      type: `https://ns.adobe.com/aep/errors/EXEG-${code}`,
      status: Number(code.slice(5)),
      title: expect.any(String),
      report: { requestId: expect.any(String) },
    });
  };
  const interact = (query: string, body: unknown, headers?: Record<string, string>) =>
    post(`/ee/v2/interact?${query}`, body, headers);

  it('every documented refusal the emulator can meet answers its documented code', async () => {
    problem(await interact('', { event: event() }), '0002-400');
    problem(
      await interact('datastreamId=00000000-0000-4000-8000-000000000000', { event: event() }),
      '0003-400',
    );
    problem(await interact(`datastreamId=${DATASTREAM}`, '{"event": '), '0101-400');
    problem(await interact(`datastreamId=${DATASTREAM}`, { event: { xdm: 'x' } }), '0102-400');
    problem(await interact(`datastreamId=${DATASTREAM}`, { meta: {} }), '0103-400');
    problem(await interact(`datastreamId=${DATASTREAM}`, ''), '0109-408');
    problem(
      await interact(`datastreamId=${DATASTREAM}`, 'a=1', {
        'content-type': 'application/x-www-form-urlencoded',
      }),
      '0111-415',
    );
    problem(
      await interact(`datastreamId=${DATASTREAM}`, { event: event(), pad: 'x'.repeat(70_000) }),
      '0112-413',
    );
    const consent = await post(`/ee/v1/privacy/set-consent?configId=${DATASTREAM}`, {
      consent: [
        { standard: 'Adobe', version: '9.9', value: {} },
        { standard: 'IAB TCF', version: '2.0', value: '' },
      ],
    });
    problem(consent, '0104-422');
    expect(consent.json.report.errors).toHaveLength(2);
  });
});
