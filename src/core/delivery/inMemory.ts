import { soleOwnership, type Ownership } from './Ownership';
import { memoryStore, type QueueStore } from './QueueStore';

/**
 * The delivery's queue and ownership where there is no next page load to hand events to (Node,
 * tests): a store in memory that this one process owns entirely. The browser's are in
 * src/browser/delivery; keeping these out of the delivery's defaults keeps them out of its script.
 */
export function inMemory(): { store: QueueStore; ownership: Ownership } {
  return { store: memoryStore(), ownership: soleOwnership };
}
