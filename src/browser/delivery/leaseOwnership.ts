import { adoptByOwner, type AdoptOwners } from '../../core/delivery/adoptByOwner';
import { recoverDelivery } from '../../core/delivery/recoverDelivery';
import type { TabOwnership } from './createOwnership';

/** How long a lease lasts without renewal: a crashed tab's events wait this long for adoption. */
export const LEASE_MS = 6_000;

/**
 * How long a claim on a gone owner's lease must survive before its tab adopts: longer than a
 * localStorage write takes to reach the other tabs of the origin (milliseconds in Chromium), so
 * that of tabs opened together, which all find the lease free, only the last to claim adopts. A
 * whole second, not less: a renderer stalled just as it claims (five tabs loading at once on a
 * busy machine) delivers its claim late, and leftovers wait for adoption anyway.
 */
export const CLAIM_MS = 1_000;

/**
 * Ownership without Web Locks (insecure pages, old browsers): `{namespace}:lease:{owner}` in
 * localStorage holds the time until which the owner (or its adopter) is alive and who holds it
 * (`{until} {holder}`), renewed every two seconds while it holds any lease, and the renewal stops
 * when it holds none (so no timer outlives the page's need). A gone owner's lease is claimed, and
 * adopted from only if the claim still stands {@link CLAIM_MS} later. Part of the tabs add-on
 * (tabOwnership.ts), used where `navigator.locks` is absent.
 */
export function leaseOwnership(namespace: string, id: string): TabOwnership {
  const held = new Set<string>();
  const key = (owner: string) => `${namespace}:lease:${owner}`;
  let renewing: ReturnType<typeof setInterval> | undefined;
  const write = (owner: string) => {
    try {
      localStorage.setItem(key(owner), `${Date.now() + LEASE_MS} ${id}`);
    } catch {
      // No storage, no other tab to agree with.
    }
  };
  const renew = () => held.forEach(write);
  const drop = (owner: string) => {
    held.delete(owner);
    if (!held.size) renewing = void clearInterval(renewing);
    try {
      localStorage.removeItem(key(owner));
    } catch {
      // No storage, no other tab to agree with.
    }
  };
  /** True when `owner`'s lease is this page's, or no one renewed it lately. */
  const free = (owner: string) => {
    try {
      const [until, holder] = (localStorage.getItem(key(owner)) || '').split(' ');
      return owner === id || holder === id || !(Number(until) > Date.now());
    } catch {
      // No storage, no other tab to agree with: it is ours.
      return true;
    }
  };
  /** Holds the leases of `owners` (renewing them all in one pass, not one pass per lease). */
  const take = (owners: string[]) => {
    owners.forEach((owner) => held.add(owner));
    renew();
    renewing = renewing || setInterval(renew, LEASE_MS / 3);
  };
  /** `owners` split into those whose lease is {@link free} and the others, in one pass. */
  const byFreedom = (owners: string[]) => {
    const split: [string[], string[]] = [[], []];
    for (const owner of owners) split[+!free(owner)]!.push(owner);
    return split;
  };
  // Every owner free now is claimed in one pass, and those whose claims still stand later are
  // adopted together; a live owner's lease is polled until it runs out.
  const adopt: AdoptOwners = (owners, granted) => {
    const [claimed, busy] = byFreedom(owners);
    claimed.forEach(write);
    if (busy.length) setTimeout(adopt, LEASE_MS / 2, busy, granted);
    if (claimed.length)
      setTimeout(() => {
        const [kept, lost] = byFreedom(claimed);
        if (lost.length) adopt(lost, granted);
        if (!kept.length) return;
        take(kept);
        granted(kept, () => kept.forEach(drop));
      }, CLAIM_MS);
  };
  return {
    id,
    hold: async () => take([id]),
    letGo: () => drop(id),
    adopt,
    adoptLeftovers: adoptByOwner(id, adopt),
    releaseAll: () => held.forEach(drop),
    recovery: async () => recoverDelivery,
  };
}
