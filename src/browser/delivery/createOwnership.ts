import type { AdoptOwners } from '../../core/delivery/adoptByOwner';
import type { Ownership } from '../../core/delivery/Ownership';

/**
 * A page whose cross-tab code could not load (offline, blocked): it stores its own requests but
 * never adopts another page's, as it could not tell whether that page is gone: late, never twice.
 */
const alone: PageOwnership = {
  id: '',
  hold: async () => true,
  letGo() {},
  adoptLeftovers: () => new Promise(() => {}),
  releaseAll() {},
  // Without its recovery, a failed request is not tried again on this page: written, and kept for
  // the next; nothing is adopted (see adoptLeftovers) nor bounded.
  recovery: async () => (core) => ({
    retry: async (entry, _, error) => (core.save(entry), core.settle(entry, undefined, error, true)),
    take: async () => {},
    bound() {},
  }),
};

/** A page's ownership, plus what it lets go of as the page goes away. */
export interface PageOwnership extends Ownership {
  /** Lets go of every lease as the page goes away, so that the next page can adopt at once. */
  releaseAll(): void;
}

/** The ownership the tabs' code makes (tabOwnership.ts, leaseOwnership.ts), with what its adoption is made of. */
export interface TabOwnership extends PageOwnership {
  /** Waits for pages to be gone and holds their names meanwhile (see {@link AdoptOwners}). */
  adopt: AdoptOwners;
}

/** Makes the real ownership of a page (tabOwnership.ts: Web Locks, or leases without them). */
export type OwnershipFactory = (namespace: string, id: string) => PageOwnership | Promise<PageOwnership>;

/**
 * The ownership of a page, made by `create` only when first needed: when the page first stores a
 * request, or finds another page's leftovers. Under the delivery's persistence policy most pages
 * do neither, so the standalone script loads the cross-tab code (`edge-collector.tabs.min.js`)
 * only then. A request written meanwhile is on disk at once; only its lock follows.
 */
export function createOwnership(namespace: string, create: OwnershipFactory): PageOwnership {
  const id = Math.random().toString(36).slice(2);
  let made: Promise<PageOwnership> | undefined;
  const real = () => (made ??= Promise.resolve(create(namespace, id)).catch(() => alone));
  return {
    id,
    hold: () => real().then((own) => own.hold()),
    letGo: () => void (made && made.then((own) => own.letGo())),
    adoptLeftovers: (store, take) => real().then((own) => own.adoptLeftovers(store, take)),
    recovery: () => real().then((own) => own.recovery()),
    releaseAll: () => void (made && made.then((own) => own.releaseAll())),
  };
}
