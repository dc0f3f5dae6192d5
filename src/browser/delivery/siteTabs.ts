import type { PageOwnership } from './createOwnership';
import type { QueueCode } from './localStorageStore';
import { readQueue } from './readQueue';
import { siteQueueBound } from './siteQueueBound';
import { tabOwnership } from './tabOwnership';

/** What the cross-tab code gives a page: its ownership, the queue's reading and the site's queue bounds. */
export interface PageTabs extends PageOwnership, QueueCode {}

/** Makes the cross-tab code of the page `id` (the standalone script: by loading its add-on). */
export type TabsFactory = (namespace: string, id: string) => Promise<PageTabs>;

/**
 * The cross-tab code of a page: its ownership (tabOwnership.ts), the reading of a stored queue
 * (readQueue.ts) and the site's queue bounds (siteQueueBound.ts), which report drops to other
 * pages through the ownership's names. What
 * `edge-collector.tabs.min.js` offers the standalone script, which loads it once a page keeps a
 * request or finds leftovers; the ES module and Tags call it directly.
 */
export const siteTabs: TabsFactory = async (namespace, id) => {
  const ownership = tabOwnership(namespace, id);
  return {
    ...ownership,
    all: () => readQueue(namespace),
    bound: siteQueueBound(namespace, id, ownership.adopt),
  };
};
