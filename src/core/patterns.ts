// One source for the id shapes that the core, the Tags views, the manifest's settings schemas and
// the emulator all check. No flags: JSON Schema patterns have none, so extension.json can use the
// same sources (test/unit/tags/manifestPatterns.test.ts holds them equal).

/** A UUID as Adobe prints its ids (dataflows, datastreams), any version, either case. */
export const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** A datastream ID: a UUID, optionally with the `:environment` suffix that Data Collection > Datastreams shows. */
export const DATASTREAM_ID =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(:[\w-]+)?$/;

/** A Tags setting that holds one or more `%data element%` tokens (Tags replaces them at run time). */
export const HAS_DATA_ELEMENT = /%[^%]+%/;

/**
 * The settings-schema pattern of a field that takes `shape` or any value with a data element token
 * in it: the same source, so the manifest and the views can never disagree with the core.
 */
export function orDataElement(shape: RegExp): string {
  return `^(${shape.source.slice(1, -1)}|.*${HAS_DATA_ELEMENT.source}.*)$`;
}
