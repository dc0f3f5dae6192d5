import { describe, expect, it } from 'vitest';
import { errorOf, input, loadView, type } from './loadView';

describe('Stream record view', () => {
  it('starts with XDM, hashing on and the usual e-mail fields, and needs an inlet URL and a dataflow ID', async () => {
    const { methods } = await loadView('streamRecord');
    methods.init({ settings: null });
    expect(methods.getSettings()).toEqual({
      instanceName: 'edgeCollector',
      dataType: 'xdm',
      pageView: false,
      emailFields: 'personalEmail.address, workEmail.address',
      hashEmails: true,
    });
    expect(methods.validate()).toBe(false);
  });

  it('checks the inlet URL shape, that the flow ID is a UUID and that the schema ID is a URI', async () => {
    const { methods } = await loadView('streamRecord');
    methods.init({ settings: null });
    type(input('inletUrl'), 'https://dcs.adobedc.net/ingest/abc');
    type(input('flowId'), 'flow-1');
    type(input('schemaId'), 'my schema');
    expect(methods.validate()).toBe(false);
    expect(errorOf('inletUrl')).toMatch(/inlet URL of the streaming connection/);
    expect(errorOf('flowId')).toMatch(/a UUID/);
    expect(errorOf('schemaId')).toMatch(/a URI/);
    type(input('inletUrl'), 'https://dcs.adobedc.net/collection/667b41cf');
    type(input('flowId'), 'f2ae0194-8bd8-4a40-a4d9-f07bdc3e6ce2');
    type(input('schemaId'), 'https://ns.adobe.com/acme/schemas/1');
    type(input('datasetId'), '604a18a3bae67d18db6d258c');
    type(input('record'), '{ "_id": "p-1" }');
    expect(methods.validate()).toBe(true);
  });

  it('accepts data elements in place of each value', async () => {
    const { methods } = await loadView('streamRecord');
    methods.init({ settings: null });
    type(input('inletUrl'), '%inlet url%');
    type(input('flowId'), '%flow%');
    type(input('schemaId'), '%schema%');
    type(input('datasetId'), '%dataset%');
    type(input('record'), '%record%');
    expect(methods.validate()).toBe(true);
  });
});
