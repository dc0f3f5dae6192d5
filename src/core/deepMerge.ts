/** A JSON-like object whose keys map to anything. */
export type PlainObject = Record<string, unknown>;

/** True for `{…}` objects (not arrays, dates, null, or class instances). */
export function isPlainObject(value: unknown): value is PlainObject {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Merges `override` into a copy of `base`, recursively for plain objects; arrays and other values
 * from `override` replace what `base` had. `undefined` in `override` leaves `base`'s value, and
 * `__proto__`-style keys are skipped so caller data can never reach a prototype.
 */
export function deepMerge<T extends PlainObject>(base: T, override: unknown): T {
  if (!isPlainObject(override)) return base;
  const result: PlainObject = { ...base };
  for (const key of Object.keys(override)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const value = override[key];
    if (value === undefined) continue;
    const current = result[key];
    result[key] = isPlainObject(value) && isPlainObject(current) ? deepMerge(current, value) : value;
  }
  return result as T;
}
