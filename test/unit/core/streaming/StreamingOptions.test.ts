import { describe, expect, it } from 'vitest';
import { EdgeCollectorError } from '../../../../src/core/EdgeCollectorError';
import {
  DEFAULT_SCHEMA_CONTENT_TYPE,
  resolveStreamingOptions,
} from '../../../../src/core/streaming/StreamingOptions';
import { FLOW_ID, INLET_ID, INLET_URL, SCHEMA_ID, xdmOptions } from './fixtures';

function errorOf(options: unknown): EdgeCollectorError {
  try {
    resolveStreamingOptions(options);
  } catch (error) {
    expect(error).toBeInstanceOf(EdgeCollectorError);
    expect((error as EdgeCollectorError).code).toBe('invalid-options');
    return error as EdgeCollectorError;
  }
  throw new Error('expected an invalid-options error');
}

describe('resolveStreamingOptions', () => {
  it('accepts the seed settings and fills in the defaults', () => {
    const resolved = resolveStreamingOptions(
      xdmOptions({ schemaRef: { id: SCHEMA_ID }, dataType: undefined }),
    );
    expect(resolved).toMatchObject({
      inletUrl: INLET_URL,
      flowId: FLOW_ID,
      dataType: 'xdm',
      schemaRef: { id: SCHEMA_ID, contentType: DEFAULT_SCHEMA_CONTENT_TYPE },
      emailFields: [],
      hashEmails: true,
    });
  });

  it('builds the inlet URL from an inlet id and a collection host', () => {
    expect(resolveStreamingOptions(xdmOptions({ inletUrl: undefined, inletId: INLET_ID })).inletUrl).toBe(
      INLET_URL,
    );
    expect(
      resolveStreamingOptions(
        xdmOptions({ inletUrl: undefined, inletId: 'abc', collectionHost: 'http://127.0.0.1:4000/' }),
      ).inletUrl,
    ).toBe('http://127.0.0.1:4000/collection/abc');
  });

  it('keeps a query such as ?syncValidation=true on the inlet URL', () => {
    expect(
      resolveStreamingOptions(xdmOptions({ inletUrl: `${INLET_URL}?syncValidation=true` })).inletUrl,
    ).toBe(`${INLET_URL}?syncValidation=true`);
  });

  it('needs no schema or dataset for a raw record', () => {
    const resolved = resolveStreamingOptions({
      inletUrl: INLET_URL,
      flowId: FLOW_ID,
      dataType: 'raw',
      record: { name: 'Johnson Smith' },
    });
    expect(resolved.schemaRef).toBeUndefined();
    expect(resolved.datasetId).toBeUndefined();
  });

  it.each([
    ['not an object', 'inlet', /takes an options object/],
    ['no inlet', xdmOptions({ inletUrl: undefined }), /needs an inletUrl/],
    [
      'an inlet URL without /collection/',
      xdmOptions({ inletUrl: 'https://dcs.adobedc.net/ingest/abc' }),
      /is not an inlet URL/,
    ],
    [
      'an inlet URL that is not http',
      xdmOptions({ inletUrl: `ftp://dcs.adobedc.net/collection/${INLET_ID}` }),
      /is not an inlet URL/,
    ],
    ['an inlet id with a slash', xdmOptions({ inletUrl: undefined, inletId: 'a/b' }), /is not an inlet id/],
    [
      'a record that contains itself',
      (() => {
        const record: Record<string, unknown> = { _id: 'p1' };
        record.self = { record };
        return xdmOptions({ record });
      })(),
      /^streamRecord: record contains a circular reference$/,
    ],
    [
      'a record with a BigInt',
      xdmOptions({ record: { n: BigInt(1) } }),
      /record cannot be sent as JSON: .*BigInt/,
    ],
    [
      'a bad collection host',
      xdmOptions({ inletUrl: undefined, inletId: 'abc', collectionHost: 'dcs.adobedc.net' }),
      /collectionHost/,
    ],
    ['no flow id', xdmOptions({ flowId: undefined }), /flowId "undefined" is not a dataflow id/],
    ['a flow id that is not a UUID', xdmOptions({ flowId: 'flow-1' }), /expected a UUID/],
    ['an unknown data type', xdmOptions({ dataType: 'json' }), /dataType "json" is neither "xdm" nor "raw"/],
    ['no schemaRef for xdm', xdmOptions({ schemaRef: undefined }), /needs schemaRef/],
    [
      'a schema id that is not a URI',
      xdmOptions({ schemaRef: { id: 'my schema' } }),
      /schemaRef.id "my schema" is not a URI/,
    ],
    [
      'a content type that is not JSON',
      xdmOptions({ schemaRef: { id: SCHEMA_ID, contentType: 'text/plain' } }),
      /contentType/,
    ],
    ['no dataset id for xdm', xdmOptions({ datasetId: undefined }), /datasetId "undefined"/],
    ['a record that is not an object', xdmOptions({ record: ['a'] }), /record must be an object/],
    ['no record', xdmOptions({ record: undefined }), /needs a record/],
    [
      'email fields that are not paths',
      xdmOptions({ emailFields: 'personalEmail.address' }),
      /emailFields is a list/,
    ],
    ['an empty email field path', xdmOptions({ emailFields: ['a..b'] }), /emailFields is a list/],
    ['hashEmails not a boolean', xdmOptions({ hashEmails: 'yes' }), /hashEmails is true or false/],
    [
      'a page view on a raw inlet',
      { inletUrl: INLET_URL, flowId: FLOW_ID, dataType: 'raw', pageView: true },
      /pageView needs dataType "xdm"/,
    ],
    ['an empty access token', xdmOptions({ accessToken: ' ' }), /accessToken/],
  ])('refuses %s with a message that says what to fix', (_, options, message) => {
    expect(errorOf(options).message).toMatch(message);
  });
});
