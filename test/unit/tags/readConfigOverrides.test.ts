import { describe, expect, it } from 'vitest';
import { readConfigOverrides } from '../../../src/tags/readConfigOverrides';

const SAVED = {
  production: {
    com_adobe_analytics: { reportSuites: 'rs1, rs2' },
    com_adobe_identity: { idSyncContainerId: '7' },
  },
  development: { com_adobe_target: { propertyToken: 'dev-token' }, datastreamId: '' },
};

describe('readConfigOverrides', () => {
  it("gives the library's environment only, in the Edge Network's types", () => {
    expect(readConfigOverrides(SAVED, 'production', 'x')).toEqual({
      com_adobe_analytics: { reportSuites: ['rs1', 'rs2'] },
      com_adobe_identity: { idSyncContainerId: 7 },
    });
    expect(readConfigOverrides(SAVED, 'development', 'x')).toEqual({
      com_adobe_target: { propertyToken: 'dev-token' },
    });
    // Each environment stands alone, as in Adobe's extension: staging has none.
    expect(readConfigOverrides(SAVED, 'staging', 'x')).toEqual({});
    expect(readConfigOverrides('', 'production', 'x')).toEqual({});
  });

  it('says what is wrong, and where', () => {
    expect(() => readConfigOverrides({ prod: {} }, 'production', 'Send event')).toThrow(
      'Send event: datastream configuration overrides are set by environment (production, staging, development), not "prod"',
    );
    expect(() => readConfigOverrides('[object]', 'production', 'configuration')).toThrow(
      'must be an object by environment',
    );
    expect(() =>
      readConfigOverrides({ production: { datastreamId: 'abc' } }, 'production', 'Send event'),
    ).toThrow('Send event (production overrides): datastreamId "abc" is not a datastream ID');
  });
});
