import type { InteractRequest } from '../InteractRequest';
import { boundQueue, isKept, sized } from './boundQueue';

/** One queued event: its request exactly as built, when it was queued (for oldest-first order), and the page that owns it. */
export interface QueueEntry {
  request: InteractRequest;
  at: number;
  /** The ownership id of the page sending it (see `Ownership`); absent in entries queued before owners existed. */
  owner?: string;
}

/** A request a page holds, as the queue bounds see it: written to the store, or in flight. */
export interface KeptEntry extends QueueEntry {
  stored?: boolean;
  inFlight?: unknown;
}

/**
 * Applies the queue bounds to what is kept: the store's entries and the page's own requests
 * waiting unstored (`own`: all the page holds, by request id, read when the bound runs), at most
 * `maxCount` entries and `maxBytes` characters of bodies, the oldest dropped first, never one of
 * `own` in flight. A dropped request of the page goes to `drop` (which settles its caller); one of
 * another page is reported to that page.
 */
export type BoundQueue = (
  own: Map<string, KeptEntry>,
  maxCount: number,
  maxBytes: number,
  drop: (requestId: string) => void,
) => unknown;

/**
 * Where queued requests live until answered for good. The browser keeps them in localStorage; a
 * server keeps them in memory.
 */
export interface QueueStore {
  all(): Promise<QueueEntry[]>;
  /** Writes an entry; the browser's store writes synchronously, before it returns (a page hide relies on it). */
  put(entry: QueueEntry): Promise<unknown>;
  /** Deletes an entry (as written: its request and `at`). */
  del(entry: QueueEntry): Promise<unknown>;
  /** Applies the queue bounds. */
  bound: BoundQueue;
}

/** A queue store in memory: the one Node uses, where there is no next page load to hand events to. */
export function memoryStore(): QueueStore {
  const entries = new Map<string, QueueEntry>();
  return {
    all: async () => [...entries.values()],
    put: async (entry) => entries.set(entry.request.requestId, entry),
    del: async ({ request }) => entries.delete(request.requestId),
    // One process, one page: the bounds are its own requests'.
    bound: (own, maxCount, maxBytes, drop) =>
      boundQueue(
        [...own.values()].filter(isKept).map(sized),
        maxCount,
        maxBytes,
        (entry) => !entry.inFlight,
      ).forEach((entry) => drop(entry.request.requestId)),
  };
}
