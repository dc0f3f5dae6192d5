import { describe, expect, it } from 'vitest';
import { createUuid } from '../../../src/core/createUuid';

describe('createUuid', () => {
  it('makes distinct version-4 UUIDs with the RFC 9562 variant', () => {
    const ids = Array.from({ length: 500 }, createUuid);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    // Every digit of every random position is used, not a fixed subset.
    expect(new Set(ids.map((id) => id[0])).size).toBe(16);
    expect(new Set(ids.map((id) => id[19])).size).toBe(4);
  });
});
