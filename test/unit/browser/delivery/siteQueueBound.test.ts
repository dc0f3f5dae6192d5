import { afterEach, describe, expect, it, vi } from 'vitest';
import { localStorageStore } from '../../../../src/browser/delivery/localStorageStore';
import { readQueue } from '../../../../src/browser/delivery/readQueue';
import { siteQueueBound } from '../../../../src/browser/delivery/siteQueueBound';
import type { AdoptOwners } from '../../../../src/core/delivery/adoptByOwner';
import type { KeptEntry } from '../../../../src/core/delivery/QueueStore';

const NS = 'edge-collector:bound';
const STORED = `${NS}:q2:`;
const TOMBSTONE = `${NS}:dropped:`;
const store = localStorageStore(NS, async () => ({ all: () => readQueue(NS), bound: () => undefined }));
const request = (id: string, size = 10) => ({
  requestId: id,
  eventId: `e-${id}`,
  url: 'https://edge.example/ee/v2/interact',
  headers: {},
  body: 'x'.repeat(size),
});
/** Stores a request of `owner` as the store does, and gives it as its page holds it. */
async function put(id: string, at: number, owner: string, size?: number): Promise<KeptEntry> {
  const entry = { request: request(id, size), at, owner };
  await store.put(entry);
  return { ...entry, stored: true };
}
const held = (...entries: KeptEntry[]) => new Map(entries.map((entry) => [entry.request.requestId, entry]));
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Owners that never go (live tabs): their names are never granted. */
const live: AdoptOwners = () => undefined;
const storedIds = () =>
  Object.keys(localStorage)
    .filter((key) => key.startsWith(STORED))
    .map((key) => key.slice(STORED.length).split(' ')[0])
    .sort();
const tombstones = () =>
  Object.keys(localStorage)
    .filter((key) => key.startsWith(TOMBSTONE))
    .map((key) => key.slice(TOMBSTONE.length))
    .sort();
/** What another tab hears when this one writes `key` (happy-dom has one window: dispatched by hand). */
const hearWrite = (key: string) =>
  dispatchEvent(new StorageEvent('storage', { key, newValue: localStorage.getItem(key) }));

afterEach(() => localStorage.clear());

