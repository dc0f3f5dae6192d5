import type { Mapping } from '../storage/createCatalog';
import { unsafePathSegment } from './unsafePathSegment';

// Own properties only: a record's path never reaches what objects inherit.
const readPath = (source: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (node, key) =>
        node !== null && typeof node === 'object' && Object.hasOwn(node, key)
          ? (node as Record<string, unknown>)[key]
          : undefined,
      source,
    );

const isSafePath = (path: string) => unsafePathSegment(path) === undefined && !path.split('.').includes('');

/**
 * Turns a raw record into XDM with a mapping set: each `sourceAttribute` (a dotted path in the
 * record) is copied to its `destinationXdmPath`. Attributes the record lacks are left out; the
 * returned list names them so the inspector can show them.
 */
export function applyMapping(
  record: unknown,
  mappings: Mapping[],
): { xdm: Record<string, unknown>; missing: string[] } {
  const xdm: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const { sourceAttribute, destinationXdmPath } of mappings) {
    // Mapping sets are checked when created; this also covers ones kept from older versions.
    if (!isSafePath(sourceAttribute) || !isSafePath(destinationXdmPath)) continue;
    const value = readPath(record, sourceAttribute);
    if (value === undefined) {
      missing.push(sourceAttribute);
      continue;
    }
    const keys = destinationXdmPath.split('.');
    let node = xdm;
    for (const key of keys.slice(0, -1)) {
      const next = Object.hasOwn(node, key) ? node[key] : undefined;
      node = (
        next !== null && typeof next === 'object' && !Array.isArray(next) ? next : (node[key] = {})
      ) as Record<string, unknown>;
    }
    node[keys[keys.length - 1]!] = value;
  }
  return { xdm, missing };
}
