import { describe, expect, it } from 'vitest';
import { createVariableStore } from '../../../../src/tags/variables/createVariableStore';
import { readVariableChange } from '../../../../src/tags/variables/readVariableChange';

describe('Variables', () => {
  it('set values at paths, creating objects along the way, and merge objects', () => {
    const variables = createVariableStore();
    expect(variables.read('cart')).toEqual({});
    variables.update('cart', { operation: 'set', path: 'commerce.order.priceTotal', value: 42 });
    variables.update('cart', { operation: 'set', path: 'commerce.order.currencyCode', value: 'EUR' });
    variables.update('cart', { operation: 'merge', value: { commerce: { cart: { id: 'c-1' } } } });
    expect(variables.read('cart')).toEqual({
      commerce: { order: { priceTotal: 42, currencyCode: 'EUR' }, cart: { id: 'c-1' } },
    });
    variables.update('cart', { operation: 'clear' });
    expect(variables.read('cart')).toEqual({});
  });

  it('copy on write: an object already read never changes', () => {
    const variables = createVariableStore();
    variables.update('v', { operation: 'set', path: 'a.b', value: 1 });
    const before = variables.read('v');
    variables.update('v', { operation: 'set', path: 'a.c', value: 2 });
    expect(before).toEqual({ a: { b: 1 } });
    expect(variables.read('v')).toEqual({ a: { b: 1, c: 2 } });
  });

  it('build lists where a key is an index, as XDM has them (productListItems.0.SKU)', () => {
    const variables = createVariableStore();
    variables.update('cart', { operation: 'set', path: 'productListItems.0.SKU', value: 'sku-1' });
    variables.update('cart', { operation: 'set', path: 'productListItems.1.SKU', value: 'sku-2' });
    const twoItems = variables.read('cart');
    variables.update('cart', { operation: 'set', path: 'productListItems.0.quantity', value: 2 });
    expect(variables.read('cart')).toEqual({
      productListItems: [{ SKU: 'sku-1', quantity: 2 }, { SKU: 'sku-2' }],
    });
    // Copy on write reaches into lists too.
    expect(twoItems).toEqual({ productListItems: [{ SKU: 'sku-1' }, { SKU: 'sku-2' }] });
  });

  it('refuse an index past the end of a list, or a name in a list, and leave the variable as it was', () => {
    const variables = createVariableStore();
    variables.update('cart', { operation: 'set', path: 'productListItems.0.SKU', value: 'sku-1' });
    expect(() =>
      variables.update('cart', { operation: 'set', path: 'productListItems.5.SKU', value: 'x' }),
    ).toThrow('"productListItems.5.SKU": "5" is not an index of a list of 1 item(s): use 0 to 1');
    expect(() =>
      variables.update('cart', { operation: 'set', path: 'productListItems.first', value: 1 }),
    ).toThrow(/"first" is not an index/);
    expect(variables.read('cart')).toEqual({ productListItems: [{ SKU: 'sku-1' }] });
  });

  it('keep an object an object, also under a key that looks like an index', () => {
    const variables = createVariableStore();
    variables.update('v', { operation: 'merge', value: { byYear: { 2026: 'a' } } });
    variables.update('v', { operation: 'set', path: 'byYear.2027', value: 'b' });
    expect(variables.read('v')).toEqual({ byYear: { 2026: 'a', 2027: 'b' } });
  });

  it('refuse paths that are empty or reach a prototype', () => {
    const variables = createVariableStore();
    for (const path of ['', 'a..b', '__proto__.polluted', 'a.constructor'])
      expect(() => variables.update('v', { operation: 'set', path, value: 1 })).toThrow(/is not a path/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('readVariableChange', () => {
  it('reads set, merge and clear, and says what is wrong', () => {
    expect(readVariableChange({ operation: 'set', path: 'a', value: 0 })).toEqual({
      operation: 'set',
      path: 'a',
      value: 0,
    });
    expect(readVariableChange({ operation: 'clear' })).toEqual({ operation: 'clear' });
    expect(() => readVariableChange({ operation: 'merge', value: '%missing%' })).toThrow(
      /merge needs an object/,
    );
    expect(() => readVariableChange({ operation: 'drop' })).toThrow(/"set", "merge" or "clear"/);
  });
});
