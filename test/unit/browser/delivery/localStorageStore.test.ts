import { afterEach, describe, expect, it } from 'vitest';
import { localStorageStore } from '../../../../src/browser/delivery/localStorageStore';
import { readQueue } from '../../../../src/browser/delivery/readQueue';
import { createDelivery } from '../../../../src/core/delivery/createDelivery';
import { soleOwnership } from '../../../../src/core/delivery/Ownership';
import { resolveConfig } from '../../../../src/core/CollectorConfig';
import { readEdgeAnswer } from '../../../../src/core/readEdgeAnswer';

const NS = 'edge-collector:test';
const PREFIX = `${NS}:q:`;
const entry = (id: string) => ({
  request: { requestId: id, eventId: id, url: 'http://127.0.0.1/ee/v2/interact', headers: {}, body: '{}' },
  at: 1,
  owner: 'gone',
});
const unreadable = {
  'not-json': '{"request":',
  null: 'null',
  'no-request': '{"at":1}',
  'other-id': JSON.stringify(entry('someone-else')),
  'no-body': JSON.stringify({ ...entry('no-body'), request: { requestId: 'no-body' } }),
};

afterEach(() => localStorage.clear());

/** The store with the reading of the tabs add-on, and no bounds. */
const store = () => localStorageStore(NS, async () => ({ all: () => readQueue(NS), bound: () => undefined }));

describe('localStorageStore (issue 23, F10)', () => {
  it('skips and deletes an unreadable entry, and reads the others', async () => {
    for (const [id, text] of Object.entries(unreadable)) localStorage.setItem(PREFIX + id, text);
    localStorage.setItem(PREFIX + 'good', JSON.stringify(entry('good')));
    localStorage.setItem(`${NS}:consent`, 'in');
    expect((await store().all()).map((e) => e.request.requestId)).toEqual(['good']);
    expect(Object.keys(localStorage).sort()).toEqual([`${NS}:consent`, PREFIX + 'good']);
  });

  it('lets an opt-out clear the queue past an unreadable entry', async () => {
    for (const [id, text] of Object.entries(unreadable)) localStorage.setItem(PREFIX + id, text);
    localStorage.setItem(PREFIX + 'good', JSON.stringify({ ...entry('good'), owner: 'this' }));
    const delivery = createDelivery({
      config: resolveConfig({
        datastreamId: '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b',
        defaultConsent: 'pending',
      }),
      platform: {
        transport: async () => ({ status: 200, body: '{}' }),
        store: store(),
        ownership: soleOwnership,
      },
      handlers: { interact: { gated: true, read: readEdgeAnswer } },
      log: () => undefined,
    });
    await expect(delivery.setConsent('out')).resolves.toBeUndefined();
    expect(Object.keys(localStorage)).toEqual([]);
  });
});
