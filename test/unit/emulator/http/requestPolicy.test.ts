import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../../../src/emulator/http/hostPolicy';
import { crossSiteRefusal, isManagementRequest } from '../../../../src/emulator/http/originPolicy';

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1:4100', 'localhost:4100', 'LOCALHOST:4100', '[::1]:4100', 'edge.localhost:4100'])(
    'serves %s',
    (host) => expect(isLoopbackHost(host, 4100)).toBe(true),
  );
  it('serves a localhost name without a port behind --https (443 mapped to the emulator), and only then', () => {
    expect(isLoopbackHost('edge.localhost', 4100, true)).toBe(true);
    expect(isLoopbackHost('localhost', 4100, true)).toBe(true);
    expect(isLoopbackHost('edge.localhost', 4100, false)).toBe(false);
    expect(isLoopbackHost('127.0.0.1', 4100, true)).toBe(false);
    expect(isLoopbackHost('edge.evil.example', 4100, true)).toBe(false);
  });
  it.each([
    'evil.example:4100',
    'localhost.evil.example:4100',
    '127.0.0.1.nip.io:4100',
    '127.0.0.1:4101',
    '127.0.0.1',
    '[::ffff:127.0.0.1]:4100',
    '',
    undefined,
    '127.0.0.1:4100:1',
  ])('refuses %j (DNS rebinding or another port)', (host) => expect(isLoopbackHost(host, 4100)).toBe(false));
});

describe('crossSiteRefusal', () => {
  it('knows the management endpoints: writes under /api/ and the Flow Service', () => {
    expect(isManagementRequest('DELETE', '/api/events')).toBe(true);
    expect(isManagementRequest('POST', '/api/datastreams')).toBe(true);
    expect(isManagementRequest('GET', '/api/events')).toBe(false);
    expect(isManagementRequest('POST', '/data/foundation/flowservice/connections')).toBe(true);
    expect(isManagementRequest('POST', '/data/foundation/mappingSets')).toBe(true);
    expect(isManagementRequest('POST', '/ee/v2/interact')).toBe(false);
    expect(isManagementRequest('POST', '/collection/abc')).toBe(false);
  });

  it('refuses a management write from a foreign origin, a null origin or a cross-site fetch', () => {
    for (const headers of [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: 'http://localhost.evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'http://localhost:3000', 'sec-fetch-site': 'cross-site' },
    ])
      expect(crossSiteRefusal('POST', '/api/datastreams', headers), JSON.stringify(headers)).toBeTruthy();
  });

  it('lets loopback pages, clients without a browser, and every origin on the Edge and inlet endpoints through', () => {
    expect(crossSiteRefusal('DELETE', '/api/events', { origin: 'http://127.0.0.1:4100' })).toBeUndefined();
    expect(crossSiteRefusal('DELETE', '/api/events', { 'sec-fetch-site': 'same-origin' })).toBeUndefined();
    expect(crossSiteRefusal('DELETE', '/api/events', {})).toBeUndefined();
    expect(crossSiteRefusal('POST', '/ee/v2/interact', { origin: 'https://shop.example' })).toBeUndefined();
    expect(
      crossSiteRefusal('POST', '/collection/abc', {
        origin: 'https://shop.example',
        'sec-fetch-site': 'cross-site',
      }),
    ).toBeUndefined();
  });
});
