import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/** The vendored OpenAPI document (test/fixtures/edge-network-api/README.md). */
export const SPEC_FILE = new URL('../fixtures/edge-network-api/edge-network-api.yaml', import.meta.url);

type Schema = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The spec's known defects, patched here and nowhere else (see the fixture's README): consent
 * entries require `standard`, not `type`; the base consent `value` is not forced to be an object
 * (an IAB TCF value is a string); `event.data` is free-form.
 */
function patchKnownDefects(schemas: Record<string, Schema>): void {
  const standard = schemas.ConsentStandard!;
  standard.required = ['standard', 'version', 'value'];
  delete standard.properties.value.type;
  for (const name of ['SingleEvent', 'BatchV1Event', 'BatchV2Event'])
    schemas[name]!.properties.data = { type: 'object' };
}

/** Reads the spec, patches it, and registers its components with ajv under `spec#/components/schemas/…`. */
function loadSpec(): Ajv {
  const document = parse(readFileSync(SPEC_FILE, 'utf8')) as Schema;
  patchKnownDefects(document.components.schemas);
  // OpenAPI 3.0 keywords that JSON Schema lacks (`example`, `discriminator`) are documentation here.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'spec', components: document.components });
  return ajv;
}

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

/** The spec's paths and operations, as published (for tests that check status codes or parameters). */
export function readSpec(): Schema {
  return parse(readFileSync(SPEC_FILE, 'utf8')) as Schema;
}

/**
 * Validates `value` against one of the spec's component schemas (`SingleEventRequest`,
 * `ConsentReplaceRequest`, `InteractResponse`, …); returns the violations, empty when it conforms.
 */
export function specViolations(schemaName: string, value: unknown): ErrorObject[] {
  ajv = ajv || loadSpec();
  let validate = compiled.get(schemaName);
  if (!validate) {
    validate = ajv.getSchema(`spec#/components/schemas/${schemaName}`);
    if (!validate) throw new Error(`the Edge Network spec has no schema ${schemaName}`);
    compiled.set(schemaName, validate);
  }
  return validate(value) ? [] : [...(validate.errors || [])];
}
