import type { QueueEntry } from '../../core/delivery/QueueStore';
import { parseJson } from '../../core/parseJson';

/**
 * Reads a stored entry: `{header}\n{body}`, the entry's JSON without its body and then the body
 * as is (JSON never holds a raw line break, so the first one ends the header), or an entry of
 * earlier versions, whose body is escaped inside the entry's JSON. `undefined` when unreadable.
 */
export function readEntry(text: string): QueueEntry | undefined {
  const cut = text.indexOf('\n');
  // Without a line break (-1, read unsigned: past the end), the whole text.
  const entry = parseJson(text.slice(0, cut >>> 0)) as QueueEntry | undefined;
  if (entry && entry.request && cut > 0) entry.request.body = text.slice(cut + 1);
  return entry;
}

/**
 * Reads the queue of `namespace` in localStorage (see localStorageStore.ts), in both formats:
 * `{namespace}:q2:{requestId} {at} {size}` and, of earlier versions, `{namespace}:q:{requestId}`.
 * An entry that cannot be read (not JSON, `null`, no request of its key's id, no body) is deleted
 * as it is read: it could never be sent, and must not stop the others (adoption, an opt-out).
 * Part of the tabs add-on (siteTabs.ts): the standalone script loads it only when a queue is stored.
 */
export async function readQueue(namespace: string): Promise<QueueEntry[]> {
  const stored = `${namespace}:q2:`;
  const earlier = `${namespace}:q:`;
  return Object.keys(localStorage).flatMap((key) => {
    const prefix = [stored, earlier].find((start) => key.startsWith(start));
    if (!prefix) return [];
    const entry = readEntry(localStorage.getItem(key)!);
    const request = entry && entry.request;
    if (
      request &&
      request.requestId === key.slice(prefix.length).split(' ')[0] &&
      typeof request.body == 'string'
    )
      return [entry];
    localStorage.removeItem(key);
    return [];
  });
}
