import { adoptByOwner } from '../../core/delivery/adoptByOwner';
import type { TabOwnership } from './createOwnership';
import { leaseOwnership } from './leaseOwnership';

/**
 * One Web Lock per page, `{namespace}:owner:{id}`, held while the page has requests stored (the
 * browser releases it when the page dies): a page that finds entries of another owner requests
 * that owner's lock, which is granted once that page is gone, at once or whenever it closes; the
 * lock itself keeps two pages from adopting the same leftovers. Without Web Locks (insecure pages,
 * old browsers): leases in localStorage (leaseOwnership.ts).
 */
export function tabOwnership(namespace: string, id: string): TabOwnership {
  const locks = navigator.locks;
  if (!locks) return leaseOwnership(namespace, id);
  let letGo = () => {};
  /** Requests `owner`'s lock; resolves with its release once granted. */
  const lock = (owner: string) =>
    new Promise<() => void>((granted) =>
      locks.request(`${namespace}:owner:${owner}`, () => new Promise<void>((done) => granted(done))),
    );
  return {
    id,
    // Let go of before it was granted (an answer faster than the lock, then the page hidden), it
    // stays held until the next letting go: stricter than needed, never two owners.
    hold: () => lock(id).then((release) => (letGo = release)),
    letGo: () => letGo(),
    adopt: lock,
    adoptLeftovers: adoptByOwner(id, lock),
    releaseAll() {},
  };
}
