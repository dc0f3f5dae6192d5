import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/core/resolveConfig';
import { toCollectorConfig } from '../../../src/tags/TagsExtensionSettings';

const settings = {
  productionDatastreamId: 'prod-id',
  stagingDatastreamId: ' staging-id ',
  developmentDatastreamId: '',
  edgeUrl: 'https://collect.example.com',
  edgeBasePath: 'ee',
  debug: true,
};

describe('toCollectorConfig', () => {
  it('picks the datastream of the library stage', () => {
    expect(toCollectorConfig(settings, 'production').datastreamId).toBe('prod-id');
    expect(toCollectorConfig(settings, 'staging').datastreamId).toBe('staging-id');
  });

  it('falls back to production when the stage has no datastream or the stage is unknown', () => {
    expect(toCollectorConfig(settings, 'development').datastreamId).toBe('prod-id');
    expect(toCollectorConfig(settings, undefined).datastreamId).toBe('prod-id');
    expect(toCollectorConfig(settings, 'qa').datastreamId).toBe('prod-id');
  });

  it('passes edge URL, base path and debug, leaving blanks to the core defaults', () => {
    expect(toCollectorConfig(settings, 'production')).toEqual({
      datastreamId: 'prod-id',
      edgeUrl: 'https://collect.example.com',
      edgeBasePath: 'ee',
      debug: true,
    });
    expect(
      toCollectorConfig({ productionDatastreamId: 'x', edgeUrl: '', edgeBasePath: '  ' }, 'production'),
    ).toEqual({ datastreamId: 'x', debug: false });
  });

  it('reads debug from a data element that returned the text "true"', () => {
    expect(toCollectorConfig({ debug: 'true' }, 'production').debug).toBe(true);
    expect(toCollectorConfig({ debug: 'false' }, 'production').debug).toBe(false);
  });

  it('gives an empty datastream for missing settings (resolveConfig then says what to fix)', () => {
    expect(toCollectorConfig(undefined, 'production')).toEqual({ datastreamId: '', debug: false });
  });
});

const DATASTREAM = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';

describe('default consent in the Tags configuration', () => {
  const base = { productionDatastreamId: DATASTREAM };
  it('takes in / out / pending, in any case, from a choice or a data element', () => {
    expect(toCollectorConfig({ ...base, defaultConsent: 'pending' }, 'production').defaultConsent).toBe(
      'pending',
    );
    expect(toCollectorConfig({ ...base, defaultConsent: ' OUT ' }, 'production').defaultConsent).toBe('out');
    expect(toCollectorConfig(base, 'production').defaultConsent).toBeUndefined();
  });

  it('holds events (pending) while a data element has no value yet', () => {
    expect(toCollectorConfig({ ...base, defaultConsent: undefined }, 'production').defaultConsent).toBe(
      'pending',
    );
    expect(toCollectorConfig({ ...base, defaultConsent: '' }, 'production').defaultConsent).toBe('pending');
  });

  it('refuses anything else with a clear configuration error', () => {
    expect(() =>
      resolveConfig(toCollectorConfig({ ...base, defaultConsent: 'maybe' }, 'production')),
    ).toThrow(/defaultConsent must be "in", "pending" or "out", not "maybe"/);
  });
});
