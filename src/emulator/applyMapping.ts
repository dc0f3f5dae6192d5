import type { Mapping } from './createCatalog';

const readPath = (source: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (node, key) =>
        node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined,
      source,
    );

/** Guards against paths that would reach object prototypes. */
const SAFE_KEY = (key: string) =>
  key !== '__proto__' && key !== 'constructor' && key !== 'prototype' && key !== '';

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
    const value = readPath(record, sourceAttribute);
    if (value === undefined) {
      missing.push(sourceAttribute);
      continue;
    }
    const keys = destinationXdmPath.split('.');
    if (!keys.every(SAFE_KEY)) continue;
    let node = xdm;
    for (const key of keys.slice(0, -1)) {
      const next = node[key];
      node = (
        next !== null && typeof next === 'object' && !Array.isArray(next) ? next : (node[key] = {})
      ) as Record<string, unknown>;
    }
    node[keys[keys.length - 1]!] = value;
  }
  return { xdm, missing };
}
