import type { Recover } from './DeliveryCore';
import type { QueueEntry, QueueStore } from './QueueStore';
import { recoverDelivery } from './recoverDelivery';

/**
 * Who may send what is queued, across the tabs of a site: each page owns the entries it queues
 * (one lock or lease per page, not one per event) and adopts the leftovers of pages that are gone.
 */
export interface Ownership {
  /** This page's owner id, written on every entry it stores. */
  id: string;
  /** Resolves once this page holds its ownership; its entries are stored only then, so no other page adopts them. */
  hold(): Promise<unknown>;
  /** Gives up this page's ownership: it owns nothing stored any more (keeps the page fit for the back/forward cache). */
  letGo(): void;
  /**
   * Hands `take` the entries of `store` that pages that are gone left (called only when some
   * other owner's entries are stored): those of every owner already gone in one call, those of a
   * page that closes later once it is gone, never a live page's; holding their names until what
   * `take` returns settles, so that no other page adopts the same leftovers (see adoptByOwner.ts).
   */
  adoptLeftovers(store: QueueStore, take: (entries: QueueEntry[]) => unknown): Promise<unknown>;
  /**
   * What only failures, leftovers and the queue bounds need (recoverDelivery.ts), asked for on a
   * first failure, stored request or found leftovers: the standalone script loads it with its
   * cross-tab code.
   */
  recovery(): Promise<Recover>;
}

/** The ownership of a page alone with its queue (Node, in memory): everything is its own. */
export const soleOwnership: Ownership = {
  id: 'this',
  hold: async () => true,
  letGo() {},
  adoptLeftovers: (store, take) =>
    store.all().then((entries) => take(entries.filter((entry) => entry.owner !== 'this'))),
  recovery: async () => recoverDelivery,
};
