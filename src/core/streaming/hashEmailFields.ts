import { isPlainObject, type PlainObject } from '../deepMerge';
import { hashEmail } from '../hashEmail';

/** One place a named field was found: the object or array holding it, and its key there. */
interface FieldSlot {
  holder: Record<string | number, unknown>;
  key: string | number;
  path: string;
}

/** Finds every value at a dotted path; an array met on the way is walked element by element. */
function findSlots(node: unknown, segments: string[], path: string): FieldSlot[] {
  if (Array.isArray(node))
    return node.flatMap((item, index) => findSlots(item, segments, `${path}[${index}]`));
  const [head, ...rest] = segments;
  if (
    !isPlainObject(node) ||
    head === undefined ||
    head === '__proto__' ||
    !Object.prototype.hasOwnProperty.call(node, head)
  )
    return [];
  const at = path ? `${path}.${head}` : head;
  if (rest.length) return findSlots(node[head], rest, at);
  const value = node[head];
  if (Array.isArray(value))
    return value.map((_, index) => ({
      holder: value as unknown as FieldSlot['holder'],
      key: index,
      path: `${at}[${index}]`,
    }));
  return [{ holder: node, key: head, path: at }];
}

/**
 * Replaces the e-mail addresses at the named dotted paths of a record by their `Email_LC_SHA256`
 * digests, hashed exactly as the interact path hashes `email` (trimmed, lower-cased, SHA-256 hex).
 * A value that is not an address is removed rather than sent, with a warning that does not repeat
 * it. The record is copied, never changed in place.
 */
export async function hashEmailFields(
  record: PlainObject,
  paths: string[],
): Promise<{ value: PlainObject; warnings: string[] }> {
  // The record is about to be sent as JSON anyway, so a JSON copy loses nothing that would be sent.
  const value = JSON.parse(JSON.stringify(record)) as PlainObject;
  const warnings: string[] = [];
  for (const path of paths) {
    for (const slot of findSlots(value, path.split('.'), '')) {
      const hashed = await hashEmail(slot.holder[slot.key]);
      if (hashed.digest) {
        slot.holder[slot.key] = hashed.digest;
      } else {
        if (Array.isArray(slot.holder)) slot.holder[slot.key as number] = null;
        else delete slot.holder[slot.key];
        warnings.push(`${slot.path}: ${hashed.warning}`);
      }
    }
  }
  return { value, warnings };
}
