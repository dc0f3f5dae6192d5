import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiePrefixOf } from '../../../src/emulator/edge/resolveVisitor';
import { DEMO_ORG_ID, startEmulator, type RunningEmulator } from '../../../src/emulator/startEmulator';
import { pageViewBody } from '../../support/pageViewBody';

// Issue 23: every input that once answered 500 (bad percent-encoding in a cookie or meta.state,
// a repeated query parameter, …) answers 4xx. This walks the emulator's routes with malformed JSON,
// values of the wrong type at every field the routes read, bad and repeated query parameters, and
// odd or huge headers, and asserts that no answer is a 5xx (a full disk's 503 is tested on its own,
// in diskFull.test.ts; no fault is ever armed here).

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ seedDemo: true });
});
afterAll(() => emulator.close());

// The demo datastream's org names the identity cookie and state entry the routes decode.
const IDENTITY_KEY = `${cookiePrefixOf(DEMO_ORG_ID)}_identity`;
const ascii = fc.string({
  unit: fc.constantFrom(...'aZ09%-_.~:/?#[]@!$&\'()*+,;= "<>{}|\\^`'),
  maxLength: 40,
});
const oddText = fc.oneof(
  ascii,
  fc.constantFrom(
    '%',
    '%E0%A4%A',
    '%ZZ',
    '%00',
    '%FF%FE',
    '%C0%AF',
    'ada%40example%2Ecom',
    '__proto__',
    'constructor',
  ),
);
const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  oddText.map((text) => text as unknown),
);

/** A valid body of each route's kind, and the fields the routes read (dotted paths, `0` an index). */
function templates(flowId: string) {
  const event = () => pageViewBody().event;
  const state = { state: { entries: [{ key: IDENTITY_KEY, value: 'x' }], cookiesEnabled: true } };
  return {
    edge: () => ({ event: event(), query: { identity: { fetch: ['ECID'] } }, meta: state }),
    edgeV1: () => ({ events: [event()], meta: state }),
    consent: () => ({
      consent: [{ standard: 'Adobe', version: '2.0', value: { collect: { val: 'y' } } }],
      identityMap: { ECID: [{ id: '1'.repeat(38) }] },
      meta: state,
    }),
    inlet: () => ({ header: { flowId }, body: { xdmEntity: event().xdm } }),
    batch: () => ({ messages: [{ header: { flowId }, body: { xdmEntity: event().xdm } }] }),
    json: () => ({}),
  };
}
const FIELDS = [
  'event',
  'event.xdm',
  'event.xdm._id',
  'event.xdm.timestamp',
  'event.xdm.eventType',
  'event.xdm.identityMap',
  'event.xdm.identityMap.ECID',
  'event.xdm.identityMap.ECID.0',
  'event.xdm.identityMap.ECID.0.id',
  'event.xdm.consentStrings',
  'event.xdm.productListItems',
  'event.data',
  'event.query',
  'events',
  'events.0',
  'events.0.xdm',
  'query',
  'query.identity',
  'query.identity.fetch',
  'meta',
  'meta.state',
  'meta.state.entries',
  'meta.state.entries.0',
  'meta.state.entries.0.key',
  'meta.state.entries.0.value',
  'meta.state.cookiesEnabled',
  'consent',
  'consent.0',
  'consent.0.standard',
  'consent.0.version',
  'consent.0.value',
  'consent.0.value.collect',
  'identityMap',
  'identityMap.ECID',
  'header',
  'header.flowId',
  'body',
  'body.xdmEntity',
  'messages',
  'messages.0',
  'messages.0.body',
  'id',
  'orgId',
  'fault',
  'endpoint',
  'times',
  'mappings',
  'name',
  'connectionSpec',
  'params',
];

/** Sets `path` of `body` to `value`, making the objects on the way. */
function setPath(body: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const keys = path.split('.');
  let node = body as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
  return body;
}

type Kind = keyof ReturnType<typeof templates>;
interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  kind?: Kind;
  params: string[];
}

