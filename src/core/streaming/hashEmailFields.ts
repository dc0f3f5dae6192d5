import { isPlainObject, type PlainObject } from '../deepMerge';
import { EMAIL_NAMESPACE, type IdentityMap } from '../emailIdentityMap';
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

/** Removes the slots' values: object fields are deleted, array items taken out (last first, so indexes hold). */
function removeSlots(slots: FieldSlot[]): void {
  for (const slot of [...slots].reverse()) {
    if (Array.isArray(slot.holder)) slot.holder.splice(slot.key as number, 1);
    else delete slot.holder[slot.key];
  }
}

/** Adds digests to the record's `identityMap` under `Email_LC_SHA256`, the first one primary unless another identity is. */
function addEmailIdentities(record: PlainObject, digests: string[]): void {
  if (!digests.length) return;
  const map = (isPlainObject(record.identityMap) ? record.identityMap : {}) as IdentityMap;
  const hasPrimary = Object.values(map).some(
    (list) => Array.isArray(list) && list.some((identity) => identity?.primary === true),
  );
  const list = Array.isArray(map[EMAIL_NAMESPACE]) ? map[EMAIL_NAMESPACE] : [];
  for (const id of new Set(digests)) {
    if (list.some((identity) => identity?.id === id)) continue;
    list.push(hasPrimary || list.length ? { id } : { id, primary: true });
  }
  record.identityMap = { ...map, [EMAIL_NAMESPACE]: list };
}

/**
 * Hashes the e-mail addresses at the named dotted paths of a record into their `Email_LC_SHA256`
 * digests, exactly as the interact path hashes `email` (trimmed, lower-cased, SHA-256 hex).
 *
 * - `identityMap` (XDM records): the digests go into the record's `identityMap.Email_LC_SHA256`,
 *   and the named fields are removed: an XDM address field (`format: email`) may hold an address,
 *   never a digest.
 * - `inPlace` (raw records): each digest replaces its address, for the dataflow's mapping to place.
 *
 * A value that is not an address is removed rather than sent, with a warning that does not repeat
 * it. The record is copied, never changed in place.
 */
export async function hashEmailFields(
  record: PlainObject,
  paths: string[],
  mode: 'identityMap' | 'inPlace',
): Promise<{ value: PlainObject; warnings: string[] }> {
  // The record is about to be sent as JSON anyway, so a JSON copy loses nothing that would be sent.
  const value = JSON.parse(JSON.stringify(record)) as PlainObject;
  const warnings: string[] = [];
  const digests: string[] = [];
  for (const path of paths) {
    const slots = findSlots(value, path.split('.'), '');
    const removed: FieldSlot[] = [];
    for (const slot of slots) {
      const hashed = await hashEmail(slot.holder[slot.key]);
      if (hashed.digest) digests.push(hashed.digest);
      else warnings.push(`${slot.path}: ${hashed.warning}`);
      if (hashed.digest && mode === 'inPlace') slot.holder[slot.key] = hashed.digest;
      else removed.push(slot);
    }
    removeSlots(removed);
  }
  if (mode === 'identityMap') addEmailIdentities(value, digests);
  return { value, warnings };
}
