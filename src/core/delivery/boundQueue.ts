import type { QueueEntry } from './QueueStore';

/** Oldest first: the order entries are sent, adopted and dropped in. */
export const byAge = (a: QueueEntry, b: QueueEntry): number => a.at - b.at;

/** The size of an entry as the queue bounds count it: the characters of its request body. */
export const entrySize = (entry: QueueEntry): number => entry.request.body.length;

/**
 * Returns the entries to drop so that at most `maxCount` entries and `maxBytes` of bodies remain:
 * the oldest ones, since the newest events are the ones a visitor's journey is least complete without.
 */
export function boundQueue<T extends QueueEntry>(entries: T[], maxCount: number, maxBytes: number): T[] {
  const oldestFirst = [...entries].sort(byAge);
  let count = oldestFirst.length;
  let bytes = oldestFirst.reduce((sum, entry) => sum + entrySize(entry), 0);
  const dropped: T[] = [];
  for (const entry of oldestFirst) {
    if (count <= maxCount && bytes <= maxBytes) break;
    dropped.push(entry);
    count--;
    bytes -= entrySize(entry);
  }
  return dropped;
}
