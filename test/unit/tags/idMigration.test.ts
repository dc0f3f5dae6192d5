import { describe, expect, it } from 'vitest';
import { readLegacyEcid } from '../../../src/tags/idMigration';
import { readIdentitySettings } from '../../../src/tags/TagsExtensionSettings';

const ORG = '53A16ACB5CC1D3760A495C99@AdobeOrg';
const ECID = '54008824609818377872141446432288197497';
// As the Visitor API writes it (a real cookie's shape, the name's "@" encoded).
const AMCV = `AMCV_53A16ACB5CC1D3760A495C99%40AdobeOrg=1585540135%7CMCIDTS%7C19482%7CMCMID%7C${ECID}%7CMCAID%7CNONE%7CvVersion%7C4.4.0`;

describe('readLegacyEcid', () => {
  it("reads the ECID of the Visitor API's AMCV_ cookie, its name plain or encoded, or of s_ecid", () => {
    expect(readLegacyEcid(ORG, `a=1; ${AMCV}`)).toBe(ECID);
    expect(readLegacyEcid(ORG, `AMCV_${ORG}=MCMID|${ECID}`)).toBe(ECID);
    expect(readLegacyEcid(ORG, `s_ecid=MCMID%7C${ECID}`)).toBe(ECID);
  });

  it("reads nothing once the Edge Network's own identity cookie exists, for another org, or a broken value", () => {
    expect(
      readLegacyEcid(ORG, `${AMCV}; kndctr_53A16ACB5CC1D3760A495C99_AdobeOrg_identity=CiY4`),
    ).toBeUndefined();
    expect(readLegacyEcid('0000000000000000000000AA@AdobeOrg', AMCV)).toBeUndefined();
    expect(readLegacyEcid(ORG, `AMCV_${ORG}=MCMID|123`)).toBeUndefined();
  });
});

describe('readIdentitySettings', () => {
  it('takes an IMS org ID, with ID migration on unless turned off', () => {
    expect(readIdentitySettings({ orgId: ` ${ORG} ` })).toEqual({ orgId: ORG, idMigrationEnabled: true });
    expect(readIdentitySettings({ orgId: ORG, idMigrationEnabled: 'false' }).idMigrationEnabled).toBe(false);
  });

  it('refuses what is not one, saying what it looks like', () => {
    expect(() => readIdentitySettings({ orgId: 'ACME' })).toThrow(
      'orgId "ACME" is not an IMS organization ID (24 hexadecimal digits then @AdobeOrg',
    );
  });
});
