import type { BoundQueue, QueueEntry, QueueStore } from '../../core/delivery/QueueStore';

/** What the store takes from the cross-tab code (siteTabs.ts): reading the queue, and its bounds. */
export interface QueueCode {
  all(): Promise<QueueEntry[]>;
  bound: BoundQueue;
}

/**
 * The persistent queue of one datastream, in localStorage: one key per request, so that two tabs
 * writing at once never overwrite each other's. A request is stored under
 * `{namespace}:q2:{requestId} {at} {size}` as `{header}\n{body}`, the entry's JSON without its body
 * and then the body as is: stored once, not escaped inside JSON; its age and size are in its key,
 * so that the site's queue bounds (siteQueueBound.ts) list the queue without reading it. Entries of
 * earlier versions (`{namespace}:q:{requestId}`, the body inside JSON) are read too, and written
 * anew when adopted; scripts of earlier versions, in tabs still open, never see the new ones.
 *
 * Writing and deleting are here; reading and bounding the queue are the cross-tab code's (`code`,
 * readQueue.ts and siteQueueBound.ts), which the standalone script loads only when a queue is
 * stored or the page keeps a request (a page whose sends are answered never does).
 *
 * localStorage rather than IndexedDB: its writes are synchronous and cheap (an IndexedDB write and
 * delete per send cost more main-thread time than the `fetch` itself: docs/performance.md), so a
 * request is on disk before it leaves, and a page closing right after a send loses nothing.
 */
export function localStorageStore(namespace: string, code: () => Promise<QueueCode>): QueueStore {
  const queue = `${namespace}:q`;
  /** An entry's key: its request's id, and its age and size for the bounds. */
  const keyOf = ({ request, at }: QueueEntry) =>
    `${queue}2:${request.requestId} ${at} ${request.body.length}`;
  /** Deletes the key an entry had in earlier versions (once adopted, it is written anew). */
  const forget = (entry: QueueEntry) => localStorage.removeItem(`${queue}:${entry.request.requestId}`);
  return {
    all: async () =>
      Object.keys(localStorage).some((key) => key.startsWith(queue)) ? (await code()).all() : [],
    // Synchronous inside: the entry is written when `put` returns (a quota error rejects).
    put: async (entry) => {
      const { body } = entry.request;
      localStorage.setItem(
        keyOf(entry),
        `${JSON.stringify({ ...entry, request: { ...entry.request, body: undefined } })}\n${body}`,
      );
      forget(entry);
    },
    del: async (entry) => {
      localStorage.removeItem(keyOf(entry));
      forget(entry);
    },
    // Called by the delivery's recovery only, which comes with the cross-tab code: loaded by then.
    bound: (...bounds) => void code().then((loaded) => loaded.bound(...bounds)),
  };
}
