import type { InteractRequest } from '../InteractRequest';
import type { Ownership } from './Ownership';

/** One queued event: its request exactly as built, when it was queued (for oldest-first order), and the page that owns it. */
export interface QueueEntry {
  request: InteractRequest;
  at: number;
  /** The {@link Ownership} id of the page sending it; absent in entries queued before owners existed. */
  owner?: string;
}

/**
 * Where queued events live until the Edge Network accepts them. The browser keeps them in
 * IndexedDB (or localStorage); a server keeps them in memory.
 */
export interface QueueStore {
  all(): Promise<QueueEntry[]>;
  /** Writes an entry; writes and deletes issued in one task may share one transaction, and run in order. */
  put(entry: QueueEntry): Promise<unknown>;
  del(requestId: string): Promise<unknown>;
  /** Writes entries at once, synchronously: the page is going away before an asynchronous write could finish. */
  spill?(entries: QueueEntry[]): void;
}

/** A queue store in memory: the one Node uses, where there is no next page load to hand events to. */
export function memoryStore(): QueueStore {
  const entries = new Map<string, QueueEntry>();
  return {
    all: async () => [...entries.values()],
    put: async (entry) => entries.set(entry.request.requestId, entry),
    del: async (id) => entries.delete(id),
  };
}
