import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSENT_STATES } from '../../../src/core/delivery/ConsentState';
import { DATASTREAM_ID, orDataElement, UUID } from '../../../src/core/patterns';

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../../../extension.json'), 'utf8'));
// Each instance's settings (the old one-instance shape validates against the same definition).
const configuration = manifest.configuration.schema.definitions.instance.properties;
const setConsent = manifest.actions.find((action: { name: string }) => action.name === 'set-consent').schema
  .properties;
const streamRecord = manifest.actions.find((action: { name: string }) => action.name === 'stream-record')
  .schema.properties;

describe("the manifest's id patterns are the core's", () => {
  it.each(['productionDatastreamId', 'stagingDatastreamId', 'developmentDatastreamId'])(
    'configuration %s: a datastream ID or a data element',
    (key) => expect(configuration[key].pattern).toBe(orDataElement(DATASTREAM_ID)),
  );

  it('Stream record flowId: a UUID or a data element', () => {
    expect(streamRecord.flowId.pattern).toBe(orDataElement(UUID));
  });

  it('the derived pattern still means what the core means', () => {
    const pattern = new RegExp(orDataElement(DATASTREAM_ID));
    expect(pattern.test('2F6C9B0E-3c1d-4e5f-8a7b-9c0d1e2f3a4b:dev')).toBe(true);
    expect(pattern.test('%datastream%')).toBe(true);
    expect(pattern.test('not-a-datastream')).toBe(false);
  });
});

describe("the manifest's consent values are the core's", () => {
  it('configuration defaultConsent: the consent states or a data element', () => {
    expect(configuration.defaultConsent.anyOf[0].enum).toEqual(CONSENT_STATES);
  });

  it('Set consent value: the consent states, the standards, or a data element', () => {
    expect(setConsent.value.anyOf[0].enum).toEqual([...CONSENT_STATES, 'standards']);
  });
});
