import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamRecord } from '../../../src/core/streaming/streamRecord';
import { fetchTransport } from '../../../src/core/Transport';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/startEmulator';
import { createEdgeCollector, streamRecord as streamThrough } from '../../../src/index';
import { startRecordingServer } from '../../support/startRecordingServer';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const FLOW_SPEC_PLAIN = 'd8a6f005-7eaf-4153-983e-e8574508b877';
const HTTP_API_CONNECTION_SPEC = 'bc7b00d6-623a-4dfc-9fdb-f1240aeadaeb';
const SCHEMA_REF = {
  id: 'https://ns.adobe.com/edgecollectordemo/schemas/demo-profile',
  contentType: 'application/vnd.adobe.xed-full+json;version=1.0',
};
const DATASET_ID = 'de3000005eed400080000001';

describe('streamRecord against the emulator', () => {
  let emulator: RunningEmulator;
  const platform = { transport: fetchTransport() };

  /** The event the emulator stored under an XDM `_id` (or its own id). */
  async function storedEvent(id: string) {
    const response = await fetch(`${emulator.origin}/api/events/${encodeURIComponent(id)}`);
    expect(response.status).toBe(200);
    return (await response.json()) as {
      xdm: Record<string, unknown>;
      raw?: unknown;
      inletId: string;
      flowId: string;
      xactionId: string;
      validation: { ok: boolean };
    };
  }

  /** Calls the emulator's Flow Service and returns the JSON answer. */
  async function flowService(path: string, body: unknown) {
    const response = await fetch(`${emulator.origin}/data/foundation${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    return (await response.json()) as { id: string };
  }

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, seedDemo: true });
  });
  afterAll(async () => {
    await emulator?.close();
  });

  const xdmInlet = () => ({
    inletUrl: emulator.demo!.xdmInlet.inletUrl,
    flowId: emulator.demo!.xdmInlet.flowId,
    dataType: 'xdm',
    schemaRef: SCHEMA_REF,
    datasetId: DATASET_ID,
  });

  it('streams an XDM Individual Profile record in the envelope, its e-mail hashed, and gets the receipt', async () => {
    const record = {
      _id: 'profile-ada-1',
      person: { name: { firstName: 'Ada', lastName: 'Lovelace' } },
      personalEmail: { address: 'Ada@Example.com', primary: true },
    };
    const result = await streamRecord(
      { ...xdmInlet(), record, emailFields: ['personalEmail.address'] },
      platform,
    );
    expect(result).toMatchObject({
      inletId: emulator.demo!.xdmInlet.inletId,
      recordId: 'profile-ada-1',
      warnings: [],
    });
    expect(result.xactionId).toMatch(/^\d+:\d+:\d+$/);
    expect(result.receivedTimeMs).toBeGreaterThan(0);

    const stored = await storedEvent('profile-ada-1');
    expect(stored.xdm).toEqual({
      ...record,
      personalEmail: { primary: true },
      identityMap: { Email_LC_SHA256: [{ id: sha256('ada@example.com'), primary: true }] },
    });
    expect(stored).toMatchObject({
      inletId: result.inletId,
      xactionId: result.xactionId,
      flowId: emulator.demo!.xdmInlet.flowId,
    });
    expect(stored.validation.ok).toBe(true);
  });

  it('streams a page view as an XDM ExperienceEvent through the XDM inlet', async () => {
    const result = await streamRecord(
      {
        ...xdmInlet(),
        pageView: { name: 'Home', url: 'https://shop.example/' },
        record: { web: { webPageDetails: { siteSection: 'home' } } },
      },
      {
        ...platform,
        implementation: 'node',
      },
    );
    const stored = await storedEvent(result.recordId);
    expect(stored.xdm).toMatchObject({
      _id: result.recordId,
      eventType: 'web.webpagedetails.pageViews',
      web: {
        webPageDetails: {
          name: 'Home',
          URL: 'https://shop.example/',
          siteSection: 'home',
          pageViews: { value: 1 },
        },
      },
      implementationDetails: { name: 'https://www.npmjs.com/package/edge-collector#node' },
    });
    expect(typeof stored.xdm.timestamp).toBe('string');
    expect(stored.validation.ok).toBe(true);
  });

  it('streams a raw record as it is through a mapped inlet, and it arrives as mapped XDM', async () => {
    const raw = {
      firstName: 'Johnson',
      lastName: 'Smith',
      city: 'Seattle',
      loyaltyTier: 'gold',
      gender: 'Male',
    };
    const result = await streamRecord(
      {
        inletUrl: emulator.demo!.rawInlet.inletUrl,
        flowId: emulator.demo!.rawInlet.flowId,
        dataType: 'raw',
        record: raw,
      },
      platform,
    );
    expect(result.inletId).toBe(emulator.demo!.rawInlet.inletId);

    const response = await fetch(`${emulator.origin}/api/events`);
    const { events } = (await response.json()) as {
      events: Array<{ xactionId?: string; raw?: unknown; xdm: unknown }>;
    };
    const stored = events.find((event) => event.xactionId === result.xactionId);
    expect(stored?.raw).toEqual(raw);
    expect(stored?.xdm).toMatchObject({
      person: { name: { firstName: 'Johnson', lastName: 'Smith' } },
      homeAddress: { city: 'Seattle' },
      loyalty: { tier: 'gold' },
    });
  });

  it('is refused with a 401 by an authenticated inlet without a token, and accepted with one', async () => {
    const connection = await flowService('/flowservice/connections', {
      name: 'Authenticated XDM',
      connectionSpec: { id: HTTP_API_CONNECTION_SPEC, version: '1.0' },
      auth: {
        specName: 'Streaming Connection',
        params: { dataType: 'xdm', name: 'Authenticated XDM', authenticationRequired: true },
      },
    });
    const source = await flowService('/flowservice/sourceConnections', {
      name: 'Authenticated source',
      baseConnectionId: connection.id,
      connectionSpec: { id: HTTP_API_CONNECTION_SPEC, version: '1.0' },
    });
    const flow = await flowService('/flowservice/flows', {
      name: 'Authenticated flow',
      flowSpec: { id: FLOW_SPEC_PLAIN, version: '1.0' },
      sourceConnectionIds: [source.id],
      targetConnectionIds: ['de300000-5eed-4000-8000-0000000000b1'],
    });
    const described = (await (
      await fetch(`${emulator.origin}/data/foundation/flowservice/connections/${connection.id}`)
    ).json()) as {
      items: Array<{ auth: { params: { inletUrl: string } } }>;
    };
    const options = {
      inletUrl: described.items[0]!.auth.params.inletUrl,
      flowId: flow.id,
      dataType: 'xdm',
      schemaRef: SCHEMA_REF,
      datasetId: DATASET_ID,
      record: { _id: 'secured-1' },
    };

    const refusal = await streamRecord(options, platform).catch((error: unknown) => error);
    expect(refusal).toMatchObject({
      name: 'EdgeCollectorError',
      code: 'response',
      status: 401,
      title: 'Authorization',
    });
    expect((refusal as Error).message).toMatch(/^the streaming inlet needs a token/);
    expect((refusal as Error).message).toContain('Ims service token is empty');

    await expect(
      streamRecord({ ...options, accessToken: 'emulator-token' }, platform),
    ).resolves.toMatchObject({ recordId: 'secured-1' });
  });

  it('reports a flow the inlet does not know with the inlet’s own words', async () => {
    const refusal = await streamRecord(
      { ...xdmInlet(), flowId: '00000000-0000-4000-8000-000000000000', record: { _id: 'lost-1' } },
      platform,
    ).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'response', status: 400, title: 'Invalid flow' });
    expect((refusal as Error).message).toMatch(
      /^the streaming inlet refused record .+ with HTTP 400: Invalid flow: \[[\d:]+\] flow "00000000-0000-4000-8000-000000000000" does not exist/,
    );
  });

  it('streams through the ES module’s collector, in its queue, with the same result', async () => {
    const collector = createEdgeCollector({
      datastreamId: emulator.demo!.datastreamId,
      edgeUrl: emulator.origin,
    });
    const result = await streamThrough(collector, {
      ...xdmInlet(),
      record: { _id: 'profile-module-1', person: { name: { firstName: 'Grace' } } },
    });
    expect(result).toMatchObject({ inletId: emulator.demo!.xdmInlet.inletId, recordId: 'profile-module-1' });
    expect((await storedEvent('profile-module-1')).xdm).toEqual({
      _id: 'profile-module-1',
      person: { name: { firstName: 'Grace' } },
    });
  });
});

describe('streamRecord retries like an event', () => {
  it('tries again after a 503 from the inlet, with the same request, and resolves with the receipt', async () => {
    const server = await startRecordingServer();
    try {
      server.replies.push({
        status: 503,
        body: { title: 'Service unavailable' },
        headers: { 'retry-after': '0' },
      });
      server.replies.push({
        status: 200,
        body: { inletId: 'inlet-1', xactionId: '1:1:1', receivedTimeMs: 1 },
      });
      const collector = createEdgeCollector({
        datastreamId: '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b',
        retryDelay: 0,
      });
      const options = {
        inletUrl: `${server.origin}/collection/inlet-1`,
        flowId: 'f2ae0194-8bd8-4a40-a4d9-f07bdc3e6ce2',
        dataType: 'raw',
        record: { firstName: 'Ada' },
      };
      await expect(streamThrough(collector, options)).resolves.toMatchObject({ xactionId: '1:1:1' });
      expect(server.requests).toHaveLength(2);
      expect(server.requests[1]!.body).toBe(server.requests[0]!.body);
      expect(server.requests[0]!.headers['x-adobe-flow-id']).toBe('f2ae0194-8bd8-4a40-a4d9-f07bdc3e6ce2');
    } finally {
      await server.close();
    }
  });
});
