import type { InteractRequest } from '../InteractRequest';

/** One queued event: its request exactly as built, when it was queued (for oldest-first order), and the page that owns it. */
export interface QueueEntry {
  request: InteractRequest;
  at: number;
  /** The ownership id of the page sending it (see `Ownership`); absent in entries queued before owners existed. */
  owner?: string;
}

/**
 * Where queued requests live until answered for good. The browser keeps them in localStorage; a
 * server keeps them in memory.
 */
export interface QueueStore {
  all(): Promise<QueueEntry[]>;
  /** Writes an entry; the browser's store writes synchronously, before it returns (a page hide relies on it). */
  put(entry: QueueEntry): Promise<unknown>;
  del(requestId: string): Promise<unknown>;
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
