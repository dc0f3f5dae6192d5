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
   * Resolves once `owner` is gone (at once for a closed page, later for one that closes later,
   * never for a live one), holding its name so no other page adopts the same leftovers until
   * `done` is called.
   */
  adopt(owner: string): Promise<() => void>;
}

/** The ownership of a page alone with its queue (Node, in memory): everything is its own. */
export const soleOwnership: Ownership = {
  id: 'this',
  hold: async () => true,
  letGo() {},
  adopt: async () => () => undefined,
};
