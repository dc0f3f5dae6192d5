import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/startEmulator';

let emulator: RunningEmulator;
let platform: string;
// The headers of the seed 004 calls: only the host differs from platform.adobe.io.
const HEADERS = {
  authorization: 'Bearer token',
  'content-type': 'application/json',
  'x-gw-ims-org-id': 'ACME@AdobeOrg',
  'x-api-key': 'key',
  'x-sandbox-name': 'prod',
};
const post = async (path: string, body: unknown, headers: Record<string, string> = HEADERS) =>
  fetch(`${platform}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
const json = async (response: Response, status: number) => {
  expect(response.status, await response.clone().text()).toBe(status);
  return response.json();
};
const SPEC = { id: 'bc7b00d6-623a-4dfc-9fdb-f1240aeadaeb', version: '1.0' };
const SCHEMA = 'https://ns.adobe.com/acme/schemas/7f682c29f887512a897791e7161b90a1ae7ed3dd07a177b1';

async function createInlet(dataType: 'xdm' | 'raw', authenticationRequired?: boolean) {
  const params: Record<string, unknown> = { dataType };
  if (authenticationRequired !== undefined)
    Object.assign(params, {
      sourceId: 'Sample connection',
      name: 'Sample connection',
      authenticationRequired,
    });
  const created = await json(
    await post('/flowservice/connections', {
      name: `ACME ${dataType}`,
      description: 'ACME streaming connection',
      connectionSpec: SPEC,
      auth: { specName: 'Streaming Connection', params },
    }),
    201,
  );
  expect(created).toEqual({ id: expect.any(String), etag: expect.stringMatching(/^".+"$/) });
  const { items } = await json(
    await fetch(`${platform}/flowservice/connections/${created.id}`, { headers: HEADERS }),
    200,
  );
  return {
    id: created.id as string,
    ...(items[0].auth.params as {
      inletId: string;
      inletUrl: string;
      dataType: string;
      authenticationRequired: boolean;
    }),
  };
}

async function createFlow(baseConnectionId: string, mappingId?: string) {
  const source = await json(
    await post('/flowservice/sourceConnections', {
      name: 'ACME source',
      baseConnectionId,
      connectionSpec: SPEC,
    }),
    201,
  );
  const target = await json(
    await post('/flowservice/targetConnections', {
      name: 'ACME target',
      data: { schema: { id: SCHEMA, version: 'application/vnd.adobe.xed-full+json;version=1.0' } },
      params: { dataSetId: '637eb7fadc8a211b6312b65b' },
      connectionSpec: { id: 'c604ff05-7f1a-43c0-8e18-33bf874cb11c', version: '1.0' },
    }),
    201,
  );
  const flow = await json(
    await post('/flowservice/flows', {
      name: 'ACME Streaming Dataflow',
      flowSpec: {
        id: mappingId ? 'c1a19761-d2c7-4702-b9fa-fe91f0613e81' : 'd8a6f005-7eaf-4153-983e-e8574508b877',
        version: '1.0',
      },
      sourceConnectionIds: [source.id],
      targetConnectionIds: [target.id],
      ...(mappingId && { transformations: [{ name: 'Mapping', params: { mappingId, mappingVersion: 0 } }] }),
    }),
    201,
  );
  return flow.id as string;
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  platform = `${emulator.origin}/data/foundation`;
});
afterAll(() => emulator.close());

describe('the seed 004 walk-through, end to end', () => {
  it('connection → inlet URL → source and target connection → mapping → flow → raw record → mapped XDM in /api/events', async () => {
    const inlet = await createInlet('raw');
    expect(inlet).toMatchObject({
      dataType: 'raw',
      authenticationRequired: false,
      inletId: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(inlet.inletUrl).toBe(`${emulator.origin}/collection/${inlet.inletId}`);

    const mapping = await json(
      await post('/mappingSets', {
        version: 0,
        xdmSchema: SCHEMA,
        xdmVersion: '1.0',
        mappings: [
          {
            destinationXdmPath: 'person.name.firstName',
            sourceAttribute: 'firstName',
            identity: false,
            version: 0,
          },
          {
            destinationXdmPath: 'person.name.lastName',
            sourceAttribute: 'lastName',
            identity: false,
            version: 0,
          },
          {
            destinationXdmPath: 'homeAddress.city',
            sourceAttribute: 'location.city',
            identity: false,
            version: 0,
          },
        ],
      }),
      200,
    );
    expect(mapping).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      version: 0,
      createdDate: expect.any(Number),
    });
    const flowId = await createFlow(inlet.id, mapping.id);
    const { items } = await json(await fetch(`${platform}/flowservice/flows/${flowId}`), 200);
    expect(items[0]).toMatchObject({ id: flowId, mappingId: mapping.id });

    const record = {
      firstName: 'Johnson',
      lastName: 'Smith',
      location: { city: 'Seattle', country: 'United State of America' },
      gender: 'Male',
    };
    const answer = await json(
      await fetch(inlet.inletUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-adobe-flow-id': flowId },
        body: JSON.stringify(record),
      }),
      200,
    );
    expect(answer).toEqual({
      inletId: inlet.inletId,
      xactionId: expect.stringMatching(/^\d+:\d+:\d+$/),
      receivedTimeMs: expect.any(Number),
      syncValidation: { skipped: true },
    });

    const { events } = await (await fetch(`${emulator.origin}/api/events`)).json();
    const stored = events.find((event: { xactionId: string }) => event.xactionId === answer.xactionId);
    expect(stored).toMatchObject({ source: 'inlet', inletId: inlet.inletId, flowId, raw: record });
    expect(stored.xdm).toEqual({
      person: { name: { firstName: 'Johnson', lastName: 'Smith' } },
      homeAddress: { city: 'Seattle' },
    });
  });

  it('an XDM inlet takes the envelope through a flow without mapping, and flags the plain work e-mail', async () => {
    const inlet = await createInlet('xdm');
    const flowId = await createFlow(inlet.id);
    const envelope = {
      header: {
        schemaRef: { id: SCHEMA, contentType: 'application/vnd.adobe.xed-full-notext+json; version=1.0' },
        flowId,
        datasetId: '604a18a3bae67d18db6d258c',
      },
      body: {
        xdmMeta: {
          schemaRef: { id: SCHEMA, contentType: 'application/vnd.adobe.xed-full-notext+json; version=1.0' },
        },
        xdmEntity: {
          _id: 'http-source-connector-acme-01',
          person: { name: { firstName: 'suman', lastName: 'nolan' } },
          workEmail: { primary: true, address: 'suman@acme.com', type: 'work', status: 'active' },
        },
      },
    };
    const answer = await json(
      await fetch(inlet.inletUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-adobe-flow-id': flowId },
        body: JSON.stringify(envelope),
      }),
      200,
    );
    const stored = await (await fetch(`${emulator.origin}/api/events/http-source-connector-acme-01`)).json();
    expect(stored).toMatchObject({ xactionId: answer.xactionId, xdm: envelope.body.xdmEntity, flowId });
    expect(stored.validation.plainEmails).toEqual(['body.xdmEntity.workEmail.address']);
    expect(stored.validation.ok).toBe(false);

    // The same _id again is a duplicate: answered, counted, not stored twice.
    expect(
      (
        await fetch(inlet.inletUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-adobe-flow-id': flowId },
          body: JSON.stringify(envelope),
        })
      ).status,
    ).toBe(200);
    const again = await (await fetch(`${emulator.origin}/api/events/http-source-connector-acme-01`)).json();
    expect(again.duplicates).toBe(1);
  });

  it('POST /collection/batch/{inletId} takes several records and answers each', async () => {
    const inlet = await createInlet('xdm');
    const flowId = await createFlow(inlet.id);
    const message = (id: string) => ({
      header: { flowId },
      body: {
        xdmEntity: {
          _id: id,
          eventType: 'web.webpagedetails.pageViews',
          timestamp: new Date().toISOString(),
        },
      },
    });
    const response = await fetch(`${emulator.origin}/collection/batch/${inlet.inletId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-adobe-flow-id': flowId },
      body: JSON.stringify({ messages: [message('batch-1'), message('batch-2'), { header: {}, body: {} }] }),
    });
    expect(response.status).toBe(207);
    const answer = await response.json();
    expect(answer.responses.map((r: { statusCode: number }) => r.statusCode)).toEqual([200, 200, 400]);
    expect(answer.responses.map((r: { xactionId: string }) => r.xactionId)).toEqual(
      [0, 1, 2].map((index) => `${answer.batchId}:${index}`),
    );
    for (const id of ['batch-1', 'batch-2'])
      expect((await fetch(`${emulator.origin}/api/events/${id}`)).status).toBe(200);
  });
});

