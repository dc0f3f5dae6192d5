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

/** What a queue key says (see localStorageStore.ts): the request's id, and, in the current format, its age and size. */
export interface QueueKey {
  id: string;
  /** Absent in a key of earlier versions (`{namespace}:q:{requestId}`), whose entry holds them. */
  at?: number;
  size?: number;
}

/**
 * The reader of the queue keys of `namespace`, in both formats:
 * `{namespace}:q2:{requestId} {at} {size}` and, of earlier versions, `{namespace}:q:{requestId}`;
 * `undefined` for any other key.
 */
export function queueKeyReader(namespace: string): (key: string) => QueueKey | undefined {
  const stored = `${namespace}:q2:`;
  const earlier = `${namespace}:q:`;
  return (key) => {
    if (key.startsWith(earlier)) return { id: key.slice(earlier.length) };
    if (!key.startsWith(stored)) return undefined;
    const [id, at, size] = key.slice(stored.length).split(' ');
    return { id: id!, at: +at!, size: +size! };
  };
}

/**
 * Reads the queue of `namespace` in localStorage (see localStorageStore.ts), in both formats (see
 * {@link queueKeyReader}). An entry that cannot be read (not JSON, `null`, no request of its key's
 * id, no body) is deleted as it is read: it could never be sent, and must not stop the others
 * (adoption, an opt-out). Part of the tabs add-on (siteTabs.ts): the standalone script loads it
 * only when a queue is stored.
 */
export async function readQueue(namespace: string): Promise<QueueEntry[]> {
  const readKey = queueKeyReader(namespace);
  return Object.keys(localStorage).flatMap((key) => {
    const queued = readKey(key);
    if (!queued) return [];
    const entry = readEntry(localStorage.getItem(key)!);
    const request = entry && entry.request;
    if (request && request.requestId === queued.id && typeof request.body == 'string') return [entry];
    localStorage.removeItem(key);
    return [];
  });
}
