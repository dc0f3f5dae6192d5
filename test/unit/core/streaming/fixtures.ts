/** Settings of a real-looking XDM inlet, shared by the streaming unit tests. */
export const INLET_ID = '667b41cf2dbf3509927da1ebf7e93c20afa727cc8d8373e51da18b62e1b985ec';
export const INLET_URL = `https://dcs.adobedc.net/collection/${INLET_ID}`;
export const FLOW_ID = 'f2ae0194-8bd8-4a40-a4d9-f07bdc3e6ce2';
export const SCHEMA_ID = 'https://ns.adobe.com/acme/schemas/7f682c29f887512a897791e7161b90a1ae7ed3dd07a177b1';
export const DATASET_ID = '604a18a3bae67d18db6d258c';

/** Options for an XDM profile record, with `overrides` on top. */
export function xdmOptions(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    inletUrl: INLET_URL,
    flowId: FLOW_ID,
    dataType: 'xdm',
    schemaRef: { id: SCHEMA_ID, contentType: 'application/vnd.adobe.xed-full-notext+json; version=1.0' },
    datasetId: DATASET_ID,
    record: {
      _id: 'http-source-connector-acme-01',
      person: { name: { firstName: 'suman', lastName: 'nolan' } },
    },
    ...overrides,
  };
}
