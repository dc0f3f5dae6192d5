import { SCHEMA_CHECK_BOUNDS } from '../http/limits';

/** What the schema check reads of an entity, and how many arrays and objects it left a part of unread. */
export interface BoundedEntity {
  value: Record<string, unknown>;
  /** Arrays cut to their first `items` items, objects to their first `keys` keys. */
  cut: number;
}

/**
 * A projection of `entity` the schema check can afford: every array cut to its first
 * `bounds.items` items and every object to its first `bounds.keys` keys, at every depth (linear
 * in the entity's size; it is never changed). A body within the bounds, as every real event is,
 * comes back whole and is checked exactly.
 */
export function boundForSchemaCheck(
  entity: Record<string, unknown>,
  bounds: { items: number; keys: number } = SCHEMA_CHECK_BOUNDS,
): BoundedEntity {
  let cut = 0;
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      if (node.length > bounds.items) cut += 1;
      return node.slice(0, bounds.items).map(visit);
    }
    if (node === null || typeof node !== 'object') return node;
    const entries = Object.entries(node);
    if (entries.length > bounds.keys) cut += 1;
    return Object.fromEntries(entries.slice(0, bounds.keys).map(([key, item]) => [key, visit(item)]));
  };
  return { value: visit(entity) as Record<string, unknown>, cut };
}
