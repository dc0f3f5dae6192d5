import { describe, expect, it } from 'vitest';
import { readConsentStandards } from '../../../src/core/consent/readConsentStandards';
import { readConsentSettings } from '../../../src/tags/readConsentSettings';
import { errorOf, input, loadView, type } from './loadView';

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
  const entries: Array<Record<string, unknown>> = [
    { standard: 'IAB TCF', version: '1.0', value: 'CP-tc', gdprApplies: 'true' },
    { standard: 'Adobe', version: '1.0', value: 'y' },
    { standard: 'Adobe', version: '2.0', value: 'maybe' },
    { standard: 'Adobe', version: '1.0', value: 'in' },
    { standard: 'Adobe', version: '2.0', value: 'n' },
    { standard: 'IAB TCF', version: '2.0', value: 'CP-tc', gdprApplies: 'false' },
  ];

  it.each(entries)('agrees with the runtime on %j', async (entry) => {
    const { methods } = await loadView('setConsent');
    const settings = { value: 'standards', consent: [entry] };
    methods.init({ settings });
    expect(methods.validate()).toBe(runtimeAccepts(settings));
    if (!runtimeAccepts(settings)) expect(errorOf('consent')).toMatch(/^Entry 1\.(version|value)/);
  });

  it('refuses IAB TCF 1.0, Adobe 1.0 "y" and Adobe 2.0 "maybe", naming what to use', async () => {
    const { methods } = await loadView('setConsent');
    methods.init({
      settings: { value: 'standards', consent: [{ standard: 'IAB TCF', version: '1.0', value: 'CP-tc' }] },
    });
    expect(methods.validate()).toBe(false);
    expect(errorOf('consent')).toMatch(/not a version of IAB TCF: use "2\.0"/);
    methods.init({
      settings: { value: 'standards', consent: [{ standard: 'Adobe', version: '2.0', value: 'maybe' }] },
    });
    expect(methods.validate()).toBe(false);
    expect(errorOf('consent')).toMatch(/Entry 1\.value/);
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

  it('configuration: an Edge URL with a query string or fragment is refused', async () => {
    const { methods } = await loadView('configuration');
    methods.init({ settings: { productionDatastreamId: '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b' } });
    type(input('edgeUrl'), 'https://collect.example.com/?x=1');
    expect(methods.validate()).toBe(false);
    expect(errorOf('edgeUrl')).toMatch(/Leave out the \? query/);
    type(input('edgeUrl'), 'https://collect.example.com/edge');
    expect(methods.validate()).toBe(true);
  });

  it('Stream record: a record is required', async () => {
    const { methods } = await loadView('streamRecord');
    methods.init({
      settings: {
        inletUrl: 'https://dcs.adobedc.net/collection/667b41cf',
        flowId: 'f2ae0194-8bd8-4a40-a4d9-f07bdc3e6ce2',
        dataType: 'raw',
      },
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
