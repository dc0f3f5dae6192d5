import { describe, expect, it } from 'vitest';
import { convertXdmSchema, xdmFieldPath } from '../../../../src/emulator/xdm/convertXdmSchema';

describe('xdmFieldPath (the XED naming of adobe/xdm)', () => {
  it.each([
    ['xdm:web', ['web']],
    ['@id', ['_id']],
    ['@type', ['_type']],
    ['dc:language', ['_dc', 'language']],
    ['repo:createDate', ['_repo', 'createDate']],
    [
      'https://ns.adobe.com/experience/analytics/custom-dimensions',
      ['_experience', 'analytics', 'customDimensions'],
    ],
    ['plain', ['plain']],
  ])('%s → %j', (name, path) => {
    expect(xdmFieldPath(name)).toEqual(path);
  });
});

describe('convertXdmSchema', () => {
  it('renames and nests properties and required names, and drops the JSON-LD @context part and meta keys', () => {
    const converted = convertXdmSchema({
      $id: 'https://ns.adobe.com/xdm/context/example',
      $schema: 'http://json-schema.org/draft-06/schema#',
      'meta:extensible': true,
      title: 'Example',
      description: 'dropped',
      definitions: {
        description: { properties: { 'xdm:name': { type: 'string', 'meta:titleId': 'x' } } },
      },
      properties: { 'dc:language': { type: 'string' }, '@id': { type: 'string', format: 'uri-reference' } },
      required: ['@id', 'xdm:timestamp'],
      allOf: [
        { $ref: 'https://ns.adobe.com/xdm/common/extensible#/definitions/@context' },
        { $ref: '#/definitions/description' },
        { $ref: 'https://ns.adobe.com/xdm/context/identitymap' },
      ],
    });
    expect(converted).toEqual({
      $id: 'https://ns.adobe.com/xdm/context/example',
      definitions: { description: { properties: { name: { type: 'string' } } } },
      properties: {
        _dc: { type: 'object', properties: { language: { type: 'string' } } },
        _id: { type: 'string', format: 'uri-reference' },
      },
      required: ['_id', 'timestamp'],
      allOf: [
        { $ref: '#/definitions/description' },
        { $ref: 'https://ns.adobe.com/xdm/context/identitymap' },
      ],
    });
  });
});
