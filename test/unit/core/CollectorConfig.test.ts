import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/core/CollectorConfig';

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