describe('siteQueueBound: the queue bounds of a site (issue 23, point 3)', () => {
  it("bounds every tab's stored requests together, the oldest dropped first, whoever owns them", async () => {
    const mine = [await put('a1', 1, 'a'), await put('a3', 3, 'a'), await put('a5', 5, 'a')];
    for (const at of [2, 4, 6]) await put(`b${at}`, at, 'b');
    const drop = vi.fn();
    siteQueueBound(NS, 'a', live)(held(...mine), 4, 1e6, drop);
    await tick();
    // This page's own: settled by its delivery (which deletes it); another tab's: a tombstone.
    expect(drop.mock.calls).toEqual([['a1']]);
    expect(storedIds()).toEqual(['a1', 'a3', 'a5', 'b4', 'b6']);
    expect(tombstones()).toEqual(['b2']);
    const tombstone = localStorage.getItem(TOMBSTONE + 'b2')!;
    expect(JSON.parse(tombstone)).toEqual({
      request: { ...request('b2'), body: undefined },
      at: 2,
      owner: 'b',
    });
    expect(tombstone).not.toContain('xxx');
  });

  it('bounds the characters of bodies, and counts what this page holds unstored (consent pending)', async () => {
    await put('b1', 1, 'b', 400);
    await put('b2', 2, 'b', 400);
    const pending: KeptEntry = { request: request('a3', 300), at: 3 };
    const drop = vi.fn();
    siteQueueBound(NS, 'a', live)(held(pending), 100, 1000, drop);
    await tick();
    expect(tombstones()).toEqual(['b1']);
    expect(storedIds()).toEqual(['b2']);
    expect(drop).not.toHaveBeenCalled();
    // Over the count: the oldest goes, here this page's own held request.
    const older: KeptEntry = { request: request('a0', 10), at: 0 };
    siteQueueBound(NS, 'a', live)(held(older, pending), 2, 1e6, drop);
    await tick();
    expect(drop.mock.calls).toEqual([['a0']]);
    expect(storedIds()).toEqual(['b2']);
  });

  it('never drops a request of this page in flight: the next oldest goes instead', async () => {
    const flying = { ...(await put('a1', 1, 'a')), inFlight: 1 };
    const waiting = await put('a2', 2, 'a');
    await put('b3', 3, 'b');
    const drop = vi.fn();
    siteQueueBound(NS, 'a', live)(held(flying, waiting), 2, 1e6, drop);
    await tick();
    expect(drop.mock.calls).toEqual([['a2']]);
    expect(tombstones()).toEqual([]);
  });

  it('lets a live owner hear its tombstone and settle its caller, once', async () => {
    const theirs = await put('b1', 1, 'b');
    await put('a2', 2, 'a');
    const dropB = vi.fn();
    // Tab b keeps a request, so it has loaded the bounds and listens.
    siteQueueBound(NS, 'b', live)(held(theirs), 100, 1e6, dropB);
    await tick();
    const dropA = vi.fn();
    siteQueueBound(NS, 'a', live)(held(), 1, 1e6, dropA);
    await tick();
    expect(tombstones()).toEqual(['b1']);
    hearWrite(TOMBSTONE + 'b1');
    expect(dropB.mock.calls).toEqual([['b1']]);
    expect(dropA).not.toHaveBeenCalled();
    expect(tombstones()).toEqual([]);
  });

  it("reports a gone owner's drops in the dropping page once the owner is gone, unless it heard them", async () => {
    await put('b1', 1, 'b');
    await put('c2', 2, 'c');
    await put('a3', 3, 'a');
    const grants: Array<[string[], () => void]> = [];
    const adopt: AdoptOwners = (owners, granted) =>
      grants.push([owners, () => granted(owners, () => undefined)]);
    const drop = vi.fn();
    siteQueueBound(NS, 'a', adopt)(held(), 1, 1e6, drop);
    await tick();
    expect(tombstones()).toEqual(['b1', 'c2']);
    expect(grants.map(([owners]) => owners)).toEqual([['b'], ['c']]);
    // b is gone without having heard: reported here. c heard it (and deleted its tombstone) first.
    localStorage.removeItem(TOMBSTONE + 'c2');
    for (const [, grant] of grants) grant();
    expect(drop.mock.calls).toEqual([['b1']]);
    expect(tombstones()).toEqual([]);
  });

  it('settles tombstones left before the page loaded the bounds: its own at once, others once gone', async () => {
    localStorage.setItem(TOMBSTONE + 'a1', JSON.stringify({ request: request('a1'), at: 1, owner: 'a' }));
    localStorage.setItem(TOMBSTONE + 'z2', JSON.stringify({ request: request('z2'), at: 2, owner: 'z' }));
    const watched: string[][] = [];
    const adopt: AdoptOwners = (owners, granted) => {
      watched.push(owners);
      granted(owners, () => undefined);
    };
    const drop = vi.fn();
    siteQueueBound(NS, 'a', adopt)(held(), 100, 1e6, drop);
    expect(drop.mock.calls).toEqual([['a1'], ['z2']]);
    expect(watched).toEqual([['z']]);
    expect(tombstones()).toEqual([]);
  });

  it('drops a request this page gave up on (kept for the next page) and reports it here', async () => {
    await put('a1', 1, 'a');
    await put('a2', 2, 'a');
    const drop = vi.fn();
    // a1 is no longer held: its caller was told it waits for the next page load.
    siteQueueBound(NS, 'a', live)(held(await put('a2', 2, 'a')), 1, 1e6, drop);
    await tick();
    expect(drop.mock.calls).toEqual([['a1']]);
    expect(storedIds()).toEqual(['a2']);
    expect(tombstones()).toEqual([]);
  });

  it('counts entries of earlier versions (their body read once), and drops them as any other', async () => {
    const old = { request: request('old', 500), at: 1, owner: 'b' };
    localStorage.setItem(`${NS}:q:old`, JSON.stringify(old));
    await put('b2', 2, 'b', 500);
    const read = vi.spyOn(localStorage, 'getItem');
    const bound = siteQueueBound(NS, 'a', live);
    bound(held(), 100, 1e6, vi.fn());
    await tick();
    bound(held(), 100, 1e6, vi.fn());
    await tick();
    expect(read.mock.calls.filter(([key]) => key === `${NS}:q:old`)).toHaveLength(1);
    read.mockRestore();
    bound(held(), 100, 600, vi.fn());
    await tick();
    expect(Object.keys(localStorage).sort()).toEqual([TOMBSTONE + 'old', `${STORED}b2 2 500`]);
    expect(JSON.parse(localStorage.getItem(TOMBSTONE + 'old')!).request.body).toBeUndefined();
  });

  it('lists the queue from its keys: reads no stored body, and bounds once per task however many writes', async () => {
    for (let n = 0; n < 1000; n++) await put(`b${n}`, n, 'b', 1000);
    const read = vi.spyOn(localStorage, 'getItem');
    const list = vi.spyOn(Object, 'keys');
    const bound = siteQueueBound(NS, 'a', live);
    for (let n = 0; n < 1000; n++) bound(held(), 1000, 1e7, vi.fn());
    await tick();
    const lists = list.mock.calls.filter(([of]) => of === localStorage).length;
    list.mockRestore();
    expect(read).not.toHaveBeenCalled();
    // One pass for the tombstones left before it listened, one for the bound.
    expect(lists).toBe(2);
    bound(held(), 999, 1e7, vi.fn());
    await tick();
    // Over by one: only the one dropped is read (to leave its tombstone).
    expect(read.mock.calls).toEqual([[`${STORED}b0 0 1000`]]);
    read.mockRestore();
  });
});
