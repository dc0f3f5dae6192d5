import { describe, expect, it } from 'vitest';
import { findSettingsValidator } from '../../../views/shared/schemaErrors';
import { errorOf, input, loadView, type, VIEW_NAMES } from './loadView';
import { BARE_RAW_STREAM } from './filledSettings';

// One test per bug of issue 12 (B1–B8; B5, a style, is checked in Chromium: test/browser/turbine.test.ts).

describe('B1: a view refuses whatever the manifest schema refuses', () => {
  it.each(VIEW_NAMES)('%s finds the settings schema of its page', (name) => {
    expect(findSettingsValidator(`/views/${name}.html`)).toBeTypeOf('function');
  });

  // B1 (the schema's refusal) and issue 20's D8 (a query string would break the built URL).
  it.each([
    ['HTTPS://collect.example.com', /^Edge URL: this value is not accepted/],
    ['https://collect.example.com/?x=1', /Leave out the \? query/],
    ['https://collect.example.com/#top', /Leave out the \? query/],
  ])('configuration: the edge URL %s is flagged beside the field', async (url, message) => {
    const { methods } = await loadView('configuration');
    methods.init({ settings: { productionDatastreamId: '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b' } });
    type(input('edgeUrl'), url);
    expect(methods.validate()).toBe(false);
    expect(errorOf('edgeUrl')).toMatch(message);
    expect(errorOf('productionDatastreamId')).toBe('');
    type(input('edgeUrl'), 'https://collect.example.com/edge');
    expect(methods.validate()).toBe(true);
  });

  it('Stream record: an inlet URL with a #fragment is flagged beside the field', async () => {
    const { methods } = await loadView('streamRecord');
    methods.init({
      settings: {
        inletUrl: 'https://dcs.adobedc.net/collection/667b41cf#top',
        flowId: 'f2ae0194-8bd8-4a40-a4d9-f07bdc3e6ce2',
        dataType: 'raw',
      },
    });
    expect(methods.validate()).toBe(false);
    expect(errorOf('inletUrl')).toMatch(/^Inlet URL: this value is not accepted/);
  });
});

describe('B2: the data element picker replaces what was typed', () => {
  it('configuration: the picked token replaces the text in the field', async () => {
    const { methods } = await loadView('configuration', '%prod datastream%');
    methods.init({ settings: null });
    type(input('productionDatastreamId'), 'abc');
    document.querySelector<HTMLButtonElement>('[data-field="productionDatastreamId"] .ec-picker')!.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(input('productionDatastreamId').value).toBe('%prod datastream%');
  });
});

describe('B3: re-saving keeps what the runtime does for a missing setting', () => {
  it('Stream record saved without hashEmails (Reactor API) re-saves with hashing on', async () => {
    const { methods } = await loadView('streamRecord');
    methods.init({
      settings: { ...BARE_RAW_STREAM },
    });
    expect(methods.getSettings().hashEmails).toBe(true);
  });
});

describe('B4: an XDM stream needs its schema $id and dataset in the view, as in the schema', () => {
  it('flags both beside their fields; raw data does not need them', async () => {
    const { methods } = await loadView('streamRecord');
    const settings = { ...BARE_RAW_STREAM, dataType: 'xdm', record: { _id: 'p-1' } };
    methods.init({ settings });
    expect(methods.validate()).toBe(false);
    expect(errorOf('schemaId')).toBe('Schema $id is required here.');
    expect(errorOf('datasetId')).toBe('Dataset ID is required here.');
    expect(errorOf('dataType')).toBe('');
    methods.init({ settings: { ...settings, dataType: 'raw' } });
    expect(methods.validate()).toBe(true);
  });
});

describe('B6: an error goes away as soon as the field is fixed', () => {
  it('configuration: fixing the datastream ID clears its error without saving again', async () => {
    const { methods } = await loadView('configuration');
    methods.init({ settings: null });
    type(input('productionDatastreamId'), 'abc');
    expect(methods.validate()).toBe(false);
    expect(errorOf('productionDatastreamId')).toMatch(/Enter a datastream ID/);
    type(input('productionDatastreamId'), '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b');
    expect(errorOf('productionDatastreamId')).toBe('');
  });
});

describe('B7: Data and Record have placeholders of their own', () => {
  it.each([
    ['sendPageView', 'data'],
    ['sendEvent', 'data'],
    ['streamRecord', 'record'],
  ])('%s %s', async (view, field) => {
    await loadView(view);
    const placeholder = input(field).placeholder;
    expect(placeholder).not.toMatch(/webPageDetails|xdm data element/);
    expect(placeholder).toBeTruthy();
  });
});

describe('B8: identity rows come back as they were saved', () => {
  it('a row without authenticated state does not gain "ambiguous"', async () => {
    const { methods } = await loadView('identityMap');
    const saved = { identities: [{ namespace: 'CRMID', id: '%crm id%' }] };
    methods.init({ settings: saved });
    expect(methods.getSettings()).toEqual(saved);
  });
});
