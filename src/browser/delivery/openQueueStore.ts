import type { QueueEntry, QueueStore } from '../../core/delivery/QueueStore';
import { localStorageStore } from './localStorageStore';

/**
 * Opens the persistent queue of one datastream: the object store `q` of the IndexedDB database
 * named `namespace`, or localStorage where IndexedDB is missing or refuses to open (some private
 * modes, sandboxed frames). A page hide spills not-yet-written events to localStorage, whose
 * writes are synchronous.
 */
export function openQueueStore(namespace: string): QueueStore {
  const fallback = localStorageStore(namespace);
  const database = new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(namespace);
    open.onupgradeneeded = () => open.result.createObjectStore('q', { keyPath: 'request.requestId' });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  }).catch(() => undefined);
  const run = <T>(
    mode: IDBTransactionMode,
    operation: (store: IDBObjectStore) => IDBRequest,
    otherwise: () => Promise<T>,
  ) =>
    database.then((db) =>
      db
        ? new Promise<T>((resolve, reject) => {
            const transaction = db.transaction('q', mode);
            const request = operation(transaction.objectStore('q'));
            transaction.oncomplete = () => resolve(request.result);
            transaction.onerror = transaction.onabort = () => reject(transaction.error);
          })
        : otherwise(),
    );
  return {
    async all() {
      // Both places: what a page hide spilled to localStorage joins what IndexedDB holds.
      const byId = new Map<string, QueueEntry>();
      for (const entry of [
        ...(await run(
          'readonly',
          (store) => store.getAll(),
          async () => [],
        )),
        ...(await fallback.all()),
      ]) {
        byId.set(entry.request.requestId, entry);
      }
      return [...byId.values()];
    },
    put: (entry) =>
      run(
        'readwrite',
        (store) => store.put(entry),
        () => fallback.put(entry),
      ),
    del: (id) =>
      run(
        'readwrite',
        (store) => store.delete(id),
        async () => undefined,
      ).then(() => fallback.del(id)),
    spill(entries) {
      // localStorage writes synchronously; a quota error only means this copy is missing.
      for (const entry of entries) fallback.put(entry).catch(() => undefined);
    },
  };
}
