import type { AdoptOwners } from '../../core/delivery/adoptByOwner';
import type { Ownership } from '../../core/delivery/Ownership';
import { noop } from '../../core/noop';

/**
 * A page whose cross-tab code could not load (offline, blocked): it stores its own requests (under
 * its Web Lock where the browser has them) but never adopts another page's, as it could not tell
 * whether that page is gone: late, never twice.
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

/** The Web Lock a page holds while it has requests stored; other pages adopt by it (tabOwnership.ts). */
export const ownerLock = (namespace: string, owner: string) => `${namespace}:owner:${owner}`;

/** Makes the real ownership of a page (tabOwnership.ts: Web Locks, or leases without them). */
export type OwnershipFactory = (namespace: string, id: string) => PageOwnership | Promise<PageOwnership>;

/**
 * The ownership of a page, made by `create` only when first needed: when the page first stores a
 * request, or finds another page's leftovers. Under the delivery's persistence policy most pages
 * do neither, so the standalone script loads the cross-tab code (`edge-collector.tabs.min.js`)
 * only then. The page's own Web Lock is asked for here, in the task of its first write and before
 * it, not by that code once loaded: a request written meanwhile, or on a page that cannot load it
 * (offline), would be another page's to adopt while this page still sends it, and go twice.
 * Without Web Locks, the leases of that code hold it.
 */
export function createOwnership(namespace: string, create: OwnershipFactory): PageOwnership {
  const id = Math.random().toString(36).slice(2);
  const locks = navigator.locks;
  let made: Promise<PageOwnership> | undefined;
  // This page's lock while held or asked for, resolving to its release once granted.
  let holding: Promise<() => void> | undefined;
  const real = () => (made ??= Promise.resolve(create(namespace, id)).catch(() => alone));
  return {
    id,
    hold: () =>
      locks
        ? (holding ||= new Promise((granted) =>
            locks
              .request(ownerLock(namespace, id), () => new Promise<void>((release) => granted(release)))
              // Refused (an opaque origin, such as a sandboxed frame): nothing is held nor let go of.
              .catch(() => granted(noop)),
          ))
        : real().then((own) => own.hold()),
    letGo() {
      if (!locks) return void (made && made.then((own) => own.letGo()));
      // Let go of before it was granted (an answer faster than the lock), it is released once granted.
      if (holding) void holding.then((release) => release());
      holding = undefined;
    },
    adoptLeftovers: (store, take) => real().then((own) => own.adoptLeftovers(store, take)),
    recovery: () => real().then((own) => own.recovery()),
    releaseAll: () => void (made && made.then((own) => own.releaseAll())),
  };
}
