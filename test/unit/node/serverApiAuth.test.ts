import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/core/resolveConfig';
import type { ExperienceEvent } from '../../../src/core/buildExperienceEvent';
import { buildInteractRequest, type InteractRequest } from '../../../src/core/InteractRequest';
import { resolveAuth, serverApiTransport } from '../../../src/node/serverApiAuth';

const ID = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
const auth = { accessToken: 'tok', apiKey: 'key', orgId: 'org@AdobeOrg' };

describe('resolveAuth', () => {
  it('accepts the three fields and nothing else', () => {
    expect(resolveAuth({ ...auth, extra: 1 })).toEqual(auth);
    expect(resolveAuth(undefined)).toBeUndefined();
  });

  it.each([{ accessToken: 't' }, null, { ...auth, orgId: '' }])('refuses %j with invalid-config', (input) => {
    expect(() => resolveAuth(input)).toThrow(/auth needs accessToken, apiKey and orgId/);
    expect(() => resolveAuth(input)).toThrow(expect.objectContaining({ code: 'invalid-config' }));
  });
});

describe('serverApiTransport', () => {
  it('sends JSON with the three Server API headers, leaving the queued request untouched', async () => {
    const event = { xdm: { _id: 'e1', timestamp: '2026-11-23T12:00:00.000Z' } } as ExperienceEvent;
    const request = buildInteractRequest(resolveConfig({ datastreamId: ID }), event, 'r');
    const seen: InteractRequest[] = [];
    const transport = serverApiTransport(auth, async (sent) => {
      seen.push(sent);
      return { status: 200, body: '{}' };
    });
    await transport(request);
    expect(seen[0]!.headers).toEqual({
      'content-type': 'application/json',
      authorization: 'Bearer tok',
      'x-api-key': 'key',
      'x-gw-ims-org-id': 'org@AdobeOrg',
    });
    expect(seen[0]!.body).toBe(request.body);
    expect(request.headers).toEqual({});
  });
});
