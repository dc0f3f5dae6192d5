import { parseJson } from '../../core/parseJson';
import type { QueueEntry, QueueStore } from '../../core/delivery/QueueStore';

/**
 * The persistent queue of one datastream, in localStorage: one key per request
 * (`{namespace}:q:{requestId}`), so that two tabs writing at once never overwrite each other's.
 * localStorage rather than IndexedDB: its writes are synchronous and cheap (an IndexedDB write and
 * delete per send cost more main-thread time than the `fetch` itself: docs/performance.md), so a
 * request is on disk before it leaves, and a page closing right after a send loses nothing. The
 * queue's bounds (`maxQueueSize`, `maxQueueBytes`) keep it far below the storage quota. An entry
 * that cannot be read (not JSON, `null`, no request of that id or no body) is deleted as it is
 * read: it could never be sent, and must not stop the others.
 */
export function localStorageStore(namespace: string): QueueStore {
  const prefix = `${namespace}:q:`;
  return {
    all: async () =>
      Object.keys(localStorage).flatMap((key) => {
        if (!key.startsWith(prefix)) return [];
        const entry = parseJson(localStorage.getItem(key)!) as QueueEntry | undefined;
        const request = entry && entry.request;
        if (request && request.requestId === key.slice(prefix.length) && typeof request.body == 'string')
          return [entry];
        localStorage.removeItem(key);
        return [];
      }),
    // Synchronous inside: the entry is written when `put` returns (a quota error rejects).
    put: async (entry) => localStorage.setItem(prefix + entry.request.requestId, JSON.stringify(entry)),
    del: async (id) => localStorage.removeItem(prefix + id),
  };
}
