import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecordingServer, type RecordingServer } from '../support/startRecordingServer';

// The built ES module, as a Node 20 user would import it (not the TypeScript source).
const modulePath = '../../dist/edge-collector.js';
type Module = typeof import('../../src/index');

const DATASTREAM = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
let server: RecordingServer;
let lib: Module;

beforeAll(async () => {
  server = await startRecordingServer();
  lib = (await import(/* @vite-ignore */ modulePath)) as Module;
});
afterAll(() => server?.close());

describe('the ES module on Node 20', () => {
  it('ships its types next to it, as one file (test/integration/package/ checks every resolution mode)', () => {
    const types = readFileSync('dist/edge-collector.d.ts', 'utf8');
    expect(types).toContain('declare function createEdgeCollector');
    expect(types).not.toMatch(/from '\.\.?\//);
  });

  it('sends to the authenticated Server API host with credentials, to the Edge Network host without (Adobe: server.adobedc.net)', () => {
    const auth = { accessToken: 'token-1', apiKey: 'key-1', orgId: 'ORG@AdobeOrg' };
    expect(lib.createEdgeCollector({ datastreamId: DATASTREAM, auth }).config.edgeUrl).toBe(
      'https://server.adobedc.net',
    );
    expect(lib.createEdgeCollector({ datastreamId: DATASTREAM }).config.edgeUrl).toBe(
      'https://edge.adobedc.net',
    );
    // A URL that is given wins, with credentials too (the emulator, a proxy).
    expect(
      lib.createEdgeCollector({ datastreamId: DATASTREAM, edgeUrl: server.origin, auth }).config.edgeUrl,
    ).toBe(server.origin);
  });

  it('sends a server-side event with the Server API headers and a hashed e-mail', async () => {
    const collector = lib.createEdgeCollector({
      datastreamId: DATASTREAM,
      edgeUrl: server.origin,
      auth: { accessToken: 'token-1', apiKey: 'key-1', orgId: 'ORG@AdobeOrg' },
    });
    const result = await collector.sendEvent({
      eventType: 'commerce.purchases',
      email: 'ecid@adobe.com',
      xdm: { commerce: { purchases: { value: 1 } } },
    });
    const request = server.requests.at(-1)!;
    expect(request.headers).toMatchObject({
      authorization: 'Bearer token-1',
      'x-api-key': 'key-1',
      'x-gw-ims-org-id': 'ORG@AdobeOrg',
      'content-type': 'application/json',
    });
    const { xdm } = JSON.parse(request.body).event;
    expect(xdm).toMatchObject({
      eventType: 'commerce.purchases',
      identityMap: {
        Email_LC_SHA256: [
          { id: 'a6ea4cde5da5ae7cc68baae894d1d6544fca26254433b0fff7c2cb4843b4a097', primary: true },
        ],
      },
      implementationDetails: {
        name: 'https://www.npmjs.com/package/edge-collector#node',
        environment: 'server',
      },
      commerce: { purchases: { value: 1 } },
    });
    expect(xdm.web).toBeUndefined();
    expect(result.requestId).toBe(request.url.searchParams.get('requestId'));
  });

  it('exports the synchronous and WebCrypto hashing', async () => {
    expect(lib.hashEmailSync('ECID@adobe.com ')).toEqual(await lib.hashEmail('ecid@adobe.com'));
    expect(lib.EMAIL_NAMESPACE).toBe('Email_LC_SHA256');
  });

  it('throws a clear configuration error up front', () => {
    expect(() => lib.createEdgeCollector({ datastreamId: 'nope' })).toThrow(lib.EdgeCollectorError);
  });
});
