import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INSTANCE_NAME,
  findInstance,
  listInstances,
  pickInstanceName,
} from '../../../src/tags/readInstances';

const STORE = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
const BRAND = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const TWO = {
  instances: [
    { name: 'store', productionDatastreamId: STORE },
    { name: 'brand', productionDatastreamId: BRAND },
  ],
};

describe('the instances of the configuration', () => {
  it('reads a configuration saved before instances existed as one instance named edgeCollector', () => {
    const old = { productionDatastreamId: STORE, debug: true };
    expect(listInstances(old)).toEqual([{ ...old, name: DEFAULT_INSTANCE_NAME }]);
    expect(pickInstanceName(old, {})).toBe('edgeCollector');
    expect(findInstance(old, 'edgeCollector').productionDatastreamId).toBe(STORE);
  });

  it('picks the instance an item names, and the first for an item that names none', () => {
    expect(pickInstanceName(TWO, { instanceName: 'brand' })).toBe('brand');
    expect(pickInstanceName(TWO, { eventType: 'x' })).toBe('store');
    expect(pickInstanceName(TWO, undefined)).toBe('store');
    expect(findInstance(TWO, 'brand').productionDatastreamId).toBe(BRAND);
  });

  it('refuses a name the configuration lacks, listing those it has, and a name used twice', () => {
    expect(() => findInstance(TWO, 'shop')).toThrow(
      'there is no instance named "shop" (the configuration has "store", "brand")',
    );
    const twice = { instances: [TWO.instances[0], { ...TWO.instances[1], name: 'store' }] };
    expect(() => findInstance(twice, 'store')).toThrow('2 instances are named "store"');
  });
});
