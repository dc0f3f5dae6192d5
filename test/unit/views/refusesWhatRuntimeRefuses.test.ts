import { describe, expect, it } from 'vitest';
import { readConsentStandards } from '../../../src/core/consent/readConsentStandards';
import { readConsentSettings } from '../../../src/tags/readConsentSettings';
import { errorOf, input, loadView, type } from './loadView';
import { BARE_RAW_STREAM } from './filledSettings';

const choose = (name: string, value: string) => {
  const select = document.querySelector<HTMLSelectElement>(`[data-field="${name}"] select`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
};

/** What the runtime does with saved Set consent settings: reshape, then the collector's check. */
const runtimeAccepts = (settings: Record<string, unknown>) => {
  try {
    readConsentStandards(readConsentSettings(settings));
    return true;
  } catch {
    return false;
  }
};

describe('D2: Set consent saves only what the collector can post', () => {
  // Each entry, and how the view says it refuses one (undefined: accepted, as by the runtime).
  const entries: Array<[Record<string, unknown>, RegExp | undefined]> = [
    [
      { standard: 'IAB TCF', version: '1.0', value: 'CP-tc', gdprApplies: 'true' },
      /^Entry 1\.version.*not a version of IAB TCF: use "2\.0"/,
    ],
    [{ standard: 'Adobe', version: '1.0', value: 'y' }, /^Entry 1\.value/],
    [{ standard: 'Adobe', version: '2.0', value: 'maybe' }, /^Entry 1\.value/],
    [{ standard: 'Adobe', version: '1.0', value: 'in' }, undefined],
    [{ standard: 'Adobe', version: '2.0', value: 'n' }, undefined],
    [{ standard: 'IAB TCF', version: '2.0', value: 'CP-tc', gdprApplies: 'false' }, undefined],
  ];

  it.each(entries)('agrees with the runtime on %j, naming what to fix', async (entry, refusal) => {
    const { methods } = await loadView('setConsent');
    const settings = { value: 'standards', consent: [entry] };
    methods.init({ settings });
    expect(runtimeAccepts(settings)).toBe(refusal === undefined);
    expect(methods.validate()).toBe(refusal === undefined);
    if (refusal) expect(errorOf('consent')).toMatch(refusal);
  });

  it('leaves an entry holding a data element to the page, where its value is known', async () => {
    const { methods } = await loadView('setConsent');
    methods.init({
      settings: { value: 'standards', consent: [{ standard: 'Adobe', version: '1.0', value: '%choice%' }] },
    });
    expect(methods.validate()).toBe(true);
  });

  it("refuses an identity map holding a plain e-mail address, with the collector's reason", async () => {
    const { methods } = await loadView('setConsent');
    const identityMap = { CRMID: [{ id: 'ada@example.com' }] };
    methods.init({ settings: { value: 'in', identityMap } });
    expect(
      runtimeAccepts({
        value: 'standards',
        consent: [{ standard: 'Adobe', version: '1.0', value: 'in' }],
        identityMap,
      }),
    ).toBe(false);
    expect(methods.validate()).toBe(false);
    expect(errorOf('identityMap')).toMatch(/plain e-mail address.*Email_LC_SHA256/);
  });
});

describe('D4: Update variable says why a merge cannot be saved, beside the Value', () => {
  it('shows the error on Value, not on the hidden Path', async () => {
    const { methods } = await loadView('updateVariable');
    methods.init({ settings: { name: 'cart', operation: 'set', path: 'a', value: 1 } });
    choose('operation', 'merge');
    type(input('value'), '42');
    expect(methods.validate()).toBe(false);
    expect(errorOf('value')).toMatch(/Merge takes a JSON object/);
    expect(errorOf('path')).toBe('');
    type(input('value'), '{ "a": 1 }');
    expect(methods.validate()).toBe(true);
  });

  it('never refuses in silence: some error is on show whenever validate() is false', async () => {
    const { methods } = await loadView('updateVariable');
    methods.init({ settings: { name: 'cart', operation: 'merge', value: [1] } });
    expect(methods.validate()).toBe(false);
    const shown = [...document.querySelectorAll<HTMLElement>('.ec-error, .ec-form-error')].filter(
      (element) => !element.hidden && element.textContent && !element.closest('[hidden]'),
    );
    expect(shown.length).toBeGreaterThan(0);
  });
});

describe('D8: views refuse what would break at run time', () => {
  it('Update variable: a JSON typo is an error, not text', async () => {
    const { methods } = await loadView('updateVariable');
    methods.init({ settings: { name: 'cart', operation: 'set', path: 'a', value: 1 } });
    type(input('value'), '{ "currencyCode": "EUR", }');
    expect(methods.validate()).toBe(false);
    expect(errorOf('value')).toMatch(/Value is not valid JSON/);
    type(input('value'), 'plain words');
    expect(methods.validate()).toBe(true);
    expect(methods.getSettings()).toMatchObject({ value: 'plain words' });
  });

  it('Stream record: a record is required', async () => {
    const { methods } = await loadView('streamRecord');
    methods.init({
      settings: { ...BARE_RAW_STREAM },
    });
    expect(methods.validate()).toBe(false);
    expect(errorOf('record')).toMatch(/Record is required/);
  });

  it('Identity map: two primary identities are refused', async () => {
    const { methods } = await loadView('identityMap');
    methods.init({
      settings: {
        identities: [
          { namespace: 'CRMID', id: 'c-1', primary: true },
          { namespace: 'LOYALTY', id: 'L-1', primary: true },
        ],
      },
    });
    expect(methods.validate()).toBe(false);
    expect(errorOf('identities')).toMatch(/one primary identity/);
  });

  it('a pattern error says what to enter, not only "not the expected form"', async () => {
    const { methods } = await loadView('updateVariable');
    methods.init({ settings: { name: 'cart', operation: 'set', path: 'a..b', value: 1 } });
    expect(methods.validate()).toBe(false);
    expect(errorOf('path')).toMatch(/enter something like commerce\.order\.priceTotal/);
  });
});
