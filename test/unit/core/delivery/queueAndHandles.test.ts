import { describe, expect, it } from 'vitest';
import { boundQueue } from '../../../../src/core/delivery/boundQueue';
import { consentEffect, parseConsent } from '../../../../src/core/delivery/ConsentState';
import { readHandles } from '../../../../src/core/delivery/readHandles';

const entry = (id: string, at: number, size = 10, inFlight = false) => ({ id, at, size, inFlight });
const ids = (entries: Array<{ id: string }>) => entries.map((e) => e.id);
const any = () => true;

describe('boundQueue', () => {
  it('drops nothing within bounds', () => {
    expect(boundQueue([entry('a', 1), entry('b', 2)], 2, 20, any)).toEqual([]);
  });

  it('drops the oldest first until the count fits, whatever the stored order', () => {
    expect(
      ids(boundQueue([entry('c', 3), entry('a', 1), entry('d', 4), entry('b', 2)], 2, 1e6, any)),
    ).toEqual(['a', 'b']);
  });

  it('drops the oldest until the bytes fit', () => {
    expect(ids(boundQueue([entry('a', 1, 50), entry('b', 2, 30), entry('c', 3, 30)], 10, 60, any))).toEqual([
      'a',
    ]);
    expect(ids(boundQueue([entry('a', 1, 10), entry('b', 2, 10), entry('c', 3, 100)], 10, 60, any))).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('passes over what may not be dropped (in flight) and drops the next oldest instead', () => {
    const queue = [entry('a', 1, 10, true), entry('b', 2), entry('c', 3), entry('d', 4)];
    expect(ids(boundQueue(queue, 2, 1e6, (e) => !e.inFlight))).toEqual(['b', 'c']);
    // Nothing droppable: the bound cannot be met, and nothing else goes.
    expect(
      boundQueue([entry('a', 1, 10, true), entry('b', 2, 10, true)], 1, 1e6, (e) => !e.inFlight),
    ).toEqual([]);
  });
});

describe('consent', () => {
  it('accepts the three states and refuses anything else with the list', () => {
    expect(['in', 'pending', 'out'].map(parseConsent)).toEqual(['in', 'pending', 'out']);
    for (const bad of ['IN', 'yes', true, undefined, null]) {
      expect(() => parseConsent(bad)).toThrow(/consent must be "in", "pending" or "out"/);
    }
  });

  it('sends on in, holds on pending, drops on out', () => {
    expect(consentEffect('in')).toBe('send');
    expect(consentEffect('pending')).toBe('hold');
    expect(consentEffect('out')).toBe('drop');
  });
});

describe('readHandles', () => {
  it('keeps state entries and identities, and skips malformed items', () => {
    const found = readHandles([
      {
        type: 'identity:result',
        payload: [{ id: 'ecid-1', namespace: { code: 'ECID' } }, { id: 7, namespace: { code: 'X' } }, null],
      },
      {
        type: 'state:store',
        payload: [
          { key: 'kndctr_ORG_identity', value: 'abc', maxAge: 34128000, attrs: { SameSite: 'None' } },
          { key: 'bad; name', value: 'x' },
          { key: 'k', value: 5 },
        ],
      },
      { type: 'locationHint:result', payload: [{ scope: 'EdgeNetwork', hint: 'or2' }] },
      { type: 'state:store', payload: 'not a list' as never },
    ]);
    expect(found.identity).toEqual({ ECID: 'ecid-1' });
    expect(found.state).toEqual([
      { key: 'kndctr_ORG_identity', value: 'abc', maxAge: 34128000, attrs: { SameSite: 'None' } },
    ]);
  });
});
