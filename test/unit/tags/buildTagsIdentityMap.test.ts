import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildTagsIdentityMap } from '../../../src/tags/buildTagsIdentityMap';

const ADA = createHash('sha256').update('ada@example.com').digest('hex');

describe('buildTagsIdentityMap', () => {
  it('hashes the e-mail as the primary Email_LC_SHA256 identity and adds other rows', () => {
    const { identityMap, warnings } = buildTagsIdentityMap({
      email: ' Ada@Example.com ',
      identities: [
        { namespace: 'CRMID', id: 'c-42', authenticatedState: 'authenticated' },
        { namespace: 'CRMID', id: 7 },
      ],
    });
    expect(warnings).toEqual([]);
    expect(identityMap.Email_LC_SHA256).toEqual([
      { id: ADA, primary: true, authenticatedState: 'authenticated' },
    ]);
    expect(JSON.stringify(identityMap)).not.toContain('example.com');
    expect(identityMap.CRMID).toEqual([
      { id: 'c-42', primary: false, authenticatedState: 'authenticated' },
      { id: '7', primary: false },
    ]);
  });

  it('lets a row be primary instead of the e-mail', () => {
    const { identityMap } = buildTagsIdentityMap({
      email: 'ada@example.com',
      identities: [{ namespace: 'CRMID', id: 'c-1', primary: true }],
    });
    expect(identityMap.Email_LC_SHA256?.[0]?.primary).toBe(false);
    expect(identityMap.CRMID?.[0]?.primary).toBe(true);
  });

  it('skips rows whose id is empty (a data element without a value) and warns on a bad e-mail', () => {
    const { identityMap, warnings } = buildTagsIdentityMap({
      email: 'not an address',
      identities: [{ namespace: 'CRMID', id: '' }, 'junk'],
    });
    expect(identityMap).toEqual({});
    expect(warnings).toEqual([expect.stringContaining('not an e-mail address')]);
  });
});
