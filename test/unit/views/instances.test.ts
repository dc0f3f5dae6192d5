import { describe, expect, it } from 'vitest';
import { loadView, type } from './loadView';

const STORE = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
const BRAND = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

/** The form of the instance on show. */
const shown = () => document.querySelector<HTMLFormElement>('.ec-instances > form:not([hidden])')!;
/** A field's input in the instance on show. */
const field = (name: string) =>
  shown().querySelector<HTMLInputElement>(`[data-field="${name}"] .spectrum-Textfield-input`)!;
/** The error shown beside a field of the instance on show ('' when none). */
const errorIn = (form: HTMLElement, name: string) => {
  const error = form.querySelector<HTMLElement>(`[data-field="${name}"] .ec-error`)!;
  return error.hidden ? '' : (error.textContent ?? '');
};
const tabs = () => [...document.querySelectorAll<HTMLButtonElement>('.ec-instance-bar .ec-tab')];
const click = (selector: string) => document.querySelector<HTMLButtonElement>(selector)!.click();
const names = (settings: Record<string, unknown>) =>
  (settings.instances as Array<{ name: string }>).map((instance) => instance.name);

// The first test also loads the views' shared code: seconds on a busy machine.
describe('configuration view: instances', { timeout: 30_000 }, () => {
  it('adds instances with free names, each with its own settings, and removes one (one always stays)', async () => {
    const { methods } = await loadView('configuration');
    methods.init({ settings: null });
    expect(tabs().map((tab) => tab.textContent)).toEqual(['edgeCollector']);
    expect(document.querySelector<HTMLButtonElement>('.ec-remove-instance')!.disabled).toBe(true);
    type(field('productionDatastreamId'), STORE);
    click('.ec-add-instance');
    expect(tabs().map((tab) => tab.textContent)).toEqual(['edgeCollector', 'edgeCollector2']);
    // The new instance is on show, empty but for the defaults.
    expect(field('productionDatastreamId').value).toBe('');
    type(field('name'), 'brand');
    type(field('productionDatastreamId'), BRAND);
    expect(tabs()[1]!.textContent).toBe('brand');
    expect(methods.validate()).toBe(true);
    const settings = methods.getSettings();
    expect(names(settings)).toEqual(['edgeCollector', 'brand']);
    expect(
      (settings.instances as Array<Record<string, unknown>>).map((i) => i.productionDatastreamId),
    ).toEqual([STORE, BRAND]);
    tabs()[0]!.click();
    expect(field('productionDatastreamId').value).toBe(STORE);
    click('.ec-remove-instance');
    expect(names(methods.getSettings())).toEqual(['brand']);
    expect(document.querySelector<HTMLButtonElement>('.ec-remove-instance')!.disabled).toBe(true);
  });

  it('refuses a name that is not a JavaScript identifier, or that another instance has, beside the name', async () => {
    const { methods } = await loadView('configuration');
    methods.init({
      settings: {
        instances: [
          { name: 'store', productionDatastreamId: STORE },
          { name: 'brand', productionDatastreamId: BRAND },
        ],
      },
    });
    const [first, second] = [...document.querySelectorAll<HTMLFormElement>('.ec-instances > form')];
    tabs()[1]!.click();
    type(field('name'), '2nd brand');
    expect(methods.validate()).toBe(false);
    expect(errorIn(second!, 'name')).toMatch(/as a JavaScript variable name/);
    type(field('name'), 'store');
    expect(methods.validate()).toBe(false);
    expect(errorIn(first!, 'name')).toBe('Another instance is named "store": give each its own name.');
    expect(errorIn(second!, 'name')).toBe('Another instance is named "store": give each its own name.');
    // Validation shows the first instance with an error.
    expect(shown()).toBe(first);
    tabs()[1]!.click();
    type(field('name'), 'brand');
    expect(methods.validate()).toBe(true);
  });

  it('shows an error of the second instance on its field, and brings that instance to view', async () => {
    const { methods } = await loadView('configuration');
    methods.init({
      settings: {
        instances: [
          { name: 'store', productionDatastreamId: STORE },
          { name: 'brand', productionDatastreamId: 'not-a-uuid' },
        ],
      },
    });
    const [first, second] = [...document.querySelectorAll<HTMLFormElement>('.ec-instances > form')];
    expect(shown()).toBe(first);
    expect(methods.validate()).toBe(false);
    expect(shown()).toBe(second);
    expect(errorIn(second!, 'productionDatastreamId')).toMatch(/Enter a datastream ID/);
    expect(errorIn(first!, 'productionDatastreamId')).toBe('');
  });
});

describe('the instance an action runs on', () => {
  const configuration = {
    instances: [
      { name: 'store', productionDatastreamId: STORE },
      { name: 'brand', productionDatastreamId: BRAND },
    ],
  };
  const select = () => document.querySelector<HTMLSelectElement>('[data-field="instanceName"] select')!;

  it.each(['sendEvent', 'sendPageView', 'setConsent', 'streamRecord', 'instance'])(
    '%s offers the configured names, the first for a new item',
    async (name) => {
      const { methods } = await loadView(name);
      methods.init({ settings: null, extensionSettings: configuration });
      expect([...select().options].map((option) => option.value)).toEqual(['store', 'brand']);
      expect(select().value).toBe('store');
      select().value = 'brand';
      select().dispatchEvent(new Event('change', { bubbles: true }));
      expect(methods.getSettings().instanceName).toBe('brand');
    },
  );

  it('keeps an item saved before instances existed on the first instance', async () => {
    const { methods } = await loadView('sendEvent');
    methods.init({ settings: { eventType: 'x.y' }, extensionSettings: configuration });
    expect(methods.validate()).toBe(true);
    expect(methods.getSettings()).toMatchObject({ instanceName: 'store', eventType: 'x.y' });
  });

  it('flags a saved instance the configuration no longer has, until another is picked', async () => {
    const { methods } = await loadView('sendEvent');
    methods.init({ settings: { eventType: 'x.y', instanceName: 'gone' }, extensionSettings: configuration });
    expect(select().value).toBe('gone');
    expect(methods.validate()).toBe(false);
    expect(document.querySelector<HTMLElement>('[data-field="instanceName"] .ec-error')!.textContent).toMatch(
      /no instance "gone" any more; pick one of store, brand/,
    );
    select().value = 'brand';
    expect(methods.validate()).toBe(true);
  });

  it('offers edgeCollector for a configuration of the old one-instance shape', async () => {
    const { methods } = await loadView('sendEvent');
    methods.init({ settings: null, extensionSettings: { productionDatastreamId: STORE } });
    expect([...select().options].map((option) => option.value)).toEqual(['edgeCollector']);
  });
});
