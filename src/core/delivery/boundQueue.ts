import type { KeptEntry, QueueEntry } from './QueueStore';

/** Oldest first: the order entries are sent, adopted and dropped in. */
export const byAge = (a: { at: number }, b: { at: number }): number => a.at - b.at;

/** What the queue bounds count of an entry: when it was queued, and the characters of its body. */
export interface Sized {
  at: number;
  size: number;
}

/** An entry with its size as the queue bounds count it: the characters of its request body. */
export const sized = <T extends QueueEntry>(entry: T): T & Sized => ({
  ...entry,
  size: entry.request.body.length,
});

/**
 * True when a page's request counts in the queue bounds: written to the store, or waiting unsent
 * in memory (consent pending, storage refused); not one in flight that was never written, which
 * the browser holds, not the queue.
 */
export const isKept = (entry: KeptEntry): unknown => entry.stored || !entry.inFlight;

/**
 * Returns the entries to drop so that at most `maxCount` entries and `maxBytes` of bodies remain:
 * the oldest ones for which `droppable` is true (the newest events are the ones a visitor's
 * journey is least complete without). Linear within the bounds: entries are sorted only when over.
 */
export function boundQueue<T extends Sized>(
  entries: T[],
  maxCount: number,
  maxBytes: number,
  droppable: (entry: T) => unknown,
): T[] {
  let count = entries.length;
  let bytes = entries.reduce((sum, entry) => sum + entry.size, 0);
  const dropped: T[] = [];
  if (count > maxCount || bytes > maxBytes)
    for (const entry of [...entries].sort(byAge)) {
      if (count <= maxCount && bytes <= maxBytes) break;
      if (!droppable(entry)) continue;
      dropped.push(entry);
      count--;
      bytes -= entry.size;
    }
  return dropped;
}
