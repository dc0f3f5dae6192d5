import type { QueueEntry, QueueStore } from '../../core/delivery/QueueStore';

/**
 * The queue in localStorage, one key per event (`{namespace}:q:{requestId}`) so that two tabs
 * writing at once never overwrite each other's events. Used where IndexedDB is missing or refused.
 */
export function localStorageStore(namespace: string): QueueStore {
  const prefix = `${namespace}:q:`;
  return {
    async all() {
      const entries: QueueEntry[] = [];
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        if (key && key.startsWith(prefix)) entries.push(JSON.parse(localStorage.getItem(key)!));
      }
      return entries;
    },
    put: async (entry) => localStorage.setItem(prefix + entry.request.requestId, JSON.stringify(entry)),
    del: async (id) => localStorage.removeItem(prefix + id),
  };
}
