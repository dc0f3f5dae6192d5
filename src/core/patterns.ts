// One source for the id shapes that the core, the Tags views and the emulator all check.

/** A UUID as Adobe prints its ids (dataflows, datastreams), any version, either case. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A datastream ID: a UUID, optionally with the `:environment` suffix that Data Collection > Datastreams shows. */
export const DATASTREAM_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(:[\w-]+)?$/i;