describe('inlet refusals', () => {
  it('an authenticated inlet without a bearer token answers 401 with exactly the documented body', async () => {
    const inlet = await createInlet('xdm', true);
    expect(inlet.authenticationRequired).toBe(true);
    const flowId = await createFlow(inlet.id);
    const body = JSON.stringify({ header: { flowId }, body: { xdmEntity: { _id: 'auth-1' } } });
    for (const headers of [
      { 'content-type': 'application/json' },
      { 'content-type': 'application/json', authorization: 'Bearer' },
    ] as Array<Record<string, string>>) {
      const response = await fetch(inlet.inletUrl, { method: 'POST', headers, body });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.text()).toBe(
        JSON.stringify({
          type: 'https://ns.adobe.com/adobecloud/problem/data-collection-service-authorization',
          status: '401',
          title: 'Authorization',
          report: { message: '[id] Ims service token is empty' },
        }),
      );
    }
    const accepted = await fetch(inlet.inletUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer abc.def' },
      body,
    });
    expect(accepted.status).toBe(200);
  });

  const inletProblem = async (response: Response, status: number, suffix: string) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = await response.json();
    expect(body).toEqual({
      type: `https://ns.adobe.com/adobecloud/problem/data-collection-service-${suffix}`,
      status: String(status),
      title: expect.any(String),
      report: { message: expect.stringMatching(/^\[\d+:\d+:\d+\] /) },
    });
  };

  it('unknown inlet → 404; malformed JSON, no envelope, raw without flow, unknown flow → 400; wrong type → 415; over 1 MB → 413', async () => {
    await inletProblem(
      await fetch(`${emulator.origin}/collection/${'0'.repeat(64)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }),
      404,
      'inlet-not-found',
    );
    const xdm = await createInlet('xdm');
    const raw = await createInlet('raw');
    const flowId = await createFlow(raw.id);
    const send = (url: string, body: string, headers: Record<string, string> = {}) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    await inletProblem(await send(xdm.inletUrl, '{"header":'), 400, 'invalid-payload');
    await inletProblem(await send(xdm.inletUrl, '{"name":"not an envelope"}'), 400, 'invalid-payload');
    await inletProblem(await send(raw.inletUrl, '{"name":"x"}'), 400, 'invalid-flow');
    await inletProblem(
      await send(raw.inletUrl, '{"name":"x"}', { 'x-adobe-flow-id': 'no-such-flow' }),
      400,
      'invalid-flow',
    );
    await inletProblem(
      await send(xdm.inletUrl, '{"body":{"xdmEntity":{}}}', { 'x-adobe-flow-id': flowId }),
      400,
      'invalid-flow',
    );
    await inletProblem(
      await fetch(xdm.inletUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/xml' },
        body: '<a/>',
      }),
      415,
      'unsupported-media-type',
    );
    await inletProblem(
      await send(raw.inletUrl, JSON.stringify({ blob: 'x'.repeat(1024 * 1024) }), {
        'x-adobe-flow-id': flowId,
      }),
      413,
      'payload-too-large',
    );
    // Just under the limit is fine; and a raw flow without mapping passes the record through.
    const ok = await send(raw.inletUrl, JSON.stringify({ _id: 'big-raw', blob: 'x'.repeat(1000 * 1000) }), {
      'x-adobe-flow-id': flowId,
    });
    expect(ok.status).toBe(200);
    expect((await (await fetch(`${emulator.origin}/api/events/big-raw`)).json()).xdm._id).toBe('big-raw');
  });

  it('Flow Service refuses references to things that do not exist', async () => {
    const bad = async (path: string, body: unknown) => {
      const response = await post(path, body);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      return (await response.json()).detail as string;
    };
    expect(await bad('/flowservice/connections', { name: 'x', connectionSpec: { id: 'nope' } })).toContain(
      'connectionSpec.id',
    );
    expect(
      await bad('/flowservice/connections', {
        name: 'x',
        connectionSpec: SPEC,
        auth: { params: { dataType: 'csv' } },
      }),
    ).toContain('dataType');
    expect(await bad('/flowservice/sourceConnections', { baseConnectionId: 'missing' })).toContain(
      'baseConnectionId',
    );
    expect(await bad('/mappingSets', { mappings: [{ sourceAttribute: 'a' }] })).toContain(
      'destinationXdmPath',
    );
    expect(
      await bad('/flowservice/flows', {
        name: 'f',
        flowSpec: { id: 'd8a6f005-7eaf-4153-983e-e8574508b877' },
        sourceConnectionIds: ['missing'],
        targetConnectionIds: ['missing'],
      }),
    ).toContain('sourceConnectionIds');
    expect((await fetch(`${platform}/flowservice/connections/missing`)).status).toBe(404);
    expect(
      (await fetch(`${platform}/flowservice/connections`, { method: 'POST', headers: HEADERS, body: '{' }))
        .status,
    ).toBe(400);
  });
});
