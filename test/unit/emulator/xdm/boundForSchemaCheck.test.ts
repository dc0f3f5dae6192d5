import { describe, expect, it } from 'vitest';
import { boundForSchemaCheck } from '../../../../src/emulator/xdm/boundForSchemaCheck';

describe('boundForSchemaCheck', () => {
  it('gives an entity within the bounds back whole, so it is checked exactly', () => {
    const entity = { a: [1, 2, { b: [3] }], c: { d: 'e' } };
    expect(boundForSchemaCheck(entity, { items: 3, keys: 2 })).toEqual({ value: entity, cut: 0 });
  });

  it('cuts long arrays and wide objects at every depth, counting each, without changing the entity', () => {
    const entity = { list: [[1, 2, 3, 4], 5, 6, 7], wide: { a: 1, b: 2, c: { x: [1, 2, 3, 4] } } };
    const copy = structuredClone(entity);
    const { value, cut } = boundForSchemaCheck(entity, { items: 2, keys: 2 });
    expect(value).toEqual({ list: [[1, 2], 5], wide: { a: 1, b: 2 } });
    expect(cut).toBe(3);
    expect(entity).toEqual(copy);
  });
});
