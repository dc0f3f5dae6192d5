import { describe, expect, it } from 'vitest';
import { createOwnership } from '../../../../src/browser/delivery/createOwnership';
import { memoryStore } from '../../../../src/core/delivery/QueueStore';

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
