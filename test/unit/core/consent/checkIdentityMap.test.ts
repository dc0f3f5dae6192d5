import { describe, expect, it } from 'vitest';
import { checkIdentityMap } from '../../../../src/core/consent/checkIdentityMap';
import { readConsentStandards } from '../../../../src/core/consent/readConsentStandards';
import { buildConsentRequest } from '../../../../src/core/consent/buildConsentRequest';
import { resolveConfig } from '../../../../src/core/resolveConfig';

const DIGEST = 'a'.repeat(64);
const ADOBE_IN = { standard: 'Adobe', version: '1.0', value: { general: 'in' } } as const;

describe('checkIdentityMap', () => {
  it('takes an XDM identity map as given', () => {
    const map = {
      ECID: [{ id: '12345678901234567890123456789012345678' }],
      Email_LC_SHA256: [{ id: DIGEST, authenticatedState: 'authenticated', primary: true }],
    };
    expect(checkIdentityMap(map)).toBe(map);
  });

  it.each([
    ['not an object', [], /identityMap must be an object/],
    ['an empty list', { CRMID: [] }, /identityMap\.CRMID must be a non-empty list/],
    [
      'an identity without id',
      { CRMID: [{ primary: true }] },
      /identityMap\.CRMID\[0\]\.id must be a non-empty string/,
    ],
    [
      'a bad authenticated state',
      { CRMID: [{ id: 'c-1', authenticatedState: 'yes' }] },
      /authenticatedState must be ambiguous, authenticated, loggedOut/,
    ],
  ])('refuses %s with invalid-options naming the field', (_case, map, message) => {
    expect(() => checkIdentityMap(map)).toThrow(
      expect.objectContaining({ code: 'invalid-options', message: expect.stringMatching(message) }),
    );
  });

  it.each([
    ['in an id', { Email: [{ id: 'Ada@Example.com' }] }],
    ['percent-encoded', { CRMID: [{ id: 'ada%40example.com' }] }],
    ['in a namespace key', { 'ada@example.com': [{ id: 'x' }] }],
  ])('refuses a plain e-mail address %s, saying how to send it', (_case, map) => {
    expect(() => checkIdentityMap(map)).toThrow(
      /plain e-mail address: send its SHA-256 \(hashEmail\) under Email_LC_SHA256/,
    );
  });
});

describe('the identity map of a consent request', () => {
  it('goes top-level, as the spec (ConsentReplaceRequest) and the Web SDK send it, and is checked before anything is built', () => {
    const identityMap = { CRMID: [{ id: 'c-1' }] };
    const decision = readConsentStandards({ consent: [ADOBE_IN], identityMap });
    const config = resolveConfig({ datastreamId: '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b' });
    const request = buildConsentRequest(config, decision.consent!, 'r-1', decision.identityMap);
    expect(JSON.parse(request.body)).toEqual({
      consent: [ADOBE_IN],
      identityMap,
      query: { identity: { fetch: ['ECID'] } },
    });
    expect(() =>
      readConsentStandards({ consent: [ADOBE_IN], identityMap: { Email: [{ id: 'ada@example.com' }] } }),
    ).toThrow(/plain e-mail/);
  });
});
