import { describe, expect, it } from 'vitest';
import { checkConsentEntry } from '../../../../src/core/consent/checkConsentEntry';
import { readConsentStandards } from '../../../../src/core/consent/readConsentStandards';
import { readShorthand } from '../../../../src/core/consent/readShorthand';

const TC_STRING = 'CO052l-O052l-DGAMBFRACBgAIBAAAAAAIYgEawAQEagAAAA';
const adobe1 = (general: unknown) => ({ standard: 'Adobe', version: '1.0', value: { general } });
const adobe2 = (val: unknown, extra = {}) => ({
  standard: 'Adobe',
  version: '2.0',
  value: { collect: { val }, ...extra },
});
const iab = (gdprApplies: unknown, value: unknown = TC_STRING) => ({
  standard: 'IAB TCF',
  version: '2.0',
  value,
  gdprApplies,
});

describe('readShorthand', () => {
  it('posts in and out as Adobe 1.0 and posts nothing for pending', () => {
    expect(readShorthand('in')).toEqual({ state: 'in', consent: [adobe1('in')] });
    expect(readShorthand('out')).toEqual({ state: 'out', consent: [adobe1('out')] });
    expect(readShorthand('pending')).toEqual({ state: 'pending' });
  });

  it('refuses anything else with an invalid-options error naming the three values', () => {
    expect(() => readShorthand('yes')).toThrow(expect.objectContaining({ code: 'invalid-options' }));
    expect(() => readShorthand('yes')).toThrow(/"in", "pending" or "out"/);
  });
});

describe('readConsentStandards', () => {
  it('accepts each standard and says what it means for collection', () => {
    expect(readConsentStandards({ consent: [adobe1('in')] }).state).toBe('in');
    expect(readConsentStandards({ consent: [adobe1('out')] }).state).toBe('out');
    expect(readConsentStandards({ consent: [adobe2('y')] }).state).toBe('in');
    expect(readConsentStandards({ consent: [adobe2('n')] }).state).toBe('out');
    // GDPR does not apply: nothing to wait for. It applies: the Edge Network reads the string.
    expect(readConsentStandards({ consent: [iab(false)] }).state).toBe('in');
    expect(readConsentStandards({ consent: [iab(true)] }).state).toBeUndefined();
  });

  it('passes the other Adobe 2.0 purposes through unchanged', () => {
    const entry = adobe2('y', {
      personalize: { content: { val: 'n' } },
      metadata: { time: '2026-12-01T00:00:00Z' },
    });
    expect(readConsentStandards({ consent: [entry] }).consent).toEqual([entry]);
  });

  it('lets an opt-out win over an opt-in in the same call', () => {
    expect(readConsentStandards({ consent: [adobe2('n'), iab(false)] }).state).toBe('out');
    expect(readConsentStandards({ consent: [iab(true), adobe1('in')] }).state).toBe('in');
  });

  it.each([
    [
      { consent: [{ standard: 'TCF', version: '2.0', value: TC_STRING }] },
      /consent\[0\]\.standard "TCF" is not a consent standard: use "Adobe" or "IAB TCF"/,
    ],
    [
      { consent: [{ standard: 'Adobe', version: '3.0', value: {} }] },
      /consent\[0\]\.version "3\.0" is not a version of Adobe: use "1\.0" or "2\.0"/,
    ],
    [
      { consent: [{ standard: 'IAB TCF', version: '1.1', value: TC_STRING }] },
      /version "1\.1" is not a version of IAB TCF: use "2\.0"/,
    ],
    [
      { consent: [adobe1('yes')] },
      /consent\[0\]\.value\.general must be "not_provided", "pending", "in", "out"/,
    ],
    [{ consent: [adobe2('yes')] }, /consent\[0\]\.value\.collect must be \{ "val": "y" \| "n" \| "p"/],
    [
      { consent: [adobe1('in'), iab(true, '')] },
      /consent\[1\]\.value must be the IAB TCF 2\.0 consent string/,
    ],
    [{ consent: [iab('yes')] }, /consent\[0\]\.gdprApplies must be true or false/],
    [{ consent: [] }, /setConsent takes "in", "out", "pending" or \{ consent:/],
    [{ purposes: 'all' }, /setConsent takes/],
    [[adobe1('in')], /setConsent takes/],
  ])('refuses %j with an invalid-options error that names the field', (value, message) => {
    expect(() => readConsentStandards(value)).toThrow(message);
    expect(() => readConsentStandards(value)).toThrow(expect.objectContaining({ code: 'invalid-options' }));
  });
});

describe('checkConsentEntry', () => {
  it('tells the emulator which part is wrong: standard, version or value', () => {
    expect(checkConsentEntry({ standard: 'X', version: '1.0' }, 'consent[0]')).toMatchObject({
      fault: 'standard',
    });
    expect(checkConsentEntry('Adobe', 'consent[0]')).toMatchObject({ fault: 'standard' });
    expect(checkConsentEntry({ standard: 'Adobe', version: 2 }, 'consent[0]')).toMatchObject({
      fault: 'version',
    });
    expect(checkConsentEntry(adobe2(true), 'consent[0]')).toMatchObject({ fault: 'value' });
    expect(checkConsentEntry(adobe2('y'), 'consent[0]')).toEqual({ state: 'in' });
  });

  it.each(['constructor', 'toString', '__proto__'])(
    'reads the standard %j as unknown, not as a property of Object',
    (standard) => {
      expect(checkConsentEntry({ standard, version: '1.0', value: {} }, 'consent[0]')).toMatchObject({
        fault: 'standard',
        message: expect.stringMatching(/is not a consent standard: use "Adobe" or "IAB TCF"/),
      });
    },
  );
});
