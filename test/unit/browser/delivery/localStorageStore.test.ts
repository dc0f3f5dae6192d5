import { afterEach, describe, expect, it } from 'vitest';
import { localStorageStore } from '../../../../src/browser/delivery/localStorageStore';
import { readQueue } from '../../../../src/browser/delivery/readQueue';
import { createDelivery } from '../../../../src/core/delivery/createDelivery';
import { soleOwnership } from '../../../../src/core/delivery/Ownership';
import type { QueueEntry } from '../../../../src/core/delivery/QueueStore';
import { resolveConfig } from '../../../../src/core/resolveConfig';
import type { InteractRequest } from '../../../../src/core/InteractRequest';
import { readEdgeAnswer } from '../../../../src/core/readEdgeAnswer';

const NS = 'edge-collector:test';
/** Where earlier versions stored a request: `{namespace}:q:{requestId}`, the body inside the entry's JSON. */
const EARLIER = `${NS}:q:`;
const STORED = `${NS}:q2:`;
const DATASTREAM = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
const entry = (id: string, body = '{}'): QueueEntry => ({
  request: { requestId: id, eventId: id, url: 'http://127.0.0.1/ee/v2/interact', headers: {}, body },
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
/** The same faults in the format of this version: a header, a line break, the body. */
const unreadableNow = {
  'not-json 1 2': '{"request":\n{}',
  'null 1 2': 'null\n{}',
  'no-request 1 2': '{"at":1}\n{}',
  'other-id 1 2': `${JSON.stringify(entry('someone-else'))}\n{}`,
};

afterEach(() => localStorage.clear());

/** The store with the reading of the tabs add-on, and no bounds. */
const store = () => localStorageStore(NS, async () => ({ all: () => readQueue(NS), bound: () => undefined }));

/** A body as an Edge event is built: JSON full of quotes (escaped again inside JSON, the old way). */
function eventBody(chars: number): string {
  const items = Array.from({ length: Math.ceil(chars / 60) }, (_, n) => ({
    SKU: `sku-${n}`,
    name: 'a "b" c',
  }));
  return JSON.stringify({ event: { xdm: { productListItems: items } } }).slice(0, chars - 2) + '"}';
}

const keys = () => Object.keys(localStorage).sort();

describe('localStorageStore (issue 23, F10)', () => {
  it('skips and deletes an unreadable entry, and reads the others, in both formats', async () => {
    for (const [id, text] of Object.entries(unreadable)) localStorage.setItem(EARLIER + id, text);
    for (const [id, text] of Object.entries(unreadableNow)) localStorage.setItem(STORED + id, text);
    localStorage.setItem(EARLIER + 'good', JSON.stringify(entry('good')));
    await store().put(entry('fine'));
    localStorage.setItem(`${NS}:consent`, 'in');
    expect((await store().all()).map((e) => e.request.requestId).sort()).toEqual(['fine', 'good']);
    expect(keys()).toEqual([`${NS}:consent`, `${STORED}fine 1 2`, EARLIER + 'good']);
  });

  it('lets an opt-out clear the queue past an unreadable entry', async () => {
    for (const [id, text] of Object.entries(unreadable)) localStorage.setItem(EARLIER + id, text);
    localStorage.setItem(EARLIER + 'good', JSON.stringify({ ...entry('good'), owner: 'this' }));
    await store().put({ ...entry('fine'), owner: 'other' });
    const delivery = createDelivery({
      config: resolveConfig({ datastreamId: DATASTREAM, defaultConsent: 'pending' }),
      platform: {
        transport: async () => ({ status: 200, body: '{}' }),
        store: store(),
        ownership: soleOwnership,
      },
      handlers: { interact: { gated: true, read: readEdgeAnswer } },
      log: () => undefined,
    });
    await expect(delivery.setConsent('out')).resolves.toBeUndefined();
    expect(keys()).toEqual([]);
  });
});

describe('localStorageStore: the body stored once (issue 22, point 3)', () => {
  it('stores the body as is after a one-line header, and reads back the very same string', async () => {
    // Quotes, backslashes, a line break, JSON's own escapes, astral and line-separator characters.
    const body = '{"event":{"xdm":{"name":"say \\"hi\\"\\\\ \\n ü 😀 \u2028"}},"raw":"\n"}';
    await store().put(entry('once', body));
    const text = localStorage.getItem(`${STORED}once 1 ${body.length}`)!;
    expect(text).toBe(
      `{"request":{"requestId":"once","eventId":"once","url":"http://127.0.0.1/ee/v2/interact","headers":{}},"at":1,"owner":"gone"}\n${body}`,
    );
    const [read] = await store().all();
    expect(read!.request.body).toBe(body);
    expect(read).toEqual(entry('once', body));
  });

  it('takes about the characters of the body, where the old format took 15 % more for an event', async () => {
    const body = eventBody(60_000);
    const stored = entry('big', body);
    await store().put(stored);
    const text = localStorage.getItem(keys()[0]!)!;
    // The header (ids, URL, owner, time) is a small constant.
    expect(text.length - body.length).toBeLessThan(250);
    // What earlier versions wrote: the same entry with its body escaped inside JSON.
    expect(JSON.stringify(stored).length).toBeGreaterThan(body.length * 1.15);
  });

  it('reads an entry left by earlier versions, writes it anew when adopted, and deletes it', async () => {
    const body = eventBody(2_000);
    const old = { ...entry('left', body), at: 1700000000000.5, owner: 'closed' };
    localStorage.setItem(EARLIER + 'left', JSON.stringify(old));
    const [read] = await store().all();
    expect(read).toEqual(old);
    // Adopted: written under this page's name in this version's format, its old key gone.
    await store().put({ ...read!, owner: 'me' });
    expect(keys()).toEqual([`${STORED}left 1700000000000.5 ${body.length}`]);
    expect(await store().all()).toEqual([{ ...old, owner: 'me' }]);
    await store().del(read!);
    expect(keys()).toEqual([]);
    // Deleted unadopted, as an opt-out does: the old key goes too.
    localStorage.setItem(EARLIER + 'left', JSON.stringify(old));
    await store().del((await store().all())[0]!);
    expect(keys()).toEqual([]);
  });

  it("sends a leftover of earlier versions with its very body, and keeps nothing (a visitor's upgrade)", async () => {
    const body = eventBody(3_000);
    const request: InteractRequest = { ...entry('upgrade', body).request };
    localStorage.setItem(EARLIER + 'upgrade', JSON.stringify({ request, at: 5, owner: 'old-script' }));
    const sent: InteractRequest[] = [];
    createDelivery({
      config: resolveConfig({ datastreamId: DATASTREAM }),
      platform: {
        transport: async (req) => (sent.push(req), { status: 200, body: '{}' }),
        store: store(),
        ownership: soleOwnership,
      },
      handlers: { interact: { gated: true, read: readEdgeAnswer } },
      log: () => undefined,
    });
    await expect.poll(() => keys()).toEqual([]);
    expect(sent).toEqual([request]);
  });

  it('never reads the queue (nor loads its code) while nothing is stored', async () => {
    let loaded = 0;
    const lazy = localStorageStore(NS, async () => {
      loaded++;
      return { all: () => readQueue(NS), bound: () => undefined };
    });
    localStorage.setItem(`${NS}:consent`, 'in');
    expect(await lazy.all()).toEqual([]);
    expect(loaded).toBe(0);
    await lazy.put(entry('one'));
    expect(await lazy.all()).toHaveLength(1);
    expect(loaded).toBe(1);
  });
});
