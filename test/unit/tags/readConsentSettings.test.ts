import { describe, expect, it } from 'vitest';
import { readConsentSettings } from '../../../src/tags/readConsentSettings';

describe('readConsentSettings', () => {
  it('reads the shorthand in any case, also from a data element', () => {
    expect(readConsentSettings({ value: ' OUT ' })).toBe('out');
    expect(readConsentSettings({ value: 'pending' })).toBe('pending');
  });

  it("passes a data element's whole { consent: [...] } through", () => {
    const whole = { consent: [{ standard: 'Adobe', version: '1.0', value: { general: 'in' } }] };
    expect(readConsentSettings({ value: whole })).toBe(whole);
    expect(readConsentSettings({ value: 'standards', consent: whole })).toBe(whole);
  });

  it("turns the view's rows into Adobe's entries", () => {
    expect(
      readConsentSettings({
        value: 'standards',
        consent: [
          { standard: 'Adobe', version: '1.0', value: 'In', gdprApplies: 'true' },
          { standard: 'Adobe', version: '2.0', value: 'y', gdprApplies: 'true' },
          { standard: 'Adobe', version: '2.0', value: { collect: { val: 'n' }, share: { val: 'y' } } },
          { standard: 'IAB TCF', version: '2.0', value: 'CPxx', gdprApplies: 'false' },
          { standard: 'IAB TCF', version: '2.0', value: 'CPyy' },
        ],
      }),
    ).toEqual({
      consent: [
        { standard: 'Adobe', version: '1.0', value: { general: 'in' } },
        { standard: 'Adobe', version: '2.0', value: { collect: { val: 'y' } } },
        { standard: 'Adobe', version: '2.0', value: { collect: { val: 'n' }, share: { val: 'y' } } },
        { standard: 'IAB TCF', version: '2.0', value: 'CPxx', gdprApplies: false },
        // Not said: GDPR applies, the cautious reading.
        { standard: 'IAB TCF', version: '2.0', value: 'CPyy', gdprApplies: true },
      ],
    });
  });

  it('sends the identity map with any posted decision, and leaves out one without a value', () => {
    const identityMap = { CRMID: [{ id: 'c-1' }] };
    const adobeIn = { standard: 'Adobe', version: '1.0', value: { general: 'in' } };
    expect(readConsentSettings({ value: 'In', identityMap })).toEqual({ consent: [adobeIn], identityMap });
    expect(readConsentSettings({ value: 'pending', identityMap })).toBe('pending');
    // A data element without a value yet: Turbine gives undefined or ''.
    expect(readConsentSettings({ value: 'in', identityMap: undefined })).toBe('in');
    expect(readConsentSettings({ value: 'in', identityMap: '' })).toBe('in');
    expect(
      readConsentSettings({
        value: 'standards',
        consent: [{ standard: 'Adobe', version: '1.0', value: 'in' }],
        identityMap,
      }),
    ).toEqual({ consent: [adobeIn], identityMap });
    expect(readConsentSettings({ value: { consent: [adobeIn] }, identityMap })).toEqual({
      consent: [adobeIn],
      identityMap,
    });
  });
});
