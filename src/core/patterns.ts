// One source for the id shapes that the core, the Tags views, the manifest's settings schemas and
// the emulator all check (test/unit/tags/manifestPatterns.test.ts holds extension.json to them).

/** A UUID as Adobe prints its ids (dataflows, datastreams), any version, either case. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A datastream ID: a UUID, optionally with the `:environment` suffix that Data Collection > Datastreams shows. */
export const DATASTREAM_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(:[\w-]+)?$/i;

/** An IMS organization ID as Adobe issues it (Admin Console, Data Collection): 24 hex digits and `@AdobeOrg`. */
export const ORG_ID = /^[0-9A-F]{24}@AdobeOrg$/i;

/** An Experience Cloud ID (ECID) as the Edge Network and the Visitor API issue it: 38 digits. */
export const ECID = /^\d{38}$/;

/** A Tags setting that holds one or more `%data element%` tokens (Tags replaces them at run time). */
export const HAS_DATA_ELEMENT = /%[^%]+%/;

/**
 * The settings-schema pattern of a field that takes `shape` or any value with a data element token
 * in it, from the same source, so the manifest and the views can never disagree with the core.
 * JSON Schema patterns have no flags: the hex ranges of a case-insensitive shape are spelled out.
 */
export function orDataElement(shape: RegExp): string {
  const source = shape.flags.includes('i') ? shape.source.replace(/a-f/g, 'a-fA-F') : shape.source;
  return `^(${source.slice(1, -1)}|.*${HAS_DATA_ELEMENT.source}.*)$`;
}
