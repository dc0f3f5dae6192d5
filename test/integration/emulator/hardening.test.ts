import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/startEmulator';
import { openSocket, rawRequest } from '../../support/rawHttp';
import { pageViewBody } from '../../support/pageViewBody';

// Each hole an outside probe found in the emulator (issue 14, B), closed.
let emulator: RunningEmulator;
let distDir: string;
const logs: string[] = [];
const DATASTREAM = () => emulator.demo!.datastreamId;
const PROBLEM = /^application\/problem\+json/;
const HOSTILE = 'https://evil.example';

const interact = (query: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${emulator.origin}/ee/v2/interact?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read deep into payloads */
type Loose = Record<string, any>;
const events = async (query = ''): Promise<Loose> =>
  (await fetch(`${emulator.origin}/api/events${query}`)).json();
const rejections = async (): Promise<Loose[]> =>
  (await (await fetch(`${emulator.origin}/api/rejections`)).json()).rejections;
const expectProblem = async (response: Response, status: number) => {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('content-type')).toMatch(PROBLEM);
  return JSON.parse(text) as Loose;
};
const inletPost = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${emulator.origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const nested = (levels: number) => `${'['.repeat(levels)}1${']'.repeat(levels)}`;

beforeAll(async () => {
  distDir = mkdtempSync(join(tmpdir(), 'emulator-dist-'));
  for (const file of [
    'edge-collector.min.js',
    'edge-collector.streaming.min.js',
    'edge-collector.vitals.min.js',
  ])
    writeFileSync(join(distDir, file), `/* ${file} */`);
  emulator = await startEmulator({ port: 0, seedDemo: true, distDir, log: (line) => logs.push(line) });
});
afterAll(async () => {
  await emulator?.close();
  rmSync(distDir, { recursive: true, force: true });
});
beforeEach(() => {
  logs.length = 0;
});

describe('B1: prototype pollution through mapping sets', () => {
  it('refuses __proto__, constructor and prototype path segments with a 400 problem, and nothing is polluted', async () => {
    for (const mapping of [
      { sourceAttribute: '__proto__', destinationXdmPath: 'a' },
      { sourceAttribute: 'constructor.prototype', destinationXdmPath: 'a' },
      { sourceAttribute: 'x', destinationXdmPath: 'a.__proto__.authenticationRequired' },
    ]) {
      const problem = await expectProblem(
        await inletPost('/data/foundation/mappingSets', {
          mappings: [mapping, { sourceAttribute: 'flag', destinationXdmPath: 'a.authenticationRequired' }],
        }),
        400,
      );
      expect(problem.detail).toMatch(/prototype/);
    }
    const raw = emulator.demo!.rawInlet;
    await inletPost(
      `/collection/${raw.inletId}`,
      { flag: true, __proto__: { authenticationRequired: true } },
      {
        'x-adobe-flow-id': raw.flowId,
      },
    );
    expect(({} as Loose).authenticationRequired).toBeUndefined();
    const created = await (
      await inletPost('/data/foundation/flowservice/connections', {
        name: 'after the probe',
        connectionSpec: { id: 'bc7b00d6-623a-4dfc-9fdb-f1240aeadaeb', version: '1.0' },
        auth: { specName: 'Streaming Connection', params: { dataType: 'raw' } },
      })
    ).json();
    const { items } = await (
      await fetch(`${emulator.origin}/data/foundation/flowservice/connections/${created.id}`)
    ).json();
    expect(items[0].auth.params.authenticationRequired).toBe(false);
  });
});

describe('B2: DNS rebinding', () => {
  it('serves only loopback Host names on its own port (421 problem otherwise), and lists the refusal', async () => {
    for (const host of ['evil.example', `evil.example:${emulator.port}`, `127.0.0.1:${emulator.port + 1}`]) {
      const answer = await rawRequest(emulator.port, { path: '/api/events', headers: { host } });
      expect(answer.status, host).toBe(421);
      expect(answer.headers['content-type']).toMatch(PROBLEM);
      expect(answer.body).not.toContain('"events"');
    }
    for (const host of [`localhost:${emulator.port}`, `[::1]:${emulator.port}`, `127.0.0.1:${emulator.port}`])
      expect((await rawRequest(emulator.port, { path: '/api/status', headers: { host } })).status, host).toBe(
        200,
      );
    expect(await rejections()).toContainEqual(expect.objectContaining({ status: 421, path: '/api/events' }));
  });
});

describe('B3: cross-site writes', () => {
  it('refuses management writes from a foreign origin or a cross-site fetch, with a 403 problem', async () => {
    await interact(`dataStreamId=${DATASTREAM()}`, pageViewBody());
    const before = (await events()).count;
    const attempts: Array<[string, string, Record<string, string>]> = [
      ['DELETE', '/api/events', { origin: HOSTILE }],
      ['DELETE', '/api/events', { 'sec-fetch-site': 'cross-site' }],
      ['POST', '/api/datastreams', { origin: HOSTILE, 'content-type': 'text/plain' }],
      ['POST', '/data/foundation/flowservice/connections', { origin: 'null', 'content-type': 'text/plain' }],
      [
        'POST',
        '/data/foundation/mappingSets',
        { 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' },
      ],
    ];
    for (const [method, path, headers] of attempts) {
      const body = method === 'POST' ? JSON.stringify({ id: crypto.randomUUID(), mappings: [] }) : undefined;
      const response = await fetch(`${emulator.origin}${path}`, { method, headers, body });
      await expectProblem(response, 403);
    }
    expect((await events()).count).toBe(before);
    expect((await rejections()).filter((item) => item.status === 403)).toHaveLength(attempts.length);
  });

  it('keeps the Edge Network and inlet endpoints open to every origin, and management open to loopback pages', async () => {
    const response = await interact(`dataStreamId=${DATASTREAM()}`, pageViewBody(), {
      origin: 'https://shop.example',
      'sec-fetch-site': 'cross-site',
    });
    expect(response.status).toBe(200);
    const xdm = emulator.demo!.xdmInlet;
    const streamed = await inletPost(
      `/collection/${xdm.inletId}`,
      { header: { flowId: xdm.flowId }, body: { xdmEntity: { _id: crypto.randomUUID(), name: 'x' } } },
      { origin: 'https://shop.example', 'sec-fetch-site': 'cross-site' },
    );
    expect(streamed.status).toBe(200);
    const own = await fetch(`${emulator.origin}/api/events`, {
      method: 'DELETE',
      headers: { origin: emulator.origin, 'sec-fetch-site': 'same-origin' },
    });
    expect(own.status).toBe(200);
  });
});

describe('B4: requestId, and problem bodies for every refusal', () => {
  it.each([
    ['CR/LF', 'abc%0D%0ASet-Cookie:%20x=1'],
    ['a control character', 'abc%07def'],
    ['a space', 'abc%20def'],
    ['300 characters', 'r'.repeat(300)],
  ])('refuses a requestId with %s before storing anything (400 problem)', async (_what, requestId) => {
    const id = crypto.randomUUID();
    const problem = await expectProblem(
      await interact(`dataStreamId=${DATASTREAM()}&requestId=${requestId}`, pageViewBody(id)),
      400,
    );
    expect(problem.type).toBe('https://ns.adobe.com/aep/errors/EXEG-0102-400');
    expect(problem.detail).toMatch(/^requestId must be/);
    expect(problem.report.requestId).toMatch(/^[0-9a-f-]{36}-[0-9a-f]{16}$/);
    expect(
      (await events(`?eventType=web.webpagedetails.pageViews`)).events.map((e: Loose) => e.eventId),
    ).not.toContain(id);
    expect(logs.join('\n')).not.toContain('internal error');
  });

  it('answers a URL fastify cannot decode, an unknown path, a wrong content type and a malformed request with problems, and lists them', async () => {
    await expectProblem(await fetch(`${emulator.origin}/api/events/%E0%A4%A`), 400);
    await expectProblem(await fetch(`${emulator.origin}/nothing-here`), 404);
    await expectProblem(await fetch(`${emulator.origin}/api/nothing`), 404);
    const edge404 = await expectProblem(
      await fetch(`${emulator.origin}/ee/v3/interact`, { method: 'POST' }),
      404,
    );
    expect(edge404.detail).toContain('/ee/v2/interact');
    await expectProblem(
      await interact(`dataStreamId=${DATASTREAM()}`, 'x', { 'content-type': 'application/xml' }),
      415,
    );
    const { closed } = openSocket(emulator.port, 'NOT HTTP AT ALL\r\n\r\n');
    const answer = await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toMatch(/content-type: application\/problem\+json/i);
    const listed = (await rejections()).map((item) => item.status);
    expect(listed).toEqual(expect.arrayContaining([400, 404, 415]));
  });
});

describe('B5: deep nesting', () => {
  it('gives a 400 problem with the depth limit on the Edge and on an inlet, not a 500', async () => {
    const edge = await expectProblem(
      await interact(`dataStreamId=${DATASTREAM()}`, `{"event":{"xdm":{"deep":${nested(20_000)}}}}`),
      400,
    );
    expect(edge.detail).toMatch(/nests deeper than 64 levels/);
    const xdm = emulator.demo!.xdmInlet;
    const inlet = await expectProblem(await inletPost(`/collection/${xdm.inletId}`, nested(400_000)), 400);
    expect(inlet.report.message).toMatch(/nests deeper than 64 levels/);
  });

  it('fails only the deep record of a batch', async () => {
    const xdm = emulator.demo!.xdmInlet;
    const good = {
      header: { flowId: xdm.flowId },
      body: { xdmEntity: { _id: crypto.randomUUID(), name: 'ok' } },
    };
    const deep = `{"header":{"flowId":"${xdm.flowId}"},"body":{"xdmEntity":{"deep":${nested(400_000)}}}}`;
    const response = await inletPost(
      `/collection/batch/${xdm.inletId}`,
      `{"messages":[${JSON.stringify(good)},${deep}]}`,
    );
    expect(response.status).toBe(207);
    const { responses } = await response.json();
    expect(responses.map((item: Loose) => item.statusCode)).toEqual([200, 400]);
    expect(responses[1].message).toMatch(/nest at most 64 levels/);
    expect((await events(`?requestId=${encodeURIComponent('')}`)).count).toBeGreaterThanOrEqual(0);
    expect((await fetch(`${emulator.origin}/api/events/${good.body.xdmEntity._id}`)).status).toBe(200);
  });
});

describe('B6: bearer tokens', () => {
  it.each(['Bearer\tsecret-token-1', 'secret-token-1', 'Bearer  secret-token-1', 'Weird\tsecret-token-1'])(
    'never stores or shows any part of Authorization %j',
    async (authorization) => {
      const id = crypto.randomUUID();
      await interact(`dataStreamId=${DATASTREAM()}`, pageViewBody(id), { authorization });
      const stored = await (await fetch(`${emulator.origin}/api/events/${id}`)).json();
      expect(stored.headers.authorization).toMatch(/\[redacted\]$/);
      expect(JSON.stringify(await events())).not.toContain('secret-token-1');
    },
  );
});

describe('B9: GET /api/events pages', () => {
  it('returns a page newest first with the total and a cursor to the next one', async () => {
    await fetch(`${emulator.origin}/api/events`, { method: 'DELETE' });
    const ids = Array.from({ length: 5 }, () => crypto.randomUUID());
    for (const id of ids) await interact(`dataStreamId=${DATASTREAM()}`, pageViewBody(id));
    const first = await events('?limit=2&order=desc');
    expect([first.count, first.total, first.events.map((e: Loose) => e.eventId)]).toEqual([
      2,
      5,
      [ids[4], ids[3]],
    ]);
    const second = await events(`?limit=2&order=desc&cursor=${first.nextCursor}`);
    expect(second.events.map((e: Loose) => e.eventId)).toEqual([ids[2], ids[1]]);
    const third = await events(`?limit=2&order=desc&cursor=${second.nextCursor}`);
    expect([third.events.map((e: Loose) => e.eventId), third.nextCursor]).toEqual([[ids[0]], undefined]);
    await expectProblem(await fetch(`${emulator.origin}/api/events?limit=0`), 400);
    await expectProblem(await fetch(`${emulator.origin}/api/events?limit=5000`), 400);
  });
});

describe('B12: batch limits in bytes', () => {
  it('refuses a 1.4 MB UTF-8 record alone, and a batch over 1 MB as a whole (413, as Adobe does)', async () => {
    const xdm = emulator.demo!.xdmInlet;
    const record = {
      header: { flowId: xdm.flowId },
      body: { xdmEntity: { _id: crypto.randomUUID(), name: 'é'.repeat(700_000) } },
    };
    expect(JSON.stringify(record).length).toBeLessThan(1024 * 1024);
    await expectProblem(await inletPost(`/collection/${xdm.inletId}`, record), 413);
    await expectProblem(await inletPost(`/collection/batch/${xdm.inletId}`, { messages: [record] }), 413);
    expect((await fetch(`${emulator.origin}/api/events/${record.body.xdmEntity._id}`)).status).toBe(404);
  });
});

describe('B13: the add-ons the standalone script loads', () => {
  it.each(['edge-collector.min.js', 'edge-collector.streaming.min.js', 'edge-collector.vitals.min.js'])(
    'serves /dist/%s',
    async (file) => {
      const response = await fetch(`${emulator.origin}/dist/${file}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect(await response.text()).toBe(`/* ${file} */`);
    },
  );
});

describe('B14: datastream ids in --dev', () => {
  it('keeps datastream ids UUID-shaped in development mode', async () => {
    const dev = await startEmulator({ port: 0, devMode: true });
    try {
      const post = (id: string) =>
        fetch(`${dev.origin}/ee/v2/interact?dataStreamId=${encodeURIComponent(id)}`, {
          method: 'POST',
          body: JSON.stringify(pageViewBody()),
        });
      for (const id of ['x'.repeat(8192), 'abc\u0000def', 'not-a-uuid', '../../etc']) {
        const response = await post(id);
        expect(response.status).toBe(400);
        expect(response.headers.get('content-type')).toMatch(PROBLEM);
      }
      expect((await post('11111111-2222-4333-8444-555555555555')).status).toBe(200);
      expect((await post('11111111-2222-4333-8444-666666666666:dev')).status).toBe(200);
      const { items } = await (await fetch(`${dev.origin}/api/datastreams`)).json();
      expect(items.map((item: Loose) => item.id).sort()).toEqual([
        '11111111-2222-4333-8444-555555555555',
        '11111111-2222-4333-8444-666666666666',
      ]);
    } finally {
      await dev.close();
    }
  });
});
