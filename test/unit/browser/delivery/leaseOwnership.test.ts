import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createOwnership,
  type PageOwnership,
  type TabOwnership,
} from '../../../../src/browser/delivery/createOwnership';
import { CLAIM_MS, LEASE_MS, leaseOwnership } from '../../../../src/browser/delivery/leaseOwnership';

const NS = 'edge-collector:test';

// happy-dom has no Web Locks: these are the lease fallback's rules, through createOwnership as the
// faces wire it. Every ownership a test makes is released after it, so no timer outlives the test.
const made: PageOwnership[] = [];
const createOwnership_ = (namespace: string) => {
  const ownership = createOwnership(namespace, (ns, id) => leaseOwnership(ns, id));
  made.push(ownership);
  return ownership;
};
// Adoption is the tabs' code's own (createOwnership hands it over whole): its lease rules, directly.
const adopter_ = (namespace: string) => {
  const ownership = leaseOwnership(namespace, Math.random().toString(36).slice(2));
  made.push(ownership);
  return ownership;
};
beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('navigator', { ...navigator, locks: undefined });
});
afterEach(async () => {
  for (const ownership of made.splice(0)) ownership.releaseAll();
  await vi.advanceTimersByTimeAsync(0);
  vi.useRealTimers();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const leaseOf = (owner: string) => localStorage.getItem(`${NS}:lease:${owner}`);
/** Until when `owner`'s lease runs (`{until} {holder}`). */
const until = (owner: string) => parseInt(leaseOf(owner) ?? '');
/** Adopts from one owner: resolves with its `done` once granted. */
const adoptOne = (ownership: TabOwnership, owner: string) =>
  new Promise<() => void>((resolve) => ownership.adopt([owner], (_, done) => resolve(done)));
/** An adoption once its claim has stood for {@link CLAIM_MS}. */
const granted = async <T>(adoption: Promise<T>) => {
  await vi.advanceTimersByTimeAsync(CLAIM_MS);
  return adoption;
};

describe('createOwnership without Web Locks (leases)', () => {
  it('holds a lease for the page, renews it while held, and drops it on letting go', async () => {
    const page = createOwnership_(NS);
    await page.hold();
    const first = until(page.id);
    expect(first).toBeGreaterThan(Date.now());
    vi.advanceTimersByTime(LEASE_MS);
    expect(until(page.id)).toBeGreaterThan(first);
    page.letGo();
    // Through createOwnership, the leases answer once they are there (the add-on may be loading).
    await vi.advanceTimersByTimeAsync(0);
    expect(leaseOf(page.id)).toBeNull();
  });

  it('adopts at once from an owner without a lease, and from a renewing owner only once it is gone', async () => {
    const alive = createOwnership_(NS);
    await alive.hold();
    const adopter = adopter_(NS);
    const gone = vi.fn();
    await granted(adoptOne(adopter, 'closed-long-ago').then(gone));
    expect(gone).toHaveBeenCalledOnce();

    const adopted = vi.fn();
    void adoptOne(adopter, alive.id).then(adopted);
    await vi.advanceTimersByTimeAsync(LEASE_MS * 3);
    expect(adopted).not.toHaveBeenCalled();
    // The owner goes away: its lease is no longer there to renew.
    alive.releaseAll();
    await vi.advanceTimersByTimeAsync(LEASE_MS / 2 + CLAIM_MS);
    expect(adopted).toHaveBeenCalledOnce();
  });

  it("keeps a second adopter waiting while the first holds the gone owner's lease", async () => {
    const first = adopter_(NS);
    const second = adopter_(NS);
    const done = await granted(adoptOne(first, 'gone'));
    expect(until('gone')).toBeGreaterThan(Date.now());
    const waiting = vi.fn();
    void adoptOne(second, 'gone').then(waiting);
    await vi.advanceTimersByTimeAsync(LEASE_MS / 2);
    expect(waiting).not.toHaveBeenCalled();
    done();
    await vi.advanceTimersByTimeAsync(LEASE_MS / 2 + CLAIM_MS);
    expect(waiting).toHaveBeenCalledOnce();
  });
});

describe('the renewal timer (issue 21)', () => {
  it('stops once the page holds no lease, so it cannot outlive the page or the test', async () => {
    const page = leaseOwnership(NS, 'page');
    await page.hold();
    expect(vi.getTimerCount()).toBe(1);
    page.letGo();
    expect(vi.getTimerCount()).toBe(0);
    const adopter = leaseOwnership(NS, 'adopter');
    const done = await granted(adoptOne(adopter, 'gone'));
    expect(vi.getTimerCount()).toBe(1);
    done();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('tabs opened together (issue 23, F7)', () => {
  it('adopt only if their claim still stands once every claim can have arrived', async () => {
    const adopted = vi.fn();
    void adoptOne(adopter_(NS), 'gone').then(adopted);
    // Another tab opened at the same moment also found the lease free; its claim lands later.
    localStorage.setItem(`${NS}:lease:gone`, `${Date.now() + LEASE_MS} other-tab`);
    await vi.advanceTimersByTimeAsync(CLAIM_MS);
    expect(adopted).not.toHaveBeenCalled();
    // That tab crashed without letting go: adopted once its lease has run out.
    await vi.advanceTimersByTimeAsync(LEASE_MS * 2);
    expect(adopted).toHaveBeenCalledOnce();
  });
});

describe('a stale lease', () => {
  it('is adopted from once it has not been renewed for the lease time', async () => {
    localStorage.setItem(`${NS}:lease:crashed`, String(Date.now() + LEASE_MS));
    const adopted = vi.fn();
    void adoptOne(adopter_(NS), 'crashed').then(adopted);
    await vi.advanceTimersByTimeAsync(LEASE_MS / 2);
    expect(adopted).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(LEASE_MS);
    expect(adopted).toHaveBeenCalledOnce();
  });
});
