/** Path segments that reach an object's prototype instead of its own data. */
const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The first segment of a dotted path that would reach a prototype (`__proto__`, `constructor`,
 * `prototype`), or undefined when the path is safe to read and write. Every place that follows a
 * path given by a client checks it here first (see
 * https://github.com/advisories?query=prototype+pollution for what happens otherwise).
 */
export function unsafePathSegment(path: string): string | undefined {
  return path.split('.').find((segment) => UNSAFE.has(segment));
}
