import { isObject } from '../http/isObject';

/**
 * The key an event is deduplicated by: its `_id` as text. A numeric `_id` (invalid XDM, flagged by
 * the checks) is a key too, so that sending it twice stores it once.
 */
export function eventIdOf(xdm: unknown): string | undefined {
  const id = isObject(xdm) ? xdm._id : undefined;
  return typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? String(id) : undefined;
}
