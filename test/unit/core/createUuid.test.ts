import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUuid } from '../../../src/core/createUuid';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

afterEach(() => vi.unstubAllGlobals());

describe('createUuid', () => {
  it("uses the platform's crypto.randomUUID where present", () => {
    const randomUUID = vi.fn(() => '0b7c1f9e-6a41-4d3e-9c25-8f0e2d4a6b71');
    vi.stubGlobal('crypto', { randomUUID, getRandomValues: crypto.getRandomValues.bind(crypto) });
    expect(createUuid()).toBe('0b7c1f9e-6a41-4d3e-9c25-8f0e2d4a6b71');
    expect(randomUUID).toHaveBeenCalledTimes(1);
  });

  it('makes distinct version-4 UUIDs with the RFC 9562 variant without it (plain http: pages)', () => {
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) });
    const ids = Array.from({ length: 500 }, createUuid);
    for (const id of ids) expect(id).toMatch(V4);
    expect(new Set(ids).size).toBe(ids.length);
    // Every digit of every random position is used, not a fixed subset.
    expect(new Set(ids.map((id) => id[0])).size).toBe(16);
    expect(new Set(ids.map((id) => id[19])).size).toBe(4);
  });
});
