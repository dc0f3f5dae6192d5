import { adoptByOwner, type AdoptOwners } from '../../core/delivery/adoptByOwner';
import { recoverDelivery } from '../../core/delivery/recoverDelivery';
import { ownerLock, type TabOwnership } from './createOwnership';
import { leaseOwnership } from './leaseOwnership';

/**
 * One Web Lock per page, {@link ownerLock}, held while the page has requests stored (the page's
 * core takes and releases its own: createOwnership.ts; the browser releases it when the page
 * dies): a page that finds entries of other owners asks for
 * their locks, all at once without waiting (`ifAvailable`: the gone ones are adopted together, in
 * one read of the queue), then waits for each lock it did not get, granted once that page is
 * gone; the locks themselves keep two pages from adopting the same leftovers. Without Web Locks
 * (insecure pages, old browsers): leases in localStorage (leaseOwnership.ts).
 */
export function tabOwnership(namespace: string, id: string): TabOwnership {
  const locks = navigator.locks;
  if (!locks) return leaseOwnership(namespace, id);
  /** Requests `owner`'s lock; resolves with its release once granted, or with nothing if `now` and it is held. */
  const lock = (owner: string, now?: boolean) =>
    new Promise<(() => void) | undefined>((granted) =>
      locks.request(ownerLock(namespace, owner), { ifAvailable: now }, (held) =>
        held ? new Promise<void>((done) => granted(done)) : granted(undefined),
      ),
    );
  const adopt: AdoptOwners = (owners, granted) =>
    void Promise.all(owners.map((owner) => lock(owner, true))).then((releases) => {
      const gone = owners.filter((_, i) => releases[i]);
      if (gone.length) granted(gone, () => releases.forEach((release) => release && release()));
      owners.forEach((owner, i) => {
        if (!releases[i]) void lock(owner).then((release) => granted([owner], release!));
      });
    });
  return {
    id,
    // The page's own lock is its core's (createOwnership.ts), taken before its first write.
    hold: async () => true,
    letGo() {},
    adopt,
    adoptLeftovers: adoptByOwner(id, adopt),
    releaseAll() {},
    recovery: async () => recoverDelivery,
  };
}
