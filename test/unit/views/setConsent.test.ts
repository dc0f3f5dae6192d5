import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { CONSENT_STANDARDS } from '../../../src/core/consent/ConsentInput';
import { errorOf, loadView } from './loadView';

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../../../extension.json'), 'utf8'));
const schema = manifest.actions.find((action: { name: string }) => action.name === 'set-consent').schema;
const validate = new Ajv({ allErrors: true }).compile(schema);
const selects = (name: string) => [
  ...document.querySelectorAll<HTMLSelectElement>(`[data-field="consent"] select[id*="${name}"]`),
];

describe('Set consent view', () => {
  it('defaults to "in", offers out / pending / standards, and takes a data element', async () => {
    const { methods } = await loadView('setConsent');
    methods.init({ settings: null });
    expect(methods.getSettings()).toEqual({ instanceName: 'edgeCollector', value: 'in' });
    methods.init({ settings: { value: 'pending' } });
    expect(methods.getSettings()).toEqual({ instanceName: 'edgeCollector', value: 'pending' });
    methods.init({ settings: { value: '%cmp consent%' } });
    expect(document.querySelector<HTMLSelectElement>('[data-field="value"] select')!.value).toBe(
      '__data_element__',
    );
    expect(methods.getSettings()).toEqual({ instanceName: 'edgeCollector', value: '%cmp consent%' });
  });

  it('shows the standards list only when "Consent standards" (or a data element) is chosen', async () => {
    const { methods } = await loadView('setConsent');
    const rows = document.querySelector<HTMLElement>('[data-field="consent"]')!;
    methods.init({
      settings: { value: 'standards', consent: [{ standard: 'Adobe', version: '1.0', value: 'in' }] },
    });
    expect(rows.hidden).toBe(false);
    const select = document.querySelector<HTMLSelectElement>('[data-field="value"] select')!;
    select.value = 'out';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(rows.hidden).toBe(true);
    expect(methods.getSettings()).toEqual({ instanceName: 'edgeCollector', value: 'out' });
    methods.init({ settings: { value: '%cmp consent%' } });
    expect(rows.hidden).toBe(false);
  });

  it('offers an identity map with every decision that is posted, not with pending', async () => {
    const { methods } = await loadView('setConsent');
    const identityMap = document.querySelector<HTMLElement>('[data-field="identityMap"]')!;
    methods.init({ settings: { value: 'in', identityMap: '%identity map%' } });
    expect(identityMap.hidden).toBe(false);
    expect(methods.getSettings()).toEqual({
      instanceName: 'edgeCollector',
      value: 'in',
      identityMap: '%identity map%',
    });
    methods.init({ settings: { value: 'pending', identityMap: '%identity map%' } });
    expect(identityMap.hidden).toBe(true);
    expect(methods.getSettings()).toEqual({ instanceName: 'edgeCollector', value: 'pending' });
  });

  it('asks for a data element when "From a data element" is chosen without one', async () => {
    const { methods } = await loadView('setConsent');
    methods.init({ settings: null });
    const select = document.querySelector<HTMLSelectElement>('[data-field="value"] select')!;
    select.value = '__data_element__';
    select.dispatchEvent(new Event('change'));
    expect(methods.validate()).toBe(false);
    expect(errorOf('value')).toMatch(
      /pick a data element that returns "in", "pending", "out" or Adobe's \{ consent: \[\.\.\.\] \}/,
    );
  });

  it('shows and returns a list of entries in each standard, as saved', async () => {
    const { methods } = await loadView('setConsent');
    const saved = {
      instanceName: 'edgeCollector',
      value: 'standards',
      consent: [
        { standard: 'Adobe', version: '1.0', value: 'in', gdprApplies: 'true' },
        { standard: 'Adobe', version: '2.0', value: '%adobe consent%', gdprApplies: 'true' },
        { standard: 'IAB TCF', version: '2.0', value: '%tc string%', gdprApplies: 'false' },
      ],
    };
    methods.init({ settings: saved });
    expect(selects('standard').map((s) => s.value)).toEqual(['Adobe', 'Adobe', 'IAB TCF']);
    expect(methods.validate()).toBe(true);
    expect(methods.getSettings()).toEqual(saved);
    expect(validate(saved)).toBe(true);
  });

  it('offers exactly the standards and versions of the core (one source), as the schema does', async () => {
    await loadView('setConsent');
    document.querySelector<HTMLButtonElement>('.ec-add')!.click();
    const options = (select: HTMLSelectElement) => [...select.options].map((o) => o.value);
    expect(options(selects('standard')[0]!)).toEqual(Object.keys(CONSENT_STANDARDS));
    expect(options(selects('version')[0]!)).toEqual([...new Set(Object.values(CONSENT_STANDARDS).flat())]);
    const entry = schema.properties.consent.anyOf[0].items.properties;
    expect(entry.standard.enum).toEqual(Object.keys(CONSENT_STANDARDS));
    expect(entry.version.enum).toEqual([...new Set(Object.values(CONSENT_STANDARDS).flat())]);
  });

  it('needs a value in every entry', async () => {
    const { methods } = await loadView('setConsent');
    methods.init({
      settings: { value: 'standards', consent: [{ standard: 'Adobe', version: '1.0', value: 'in' }] },
    });
    const value = document.querySelector<HTMLInputElement>('[data-field="consent"] input[id*="value"]')!;
    value.value = '';
    expect(methods.validate()).toBe(false);
    expect(errorOf('consent')).toMatch(/needs: Value/);
  });

  it('has a schema that refuses what the action cannot use', () => {
    expect(validate({ value: 'standards' })).toBe(false);
    expect(validate({ value: 'maybe' })).toBe(false);
    expect(validate({ value: 'standards', consent: [{ standard: 'TCF', version: '2.0', value: 'x' }] })).toBe(
      false,
    );
    expect(validate({ value: 'standards', consent: [{ standard: 'Adobe', version: '1.0' }] })).toBe(false);
    expect(validate({ value: 'standards', consent: '%all consent%' })).toBe(true);
    expect(validate({ value: 'out' })).toBe(true);
  });
});
