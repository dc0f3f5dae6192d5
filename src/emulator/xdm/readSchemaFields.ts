type Schema = Record<string, unknown>;

/**
 * The top-level field names a converted XDM schema defines: its own `properties`, and those of
 * every part of its `allOf`, whether a local `#/definitions/…` or another schema (a class takes its
 * `_id` and `timestamp` from the time-series behaviour this way).
 */
export function readSchemaFields(
  schema: Schema,
  schemaById: (id: string) => Schema | undefined,
  seen = new Set<Schema>(),
): Set<string> {
  const fields = new Set<string>();
  if (seen.has(schema)) return fields;
  seen.add(schema);
  const collect = (part: Schema) => {
    for (const name of Object.keys((part.properties as Schema | undefined) ?? {})) fields.add(name);
    for (const item of (part.allOf as Schema[] | undefined) ?? []) {
      const ref = item.$ref;
      if (typeof ref !== 'string') collect(item);
      else if (ref.startsWith('#/definitions/'))
        collect(((schema.definitions as Schema)?.[ref.slice(14)] as Schema | undefined) ?? {});
      else {
        const other = schemaById(ref);
        if (other) for (const name of readSchemaFields(other, schemaById, seen)) fields.add(name);
      }
    }
  };
  collect(schema);
  return fields;
}
