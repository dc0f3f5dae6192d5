import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOwnership, LEASE_MS } from '../../../../src/browser/delivery/createOwnership';

const NS = 'edge-collector:test';

// happy-dom has no Web Locks: these are the lease fallback's rules.
beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('navigator', { ...navigator, locks: undefined });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const leaseOf = (owner: string) => localStorage.getItem(`${NS}:lease:${owner}`);

describe('createOwnership without Web Locks (leases)', () => {
  it('holds a lease for the page, renews it while held, and drops it on letting go', async () => {
    const page = createOwnership(NS);
    await page.hold();
    const first = Number(leaseOf(page.id));
    expect(first).toBeGreaterThan(Date.now());
    vi.advanceTimersByTime(LEASE_MS);
    expect(Number(leaseOf(page.id))).toBeGreaterThan(first);
    page.letGo();
    expect(leaseOf(page.id)).toBeNull();
  });

  it('adopts at once from an owner without a lease, and from a renewing owner only once it is gone', async () => {
    const alive = createOwnership(NS);
    await alive.hold();
    const adopter = createOwnership(NS);
    const gone = vi.fn();
    await adopter.adopt('closed-long-ago').then(gone);
    expect(gone).toHaveBeenCalledOnce();

    const adopted = vi.fn();
    void adopter.adopt(alive.id).then(adopted);
    await vi.advanceTimersByTimeAsync(LEASE_MS * 3);
    expect(adopted).not.toHaveBeenCalled();
    // The owner goes away: its lease is no longer there to renew.
    alive.releaseAll();
    await vi.advanceTimersByTimeAsync(LEASE_MS / 2);
    expect(adopted).toHaveBeenCalledOnce();
  });

  it("keeps a second adopter waiting while the first holds the gone owner's lease", async () => {
    const first = createOwnership(NS);
    const second = createOwnership(NS);
    const done = await first.adopt('gone');
    expect(Number(leaseOf('gone'))).toBeGreaterThan(Date.now());
    const waiting = vi.fn();
    void second.adopt('gone').then(waiting);
    await vi.advanceTimersByTimeAsync(LEASE_MS / 2);
    expect(waiting).not.toHaveBeenCalled();
    done();
    await vi.advanceTimersByTimeAsync(LEASE_MS / 2);
    expect(waiting).toHaveBeenCalledOnce();
  });
});

describe('a stale lease', () => {
  it('is adopted from once it has not been renewed for the lease time', async () => {
    localStorage.setItem(`${NS}:lease:crashed`, String(Date.now() + LEASE_MS));
    const adopted = vi.fn();
    void createOwnership(NS).adopt('crashed').then(adopted);
    await vi.advanceTimersByTimeAsync(LEASE_MS / 2);
    expect(adopted).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(LEASE_MS);
    expect(adopted).toHaveBeenCalledOnce();
  });
});