function routes(): Route[] {
  const { datastreamId, xdmInlet, rawInlet } = emulator.demo!;
  const ds = `datastreamId=${datastreamId}`;
  const config = `configId=${datastreamId}`;
  return [
    {
      method: 'POST',
      path: `/ee/v2/interact?${ds}`,
      kind: 'edge',
      params: ['datastreamId', 'dataStreamId', 'requestId'],
    },
    {
      method: 'POST',
      path: `/ee/local/v2/collect?${ds}`,
      kind: 'edge',
      params: ['datastreamId', 'silent', 'requestId'],
    },
    { method: 'POST', path: `/ee/v1/interact?${config}`, kind: 'edgeV1', params: ['configId', 'requestId'] },
    { method: 'POST', path: `/ee/v1/collect?${config}`, kind: 'edgeV1', params: ['configId', 'requestId'] },
    { method: 'POST', path: `/ee/v1/identity/acquire?${config}`, kind: 'edgeV1', params: ['configId'] },
    {
      method: 'POST',
      path: `/ee/v1/privacy/set-consent?${config}`,
      kind: 'consent',
      params: ['configId', 'requestId'],
    },
    {
      method: 'POST',
      path: `/collection/${xdmInlet.inletId}?x-adobe-flow-id=${xdmInlet.flowId}`,
      kind: 'inlet',
      params: ['syncValidation', 'x-adobe-flow-id'],
    },
    { method: 'POST', path: `/collection/${rawInlet.inletId}`, kind: 'json', params: ['x-adobe-flow-id'] },
    {
      method: 'POST',
      path: `/collection/batch/${xdmInlet.inletId}`,
      kind: 'batch',
      params: ['x-adobe-flow-id'],
    },
    {
      method: 'GET',
      path: '/api/events',
      params: ['requestId', 'since', 'source', 'problems', 'text', 'limit', 'cursor', 'order'],
    },
    { method: 'GET', path: '/api/events/1', params: [] },
    { method: 'GET', path: '/api/consent', params: ['limit', 'cursor', 'order'] },
    { method: 'GET', path: '/api/rejections', params: [] },
    { method: 'GET', path: '/api/status', params: [] },
    { method: 'POST', path: '/api/faults', kind: 'json', params: [] },
    { method: 'POST', path: '/api/datastreams', kind: 'json', params: [] },
    { method: 'POST', path: '/data/foundation/flowservice/connections', kind: 'json', params: [] },
    { method: 'POST', path: '/data/foundation/flowservice/flows', kind: 'json', params: [] },
    { method: 'POST', path: '/data/foundation/mappingSets', kind: 'json', params: [] },
    { method: 'GET', path: '/data/foundation/flowservice/connections/x', params: [] },
    { method: 'GET', path: '/demo/', params: [] },
  ];
}

const body = (kind: Kind, flowId: string) =>
  fc.oneof(
    {
      weight: 1,
      arbitrary: fc.constantFrom('', '{', '{"event":', 'null', '[]', '"x"', '1', '{"a":1}{', '\u0000'),
    },
    { weight: 1, arbitrary: fc.json({ maxDepth: 3 }) },
    {
      weight: 4,
      arbitrary: fc
        .array(fc.tuple(fc.constantFrom(...FIELDS), anyJson), { minLength: 1, maxLength: 3 })
        .map((changes) =>
          JSON.stringify(
            changes.reduce<Record<string, unknown>>(
              (value, [path, item]) => setPath(value, path, item),
              templates(flowId)[kind](),
            ),
          ),
        ),
    },
  );

/** Extra query parameters: odd values, and half the time each given twice (`?text=a&text=b`). */
const query = (params: string[]) =>
  fc
    .tuple(
      fc.array(fc.tuple(fc.constantFrom(...params, 'requestId', 'limit', 'x'), oddText), { maxLength: 3 }),
      fc.boolean(),
    )
    .map(([pairs, twice]) =>
      (twice ? [...pairs, ...pairs.map(([name]) => [name, 'b'] as const)] : pairs)
        .map(([name, value]) => `&${name}=${value.replace(/[#\s]/g, '')}`)
        .join(''),
    );

const headers = fc
  .tuple(
    fc.record(
      {
        'content-type': fc.constantFrom(
          'application/json',
          'text/plain;charset=UTF-8',
          'text/html',
          'application/x+json',
          'application/json; charset=utf-16',
          '',
        ),
        cookie: fc.oneof(
          oddText.map((value) => `${IDENTITY_KEY}=${value}`),
          oddText,
        ),
        'x-request-id': oddText,
        'x-adobe-flow-id': oddText,
        authorization: fc.constantFrom('Bearer', 'Bearer x', '', 'Basic %%%'),
      },
      { requiredKeys: [] },
    ),
    // Now and then a header past Node's 16 KB limit (431) or one just under it.
    fc.oneof(
      { weight: 12, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.constantFrom('a'.repeat(12_000), 'b'.repeat(70_000)) },
    ),
  )
  .map(([sent, big]) => (big ? { ...sent, 'x-big': big } : sent));

describe('issue 23: no input answers 5xx', () => {
  it('answers every fuzzed request to every route with a status below 500', async () => {
    const { flowId } = emulator.demo!.xdmInlet;
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    const request = fc
      .constantFrom(...routes())
      .chain((route) =>
        fc.tuple(fc.constant(route), body(route.kind ?? 'json', flowId), query(route.params), headers),
      );
    await fc.assert(
      fc.asyncProperty(request, async ([route, text, extra, sent]) => {
        const url = `${emulator.origin}${route.path}${route.path.includes('?') ? '' : '?'}${extra}`;
        const response = await fetch(url, {
          method: route.method,
          headers: Object.fromEntries(
            Object.entries(sent).filter(([name]) => name !== 'content-type' || sent[name]),
          ),
          ...(route.method === 'POST' && { body: text }),
        });
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (route.path === '/api/faults') await fetch(`${emulator.origin}/api/faults`, { method: 'DELETE' });
        if (response.status >= 500)
          failures.push(`${response.status} ${route.method} ${url} ${text.slice(0, 200)}`);
        return response.status < 500;
      }),
      { numRuns: 600, seed: 23, endOnFailure: true },
    );
    expect(failures).toEqual([]);
    // Both kinds of answer were reached: refusals and acceptances.
    expect([...statuses.keys()].some((status) => status < 300)).toBe(true);
    expect([...statuses.keys()].some((status) => status >= 400)).toBe(true);
  });
});
