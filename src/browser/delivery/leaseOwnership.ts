import { adoptByOwner } from '../../core/delivery/adoptByOwner';
import type { TabOwnership } from './createOwnership';

/** How long a lease lasts without renewal: a crashed tab's events wait this long for adoption. */
export const LEASE_MS = 6_000;

/**
 * Ownership without Web Locks (insecure pages, old browsers): `{namespace}:lease:{owner}` in
 * localStorage holds the time until which the owner (or its adopter) is alive, renewed every two
 * seconds while it holds any lease, and the renewal stops when it holds none (so no timer outlives
 * the page's need). Part of the tabs add-on (tabOwnership.ts), used where `navigator.locks` is absent.
 */
export function leaseOwnership(namespace: string, id: string): TabOwnership {
  const held = new Set<string>();
  const key = (owner: string) => `${namespace}:lease:${owner}`;
  let renewing: ReturnType<typeof setInterval> | undefined;
  const renew = () => {
    try {
      held.forEach((owner) => localStorage.setItem(key(owner), `${Date.now() + LEASE_MS}`));
    } catch {
      // No storage, no other tab to agree with.
    }
  };
  const drop = (owner: string) => {
    held.delete(owner);
    if (!held.size) renewing = void clearInterval(renewing);
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
    } catch {
      // No storage, no other tab to agree with: it is ours.
    }
    held.add(owner);
    renew();
    renewing = renewing || setInterval(renew, LEASE_MS / 3);
    return true;
  };
  const adopt = (owner: string) =>
    new Promise<() => void>((granted) => {
      const poll = () => (take(owner) ? granted(() => drop(owner)) : setTimeout(poll, LEASE_MS / 2));
      poll();
    });
  return {
    id,
    hold: async () => take(id),
    letGo: () => drop(id),
    adopt,
    adoptLeftovers: adoptByOwner(id, adopt),
    releaseAll: () => held.forEach(drop),
  };
}
