import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLAIM_MS, LEASE_MS } from '../../../../src/browser/delivery/leaseOwnership';
import { tabOwnership } from '../../../../src/browser/delivery/tabOwnership';
import { memoryStore, type QueueEntry, type QueueStore } from '../../../../src/core/delivery/QueueStore';
import { fakeLocks } from '../../../support/fakeLocks';

const NS = 'edge-collector:test';
const OWNERS = 1000;

/** A store whose reads are counted: adoption must read it once per pass, not once per owner (issue 22). */
function countingStore(): QueueStore & { reads: number } {
  const store = memoryStore();
  const counted = { ...store, reads: 0, all: () => (counted.reads++, store.all()) };
  return counted;
}

/** `count` leftovers, one per closed page. */
async function leftovers(store: QueueStore, count: number) {
  for (let i = 0; i < count; i++)
    await store.put({
      request: { requestId: `r${i}`, eventId: `e${i}`, url: '/', headers: {}, body: '{}' },
      at: i,
      owner: `closed-${i}`,
    });
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('adoption of many closed pages (issue 22)', () => {
  it('with Web Locks: reads the queue twice for a thousand closed pages, and takes them in one call', async () => {
    const locks = fakeLocks();
    vi.stubGlobal('navigator', { ...navigator, locks });
    const store = countingStore();
    await leftovers(store, OWNERS);
    const taken: QueueEntry[][] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await tabOwnership(NS, 'adopter').adoptLeftovers(store, (entries) => {
      taken.push(entries);
      return released;
    });
    await vi.waitFor(() => expect(taken).toHaveLength(1));
    expect(taken[0]).toHaveLength(OWNERS);
    expect(store.reads).toBe(2);
    // Every closed page's name is held until what was taken is written under the adopter's.
    expect(locks.held(`${NS}:owner:closed-7`)).toBe(true);
    release();
    await vi.waitFor(() => expect(locks.held(`${NS}:owner:closed-7`)).toBe(false));
  });

  it('with Web Locks: a live page is adopted from in a pass of its own once it closes', async () => {
    const locks = fakeLocks();
    vi.stubGlobal('navigator', { ...navigator, locks });
    const store = countingStore();
    await leftovers(store, 3);
    let close!: () => void;
    void locks.request(`${NS}:owner:closed-1`, {}, () => new Promise<void>((resolve) => (close = resolve)));
    const taken: string[][] = [];
    await tabOwnership(NS, 'adopter').adoptLeftovers(store, (entries) =>
      taken.push(entries.map((entry) => entry.owner!)),
    );
    await vi.waitFor(() => expect(taken).toEqual([['closed-0', 'closed-2']]));
    close();
    await vi.waitFor(() => expect(taken).toEqual([['closed-0', 'closed-2'], ['closed-1']]));
    expect(store.reads).toBe(3);
  });

  it('with leases: reads the queue twice for a thousand closed pages, and takes them in one call', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('navigator', { ...navigator, locks: undefined });
    const store = countingStore();
    await leftovers(store, OWNERS);
    // One of them is still alive: it renews its lease, and is adopted from only once it stops.
    localStorage.setItem(`${NS}:lease:closed-1`, `${Date.now() + LEASE_MS} closed-1`);
    const taken: QueueEntry[][] = [];
    const ownership = tabOwnership(NS, 'adopter');
    await ownership.adoptLeftovers(store, (entries) => taken.push(entries));
    await vi.advanceTimersByTimeAsync(CLAIM_MS);
    expect(taken.map((entries) => entries.length)).toEqual([OWNERS - 1]);
    expect(store.reads).toBe(2);
    await vi.advanceTimersByTimeAsync(LEASE_MS * 2);
    expect(taken.map((entries) => entries.length)).toEqual([OWNERS - 1, 1]);
    expect(store.reads).toBe(3);
    ownership.releaseAll();
  });
});
