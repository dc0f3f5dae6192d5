import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOwnership, ownerLock } from '../../../../src/browser/delivery/createOwnership';
import { tabOwnership } from '../../../../src/browser/delivery/tabOwnership';
import { memoryStore } from '../../../../src/core/delivery/QueueStore';
import { fakeLocks } from '../../../support/fakeLocks';

describe('createOwnership without its cross-tab code (the add-on could not load)', () => {
  it('holds, so the page still stores its own requests, and never adopts what another page left', async () => {
    let asked = 0;
    const ownership = createOwnership('edge-collector:test', () => {
      asked++;
      return Promise.reject(new Error('could not load edge-collector.tabs.min.js'));
    });
    await expect(ownership.hold()).resolves.toBeTruthy();
    const store = memoryStore();
    await store.put({
      request: { requestId: 'left', eventId: 'e', url: '/', headers: {}, body: '{}' },
      at: 1,
      owner: 'gone',
    });
    const taken: unknown[] = [];
    void ownership.adoptLeftovers(store, (entries) => taken.push(...entries));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(taken).toEqual([]);
    // Letting go and page hide are no-ops, never an unhandled rejection; the add-on is asked for once.
    ownership.letGo();
    ownership.releaseAll();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked).toBe(1);
  });
});

describe('createOwnership with Web Locks', () => {
  afterEach(() => vi.unstubAllGlobals());
  const NS = 'edge-collector:test';
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('holds its own lock from its first write, before its cross-tab code has loaded: no other page adopts from it meanwhile', async () => {
    const locks = fakeLocks();
    vi.stubGlobal('navigator', { ...navigator, locks });
    let asked = 0;
    // The tabs add-on still loading (or never arriving, offline).
    const ownership = createOwnership(NS, () => (asked++, new Promise<never>(() => {})));
    void ownership.hold();
    expect(locks.held(ownerLock(NS, ownership.id))).toBe(true);
    expect(asked).toBe(0);
    const store = memoryStore();
    await store.put({
      request: { requestId: 'mine', eventId: 'e', url: '/', headers: {}, body: '{}' },
      at: 1,
      owner: ownership.id,
    });
    const taken: string[] = [];
    void tabOwnership(NS, 'other').adoptLeftovers(store, (entries) =>
      taken.push(...entries.map((entry) => entry.request.requestId)),
    );
    await tick();
    expect(taken).toEqual([]);
    // Let go of (nothing of its own stored any more), the page that waited for it adopts.
    ownership.letGo();
    await vi.waitFor(() => expect(taken).toEqual(['mine']));
  });

  it('let go of before its lock was granted, releases it once granted; holding again takes it anew', async () => {
    const locks = fakeLocks();
    vi.stubGlobal('navigator', { ...navigator, locks });
    const ownership = createOwnership(NS, () => new Promise<never>(() => {}));
    const name = ownerLock(NS, ownership.id);
    // Held elsewhere, so that this page's request waits, as a real grant (asynchronous) does.
    let otherRelease = () => {};
    void locks.request(name, () => new Promise<void>((release) => (otherRelease = release)));
    void ownership.hold();
    ownership.letGo();
    otherRelease();
    await tick();
    expect(locks.held(name)).toBe(false);
    void ownership.hold();
    expect(locks.held(name)).toBe(true);
    ownership.letGo();
    await tick();
    expect(locks.held(name)).toBe(false);
  });

  it('holds nothing, and throws nothing into the page, where the browser refuses Web Locks (a sandboxed frame)', async () => {
    const refused = () => Promise.reject(new DOMException('opaque origin', 'SecurityError'));
    vi.stubGlobal('navigator', { ...navigator, locks: { request: refused } });
    const ownership = createOwnership(NS, () => new Promise<never>(() => {}));
    await expect(ownership.hold()).resolves.toBeTypeOf('function');
    ownership.letGo();
    await tick();
  });
});
