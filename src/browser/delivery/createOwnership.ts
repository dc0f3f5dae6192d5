import type { Ownership } from '../../core/delivery/Ownership';

/** How long a lease lasts without renewal: a crashed tab's events wait this long for adoption. */
export const LEASE_MS = 6_000;

/** A page's ownership, plus what it lets go of as the page goes away. */
export interface PageOwnership extends Ownership {
  /** Lets go of every lease as the page goes away, so that the next page can adopt at once. */
  releaseAll(): void;
}

/**
 * One Web Lock per page, `{namespace}:owner:{id}`, held while the page has requests stored (the
 * browser releases it when the page dies): a page that finds entries of another owner requests
 * that owner's lock, which is granted once that page is gone, at once or whenever it closes; the
 * lock itself keeps two pages from adopting the same leftovers. Without Web Locks (insecure pages,
 * old browsers): leases in localStorage that their holder renews every two seconds.
 */
export function createOwnership(namespace: string): PageOwnership {
  const id = Math.random().toString(36).slice(2);
  const locks = navigator.locks;
  if (locks) {
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
      releaseAll() {},
    };
  }
  return leaseOwnership(namespace, id);
}

/** The fallback: `{namespace}:lease:{owner}` holds the time until which the owner (or its adopter) is alive. */
function leaseOwnership(namespace: string, id: string): PageOwnership {
  const held = new Set<string>();
  const key = (owner: string) => `${namespace}:lease:${owner}`;
  let renewing: ReturnType<typeof setInterval> | undefined;
  const renew = () => held.forEach((owner) => localStorage.setItem(key(owner), `${Date.now() + LEASE_MS}`));
  const drop = (owner: string) => {
    held.delete(owner);
    try {
      localStorage.removeItem(key(owner));
    } catch {
      // No storage, no other tab to agree with.
    }
  };
  /** Takes `owner`'s lease unless someone renewed it lately. */
  const take = (owner: string) => {
    try {
      if (owner !== id && Number(localStorage.getItem(key(owner))) > Date.now()) return false;
      held.add(owner);
      renew();
      renewing = renewing || setInterval(renew, LEASE_MS / 3);
    } catch {
      // No storage, no other tab to agree with: it is ours.
    }
    return true;
  };
  return {
    id,
    hold: async () => take(id),
    letGo: () => drop(id),
    adopt: (owner) =>
      new Promise((granted) => {
        const poll = () => (take(owner) ? granted(() => drop(owner)) : setTimeout(poll, LEASE_MS / 2));
        poll();
      }),
    releaseAll: () => held.forEach(drop),
  };
}
