import type { QueueEntry, QueueStore } from '../../core/delivery/QueueStore';
import { localStorageStore } from './localStorageStore';

/** A write (an entry) or a delete (an id) waiting for the batch's transaction, and who waits for it. */
type Pending = [entryOrId: QueueEntry | string, settle: (error?: unknown) => void];

/**
 * Opens the persistent queue of one datastream: the object store `q` of the IndexedDB database
 * named `namespace`, or localStorage where IndexedDB is missing or refuses to open (some private
 * modes, sandboxed frames). Writes and deletes issued in one task share one transaction, committed
 * in the order issued. A page hide spills not-yet-written events to localStorage, whose writes are
 * synchronous.
 */
export function openQueueStore(namespace: string): QueueStore {
  const fallback = localStorageStore(namespace);
  const database = new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(namespace);
    open.onupgradeneeded = () => open.result.createObjectStore('q', { keyPath: 'request.requestId' });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  }).catch(() => undefined);
  let batch: Pending[] = [];
  let committed: Promise<unknown> = database;

  /** Commits the batch in one transaction (or in localStorage); each waiter learns how it went. */
  const commit = (db: IDBDatabase | undefined, pending: Pending[]) =>
    new Promise<void>((done) => {
      const finish = (error?: unknown) => {
        for (const [, settle] of pending) settle(error);
        done();
      };
      if (!db) {
        for (const [item] of pending)
          void (typeof item === 'string' ? fallback.del(item) : fallback.put(item)).catch(() => undefined);
        return finish();
      }
      const transaction = db.transaction('q', 'readwrite');
      const store = transaction.objectStore('q');
      for (const [item] of pending) typeof item === 'string' ? store.delete(item) : store.put(item);
      transaction.oncomplete = () => finish();
      transaction.onerror = transaction.onabort = () => finish(transaction.error || 'aborted');
    });

  /** Queues one operation for this task's batch. */
  const enqueue = (item: QueueEntry | string) =>
    new Promise<void>((resolve, reject) => {
      if (!batch.length)
        committed = Promise.all([committed, database]).then(([, db]) => {
          const pending = batch;
          batch = [];
          return commit(db, pending);
        });
      batch.push([item, (error) => (error ? reject(error) : resolve())]);
    });

  return {
    async all() {
      // After what was issued before; and both places: what a page hide spilled joins IndexedDB's.
      const db = await committed.then(() => database);
      const stored: QueueEntry[] = db
        ? await new Promise((resolve, reject) => {
            const read = db.transaction('q').objectStore('q').getAll();
            read.onsuccess = () => resolve(read.result);
            read.onerror = () => reject(read.error);
          })
        : [];
      const byId = new Map<string, QueueEntry>();
      for (const entry of [...stored, ...(await fallback.all())]) byId.set(entry.request.requestId, entry);
      return [...byId.values()];
    },
    put: enqueue,
    // A spilled copy in localStorage goes too.
    del: (id) => enqueue(id).then(() => fallback.del(id)),
    spill(entries) {
      // localStorage writes synchronously; a quota error only means this copy is missing.
      for (const entry of entries) fallback.put(entry).catch(() => undefined);
    },
  };
}
