import { describe, expect, it } from 'vitest';
import { deepMerge } from '../../../src/core/deepMerge';

describe('deepMerge', () => {
  it('merges nested objects, replaces arrays and values, skips undefined', () => {
    const base = { a: { b: 1, c: [1, 2] }, d: 'x', e: 1 };
    expect(deepMerge(base, { a: { c: [3], f: true }, d: undefined, e: null })).toEqual({
      a: { b: 1, c: [3], f: true },
      d: 'x',
      e: null,
    });
    expect(base).toEqual({ a: { b: 1, c: [1, 2] }, d: 'x', e: 1 });
  });

  it('ignores an override that is not a plain object', () => {
    const base = { a: 1 };
    for (const override of [undefined, null, 'x', 3, [1], new Date()])
      expect(deepMerge(base, override)).toBe(base);
  });

  it('never lets caller data reach a prototype', () => {
    const hostile = JSON.parse(
      '{"__proto__": {"polluted": true}, "a": {"constructor": {"prototype": {"polluted": true}}}}',
    );
    const merged = deepMerge({ a: {} }, hostile);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(merged, '__proto__')).toBe(false);
  });
});
