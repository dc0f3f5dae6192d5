import { describe, expect, it } from 'vitest';
import { checkEssentials, hasOtherSettings } from '../../../src/core/CollectorConfig';
import { resolveConfig } from '../../../src/core/resolveConfig';

const ID = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';

describe('resolveConfig', () => {
  it('fills in the Edge Network defaults', () => {
    expect(resolveConfig({ datastreamId: ID })).toEqual({
      datastreamId: ID,
      edgeUrl: 'https://edge.adobedc.net',
      edgeBasePath: 'ee',
      debug: false,
      defaultConsent: 'in',
      maxAttempts: 5,
      retryDelay: 500,
      maxRetryDelay: 30_000,
      maxQueueSize: 100,
      maxQueueBytes: 524_288,
    });
  });

  it('normalizes slashes and keeps the given edge', () => {
    expect(
      resolveConfig({
        datastreamId: ` ${ID} `,
        edgeUrl: 'http://127.0.0.1:4100/',
        edgeBasePath: '/ee-pre-prd/',
        debug: true,
      }),
    ).toMatchObject({
      datastreamId: ID,
      edgeUrl: 'http://127.0.0.1:4100',
      edgeBasePath: 'ee-pre-prd',
      debug: true,
    });
  });

  it.each([
    [undefined, /options object/],
    ['id', /options object/],
    [{}, /datastreamId is missing/],
    [{ datastreamId: '' }, /datastreamId is missing/],
    [{ datastreamId: 42 }, /datastreamId is missing/],
    [{ datastreamId: 'my-stream' }, /not a datastream ID/],
    [{ datastreamId: ID, edgeUrl: 'edge.adobedc.net' }, /edgeUrl "edge.adobedc.net" is not an http\(s\) URL/],
    [{ datastreamId: ID, edgeUrl: 'javascript:alert(1)' }, /not an http\(s\) URL/],
    [{ datastreamId: ID, edgeBasePath: 'ee?x=1' }, /edgeBasePath/],
  ])('refuses %j with a clear message', (input, message) => {
    expect(() => resolveConfig(input)).toThrow(message);
    try {
      resolveConfig(input);
    } catch (error) {
      expect(error).toMatchObject({ name: 'EdgeCollectorError', code: 'invalid-config' });
    }
  });
});

describe('checkEssentials (the standalone core’s own checks)', () => {
  const refuse = (...problem: unknown[]): never => {
    throw new Error(JSON.stringify(problem));
  };

  it('checks what decides whether and where anything is sent, and fills in every default', () => {
    expect(checkEssentials({ datastreamId: ID }, refuse)).toEqual(resolveConfig({ datastreamId: ID }));
    expect(() => checkEssentials({ datastreamId: 'x' }, refuse)).toThrow('["datastreamId","x"]');
    expect(() => checkEssentials({ datastreamId: ID, edgeUrl: 'ftp://x' }, refuse)).toThrow(
      '["edgeUrl","ftp://x"]',
    );
    expect(() => checkEssentials({ datastreamId: ID, defaultConsent: 'no' }, refuse)).toThrow(
      '["defaultConsent","no"]',
    );
  });

  it('leaves the other settings to checkConfig, which the messages add-on carries', () => {
    const given = { datastreamId: ID, edgeBasePath: 'ee?x', maxAttempts: 0 };
    expect(() => checkEssentials(given, refuse)).not.toThrow();
    expect(hasOtherSettings(given)).toBe(true);
    expect(() => resolveConfig(given)).toThrow(/edgeBasePath/);
    expect(hasOtherSettings({ datastreamId: ID, maxQueueSize: 50 })).toBe(true);
    // Their defaults, given, need no check.
    expect(hasOtherSettings({ datastreamId: ID, edgeBasePath: 'ee', maxAttempts: 5, debug: true })).toBe(
      false,
    );
    expect(hasOtherSettings({ datastreamId: ID, defaultConsent: 'pending', orgId: 'x' })).toBe(false);
  });
});
