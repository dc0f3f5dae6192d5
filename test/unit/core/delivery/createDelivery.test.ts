import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CollectorConfig } from '../../../../src/core/CollectorConfig';
import { resolveConfig } from '../../../../src/core/resolveConfig';
import { createDelivery, type DeliveryPlatform } from '../../../../src/core/delivery/createDelivery';
import { edgeInteract, type EdgeInteractCollaborators } from '../../../../src/core/delivery/edgeInteract';
import { adoptByOwner } from '../../../../src/core/delivery/adoptByOwner';
import type { Ownership } from '../../../../src/core/delivery/Ownership';
import { memoryStore, type QueueStore } from '../../../../src/core/delivery/QueueStore';
import type { InteractRequest } from '../../../../src/core/InteractRequest';
import { readEdgeAnswer, type SendResult } from '../../../../src/core/readEdgeAnswer';
import type { RequestHandler } from '../../../../src/core/delivery/RequestHandler';
import type { EdgeAnswer } from '../../../../src/core/Transport';
import { EdgeCollectorError } from '../../../../src/core/EdgeCollectorError';
import { inMemory } from '../../../../src/core/delivery/inMemory';
import { recoverDelivery } from '../../../../src/core/delivery/recoverDelivery';

const ID = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
let counter = 0;

function request(name = `r${++counter}`): InteractRequest {
  return {
    requestId: name,
    eventId: `event-${name}`,
    url: `http://127.0.0.1:4100/ee/v2/interact?dataStreamId=${ID}&requestId=${name}`,
    headers: { 'content-type': 'text/plain;charset=UTF-8' },
    body: JSON.stringify({
      event: { xdm: { _id: `event-${name}`, timestamp: '2026-11-23T12:00:00.000Z', eventType: 't' } },
    }),
  };
}

type Reply = number | 'network' | { status: number; retryAfter?: string; body?: unknown };

/** A delivery whose transport answers from a script (then 200), recording what was sent and when. */
function setup(
  replies: Reply[] = [],
  options: Partial<CollectorConfig> = {},
  platform: Partial<DeliveryPlatform> & EdgeInteractCollaborators = {},
) {
  const sent: Array<{ request: InteractRequest; at: number }> = [];
  const results: SendResult[] = [];
  const store = platform.store ?? memoryStore();
  const transport = async (req: InteractRequest): Promise<EdgeAnswer> => {
    sent.push({ request: req, at: Date.now() });
    const reply = replies.shift() ?? 200;
    if (reply === 'network') throw new EdgeCollectorError('network', 'no answer');
    const { status, retryAfter, body } =
      typeof reply === 'number' ? { status: reply, retryAfter: undefined, body: undefined } : reply;
    const json =
      body ??
      (status < 300
        ? { requestId: req.requestId, handle: [] }
        : { title: 'Refused', detail: `status ${status}` });
    return { status, body: JSON.stringify(json), retryAfter };
  };
  const config = resolveConfig({ datastreamId: ID, retryDelay: 1000, maxRetryDelay: 8000, ...options });
  const log = vi.fn();
  const interact = edgeInteract({ ...platform, notify: (r) => results.push(r) });
  const delivery = createDelivery({
    config,
    platform: { ...inMemory(), transport, store, random: () => 0.5, ...platform },
    handlers: { interact },
    log,
  });
  return { delivery, sent, results, store, interact, log };
}

/** A transport that records each request and answers it (200) only when the test says so. */
function heldTransport() {
  const sent: string[] = [];
  const answers: Array<() => void> = [];
  const transport = (req: InteractRequest) =>
    new Promise<EdgeAnswer>((resolve) => {
      sent.push(req.requestId);
      answers.push(() => resolve({ status: 200, body: '{"handle":[]}' }));
    });
  return { transport, sent, answers };
}

/** A `remember` that keeps values in a record the test can read; every write succeeds. */
function rememberInMemory(remembered: Record<string, string> = {}) {
  const remember = (name: string, value?: string) =>
    value === undefined ? (remembered[name] ?? null) : (remembered[name] = value);
  return { remembered, remember };
}

const stored = async (store: QueueStore) => (await store.all()).map((e) => e.request.requestId);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createDelivery: retries', () => {
  it('backs off exponentially with full jitter, resending the same request, and removes it on 2xx', async () => {
    const { delivery, sent, store } = setup([503, 'network', 504]);
    const start = Date.now();
    const req = request();
    const promise = delivery.send(req, []);
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    expect(await stored(store)).toEqual([req.requestId]);
    // random() = 0.5 of ceilings 1000, 2000, 4000 ms.
    await vi.advanceTimersByTimeAsync(499);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent).toHaveLength(4);
    const result = await promise;
    expect(result.requestId).toBe(req.requestId);
    expect(sent.map((s) => s.at - start)).toEqual([0, 500, 1500, 3500]);
    expect(new Set(sent.map((s) => s.request.body)).size).toBe(1);
    expect(sent.every((s) => s.request.requestId === req.requestId && s.request.url === req.url)).toBe(true);
    expect(await stored(store)).toEqual([]);
  });

  it('waits at least what Retry-After asks, in seconds or as an HTTP date', async () => {
    const { delivery, sent } = setup([
      { status: 429, retryAfter: '3' },
      { status: 503, retryAfter: new Date(Date.now() + 10_000).toUTCString() },
    ]);
    const promise = delivery.send(request(), []);
    await vi.advanceTimersByTimeAsync(2999);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
    // The date is 10 s after the start (HTTP dates have whole seconds): 7 s after the second attempt.
    await vi.advanceTimersByTimeAsync(6000);
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(3);
    await expect(promise).resolves.toMatchObject({ warnings: [] });
  });

  it.each([400, 401, 403, 404, 413])(
    'does not retry %i: rejects with the problem body and forgets the event',
    async (status) => {
      const { delivery, sent, store } = setup([status]);
      const promise = delivery.send(request(), []);
      const check = expect(promise).rejects.toMatchObject({
        code: 'response',
        status,
        title: 'Refused',
        detail: `status ${status}`,
      });
      await vi.advanceTimersByTimeAsync(60_000);
      await check;
      expect(sent).toHaveLength(1);
      expect(await stored(store)).toEqual([]);
    },
  );

  it('never retries a 500 or a 408 (Adobe: not retryable), and keeps nothing of it', async () => {
    for (const status of [500, 408]) {
      const { delivery, sent, store } = setup([status]);
      const check = expect(delivery.send(request(), [])).rejects.toMatchObject({ status });
      await vi.advanceTimersByTimeAsync(60_000);
      await check;
      expect(sent).toHaveLength(1);
      expect(await stored(store)).toEqual([]);
    }
  });

  it('gives up after maxAttempts but keeps the event stored for the next page load', async () => {
    const { delivery, sent, store } = setup(['network', 'network', 'network'], { maxAttempts: 3 });
    const req = request();
    const check = expect(delivery.send(req, [])).rejects.toMatchObject({ code: 'network' });
    await vi.advanceTimersByTimeAsync(60_000);
    await check;
    expect(sent).toHaveLength(3);
    expect(await stored(store)).toEqual([req.requestId]);
  });

  it('attempts nothing while offline, and resumes when woken', async () => {
    let online = false;
    const { delivery, sent } = setup([], {}, { online: () => online });
    const promise = delivery.send(request(), []);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(0);
    online = true;
    delivery.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    await promise;
  });

  it('issues a burst at once, in the order called, without waiting for answers', async () => {
    const { transport, sent, answers } = heldTransport();
    const { delivery } = setup([], {}, { transport });
    const ids = Array.from({ length: 10 }, (_, n) => `burst-${n}`);
    const promises = ids.map((id) => delivery.send(request(id), []));
    // Issued in the same task as the calls: no answer, no timer, no store write was waited for.
    expect(sent).toEqual(ids);
    answers.forEach((answer) => answer());
    await expect(Promise.all(promises)).resolves.toHaveLength(10);
  });

  it('retries a failed request on its own while later ones go on', async () => {
    const { delivery, sent } = setup([503]);
    const a = delivery.send(request('a'), []);
    const b = delivery.send(request('b'), []);
    await vi.advanceTimersByTimeAsync(10_000);
    await Promise.all([a, b]);
    expect(sent.map((s) => s.request.requestId)).toEqual(['a', 'b', 'a']);
  });

  it('an answered send never touches the store; a failed one is written once, before its retry', async () => {
    const inner = memoryStore();
    const writes: string[] = [];
    const store: QueueStore = {
      ...inner,
      put: (entry) => (writes.push(`put ${entry.request.requestId}`), inner.put(entry)),
      del: (entry) => (writes.push(`del ${entry.request.requestId}`), inner.del(entry)),
    };
    const { delivery, sent } = setup([200, 503, 503], {}, { store });
    await expect(delivery.send(request('fine'), [])).resolves.toMatchObject({ requestId: 'fine' });
    expect(writes).toEqual([]);
    const failing = delivery.send(request('failing'), []);
    await vi.advanceTimersByTimeAsync(0);
    expect(writes).toEqual(['put failing']);
    await vi.advanceTimersByTimeAsync(10_000);
    await failing;
    expect(sent.map((s) => s.request.requestId)).toEqual(['fine', 'failing', 'failing', 'failing']);
    expect(writes).toEqual(['put failing', 'del failing']);
  });

  it('decides keepalive within the browser budget, and writes at once what goes without it', async () => {
    const { transport, sent, answers } = heldTransport();
    const keepalives: boolean[] = [];
    const store = memoryStore();
    const big = (id: string) => ({
      ...request(id),
      body: JSON.stringify({ event: { pad: 'x'.repeat(25_000) } }),
    });
    const { delivery } = setup(
      [],
      {},
      {
        store,
        transport: (req, keepalive) => (keepalives.push(!!keepalive), transport(req)),
      },
    );
    for (const id of ['a', 'b', 'c']) void delivery.send(big(id), []);
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['a', 'b', 'c']);
    expect(keepalives).toEqual([true, true, false]);
    // Without keepalive the request dies with the page: it is on disk already.
    expect(await stored(store)).toEqual(['c']);
    answers.forEach((answer) => answer());
  });
});

describe('createDelivery: the queue', () => {
  it('sends what an earlier page load left, oldest first, and reports the results to listeners', async () => {
    const store = memoryStore();
    const [old, older] = [request('old'), request('older')];
    await store.put({ request: old, at: 2 });
    await store.put({ request: older, at: 1 });
    const { sent, results } = setup([], {}, { store });
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent.map((s) => s.request.requestId)).toEqual(['older', 'old']);
    expect(results.map((r) => r.eventId)).toEqual(['event-older', 'event-old']);
    expect(await stored(store)).toEqual([]);
  });

  it('leaves alone what a live page owns, and adopts it (as its own) once that page is gone', async () => {
    const store = memoryStore();
    await store.put({ request: request('theirs'), at: 1, owner: 'other-tab' });
    let gone!: () => void;
    const released = vi.fn();
    const ownership: Ownership = {
      id: 'this-tab',
      hold: async () => true,
      letGo: () => undefined,
      recovery: async () => recoverDelivery,
      adoptLeftovers: adoptByOwner('this-tab', (owners, granted) =>
        owners.forEach((owner) =>
          owner === 'other-tab' ? (gone = () => granted([owner], released)) : granted([owner], released),
        ),
      ),
    };
    const { delivery, sent } = setup([{ status: 503 }, 'network'], {}, { store, ownership });
    const mine = delivery.send(request('mine'), []);
    await vi.advanceTimersByTimeAsync(0);
    // Stored under this page's name, not the other's.
    expect((await store.all()).map((e) => [e.request.requestId, e.owner])).toEqual([
      ['theirs', 'other-tab'],
      ['mine', 'this-tab'],
    ]);
    await vi.advanceTimersByTimeAsync(5000);
    await mine;
    expect(sent.map((s) => s.request.requestId)).toEqual(['mine', 'mine', 'mine']);
    gone();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.map((s) => s.request.requestId)).toEqual(['mine', 'mine', 'mine', 'theirs']);
    expect(released).toHaveBeenCalledOnce();
    expect(await stored(store)).toEqual([]);
  });

  it('does not resend what another page delivered while this one waited for its owner to go', async () => {
    const store = memoryStore();
    await store.put({ request: request('theirs'), at: 1, owner: 'other-tab' });
    let gone!: () => void;
    const ownership: Ownership = {
      id: 'this-tab',
      hold: async () => true,
      letGo: () => undefined,
      recovery: async () => recoverDelivery,
      adoptLeftovers: adoptByOwner('this-tab', (owners, granted) => {
        gone = () => granted(owners, () => undefined);
      }),
    };
    const { sent } = setup([], {}, { store, ownership });
    await vi.advanceTimersByTimeAsync(1000);
    await store.del({ request: request('theirs'), at: 1 });
    gone();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(0);
  });

  it('holds its ownership from its first stored request until the page is hidden with nothing left', async () => {
    const calls: string[] = [];
    const ownership: Ownership = {
      id: 'this-tab',
      hold: async () => calls.push('hold'),
      letGo: () => void calls.push('letGo'),
      recovery: async () => recoverDelivery,
      adoptLeftovers: async () => undefined,
    };
    let online = false;
    const { delivery } = setup([], {}, { ownership, online: () => online });
    // Offline: it cannot leave, so it is written, under this page's ownership.
    const queued = delivery.send(request(), []);
    await vi.advanceTimersByTimeAsync(0);
    delivery.flush();
    // Hidden with a request still stored: other pages must not adopt it.
    expect(calls).toEqual(['hold']);
    online = true;
    delivery.wake();
    await Promise.all([queued, delivery.send(request(), [])]);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['hold']);
    delivery.flush();
    expect(calls).toEqual(['hold', 'letGo']);
    // Answered sends store nothing, so they need no ownership.
    await delivery.send(request(), []);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['hold', 'letGo']);
  });

  it('never takes its own new events for leftovers, even when the first read of the queue is slow', async () => {
    const inner = memoryStore();
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let first = true;
    const store: QueueStore = {
      ...inner,
      all: async () => (first ? ((first = false), await gate) : undefined, inner.all()),
    };
    const { delivery, sent } = setup([], {}, { store });
    const promise = delivery.send(request('own'), []);
    await vi.advanceTimersByTimeAsync(0);
    open();
    await vi.advanceTimersByTimeAsync(500);
    await expect(promise).resolves.toMatchObject({ requestId: 'own' });
    expect(sent).toHaveLength(1);
  });

  it('drops the oldest beyond the bounds, rejects their callers, and warns in the next result', async () => {
    const { delivery, sent, store, log } = setup([], { defaultConsent: 'pending', maxQueueSize: 2 });
    const first = delivery.send(request('a'), []);
    const check = expect(first).rejects.toMatchObject({ code: 'queue-full' });
    const rest = [delivery.send(request('b'), []), delivery.send(request('c'), [])];
    await vi.advanceTimersByTimeAsync(0);
    await check;
    // Consent pending: they wait in memory only.
    expect(await stored(store)).toEqual([]);
    // Through the platform's log, not the console.
    expect(log).toHaveBeenCalledWith('queue full: dropped request a');
    await delivery.setConsent('in');
    const [b, c] = await Promise.all(rest);
    expect(sent.map((s) => s.request.requestId)).toEqual(['b', 'c']);
    expect(b!.warnings).toEqual(['1 queued event(s) were dropped: the queue was full']);
    expect(c!.warnings).toEqual([]);
  });

  it('refreshes meta.state at each attempt and leaves the event untouched', async () => {
    let value = 'v1';
    const { delivery, sent } = setup(
      [503],
      {},
      { requestMeta: () => ({ state: { entries: [{ key: 'k', value }] } }) },
    );
    const req = request();
    const promise = delivery.send(req, []);
    await vi.advanceTimersByTimeAsync(0);
    value = 'v2';
    await vi.advanceTimersByTimeAsync(10_000);
    await promise;
    const bodies = sent.map((s) => JSON.parse(s.request.body));
    expect(bodies.map((b) => b.meta.state.entries[0].value)).toEqual(['v1', 'v2']);
    expect(bodies.every((b) => JSON.stringify({ event: b.event }) === req.body)).toBe(true);
  });

  it('keeps state:store entries and identity:result ids from answers, writing the identity only when it changed', async () => {
    const storeState = vi.fn();
    const remembered = new Map<string, string>();
    const writes: string[] = [];
    const remember = (name: string, value?: string) =>
      value === undefined ? remembered.get(name) : void (writes.push(name), remembered.set(name, value));
    const handle = [
      { type: 'identity:result', payload: [{ id: 'ecid-1', namespace: { code: 'ECID' } }] },
      { type: 'state:store', payload: [{ key: 'kndctr_X_identity', value: 'abc', maxAge: 100 }] },
    ];
    const answer = { status: 200, body: { handle } };
    const { delivery, interact } = setup([answer, answer], {}, { storeState, remember });
    const result = await delivery.send(request(), []);
    await delivery.send(request(), []);
    expect(result.handle).toEqual(handle);
    expect(interact.identity()).toEqual({ ECID: 'ecid-1' });
    expect(storeState).toHaveBeenCalledWith([{ key: 'kndctr_X_identity', value: 'abc', maxAge: 100 }]);
    expect(writes).toEqual(['identity']);
    // The next page load knows it before any answer.
    const again = setup([], {}, { remember });
    expect(again.interact.identity()).toEqual({ ECID: 'ecid-1' });
  });
});

describe('createDelivery: consent', () => {
  it('pending holds events (promises stay pending); in sends them in order', async () => {
    const { delivery, sent } = setup([], { defaultConsent: 'pending' });
    const settled = vi.fn();
    const promises = ['a', 'b', 'c'].map((id) => delivery.send(request(id), []).then(settled));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(0);
    expect(settled).not.toHaveBeenCalled();
    await delivery.setConsent('in');
    await Promise.all(promises);
    expect(sent.map((s) => s.request.requestId)).toEqual(['a', 'b', 'c']);
  });

  it('pending then out sends nothing, clears the queue, and resolves with a warning', async () => {
    const { delivery, sent, store } = setup([], { defaultConsent: 'pending' });
    const promise = delivery.send(request('a'), ['earlier warning']);
    await vi.advanceTimersByTimeAsync(0);
    // Nothing of an event is written to the device while consent is pending.
    expect(await stored(store)).toEqual([]);
    await delivery.setConsent('out');
    await expect(promise).resolves.toMatchObject({
      requestId: 'a',
      handle: [],
      warnings: ['earlier warning', 'consent is out: the event was not sent'],
    });
    await expect(delivery.send(request('b'), [])).resolves.toMatchObject({
      warnings: ['consent is out: the event was not sent'],
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(0);
    expect(await stored(store)).toEqual([]);
  });

  it('remembers the choice over the configured default, and refuses an unknown value', async () => {
    const remembered = new Map<string, string>();
    const remember = (name: string, value?: string) =>
      value === undefined ? remembered.get(name) : (remembered.set(name, value), value);
    const first = setup([], { defaultConsent: 'pending' }, { remember });
    await first.delivery.setConsent('out');
    await expect(first.delivery.setConsent('yes')).rejects.toMatchObject({ code: 'invalid-options' });
    const next = setup([], { defaultConsent: 'in' }, { remember });
    await expect(next.delivery.send(request(), [])).resolves.toMatchObject({
      warnings: ['consent is out: the event was not sent'],
    });
    expect(next.sent).toHaveLength(0);
  });

  it('writes the choice only when it changed', async () => {
    const writes: string[] = [];
    const remember = (name: string, value?: string) =>
      value === undefined ? null : (writes.push(value), value);
    const { delivery } = setup([], { defaultConsent: 'pending' }, { remember });
    await delivery.setConsent('in');
    await delivery.setConsent('in');
    await delivery.setConsent('pending');
    expect(writes).toEqual(['in', 'pending']);
  });

  it('out then in sends new events again', async () => {
    const { delivery, sent } = setup([], { defaultConsent: 'out' });
    await delivery.setConsent('in');
    await delivery.send(request('a'), []);
    expect(sent).toHaveLength(1);
  });
});

describe('createDelivery: request kinds', () => {
  /** A kind outside the consent gate that goes ahead of the others, as the Edge Network's consent request does. */
  const barrier: RequestHandler = { gated: false, ordered: true, read: readEdgeAnswer };

  it('sends an ungated kind while consent is pending, ahead of what was queued before it, and holds the rest until it is answered', async () => {
    const { transport, sent, answers } = heldTransport();
    const { delivery } = setup([], { defaultConsent: 'pending' }, { transport });
    const before = delivery.send(request('event-before'), []);
    const choice = delivery.send({ ...request('choice'), kind: 'barrier' }, [], barrier);
    const after = delivery.send({ ...request('choice-after'), kind: 'barrier' }, []);
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['choice']);
    await delivery.setConsent('in');
    // Even the event queued before it waits for its answer: it may be sent only under the new decision.
    expect(sent).toEqual(['choice']);
    answers[0]!();
    await choice;
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['choice', 'choice-after']);
    answers[1]!();
    await after;
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['choice', 'choice-after', 'event-before']);
    answers[2]!();
    await before;
  });

  it('sends an ungated kind while consent is out, and keeps it when consent goes out', async () => {
    const { delivery, sent } = setup([], { defaultConsent: 'out' });
    const result = await delivery.send({ ...request('choice'), kind: 'barrier' }, [], barrier);
    expect(result.warnings).toEqual([]);
    expect(sent.map((s) => s.request.requestId)).toEqual(['choice']);
  });

  it('serialises each attempt with the handler of its kind, and tells only that kind of its answer', async () => {
    const answered = vi.fn();
    const plain: RequestHandler = { gated: true, read: readEdgeAnswer, answered };
    const { delivery, sent, results } = setup([], {}, { requestMeta: () => ({ state: { entries: [] } }) });
    const streamed = { ...request('record'), kind: 'plain', body: '{"record":1}' };
    await delivery.send(streamed, [], plain);
    expect(sent[0]!.request.body).toBe('{"record":1}');
    expect(answered).toHaveBeenCalledOnce();
    expect(results).toEqual([]);
  });
});

describe('createDelivery: page hide', () => {
  it('forgets what the browser was handed with keepalive while the Edge Network answers: the next page sends no copy', async () => {
    const { transport, sent } = heldTransport();
    const { remember } = rememberInMemory();
    const { delivery, store } = setup([], {}, { transport, remember });
    void delivery.send(request('leaving'), []);
    await vi.advanceTimersByTimeAsync(0);
    delivery.flush();
    expect(sent).toEqual(['leaving']);
    expect(await stored(store)).toEqual([]);
  });

  it('counts no failure an unloading page sees: nothing written for the next page, nothing remembered, until shown again', async () => {
    const fails: Array<() => void> = [];
    const transport = (req: InteractRequest) =>
      new Promise<EdgeAnswer>(
        (_, reject) => void fails.push(() => reject(new Error(`${req.requestId} aborted`))),
      );
    const { remembered, remember } = rememberInMemory();
    const { delivery, store } = setup([], {}, { transport, remember });
    void delivery.send(request('leaving'), []);
    await vi.advanceTimersByTimeAsync(0);
    delivery.flush(true);
    // Chromium rejects the fetches of a page it unloads, even the `keepalive` one it still delivers.
    fails.shift()!();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await stored(store)).toEqual([]);
    expect(remembered.failedAt).toBeUndefined();
    // Shown again from the back/forward cache: a failure counts again, and is written for a retry.
    delivery.wake(true);
    void delivery.send(request('shown'), []);
    await vi.advanceTimersByTimeAsync(0);
    fails.at(-1)!();
    await vi.advanceTimersByTimeAsync(0);
    expect(await stored(store)).toEqual(['shown']);
    expect(remembered.failedAt).toBeDefined();
  });

  it('keeps it for the next page while the Edge Network has failed lately, on any page of the site', async () => {
    const { transport } = heldTransport();
    const { remember } = rememberInMemory({ failedAt: String(Date.now() - 1000) });
    const { delivery, store } = setup([], {}, { transport, remember });
    void delivery.send(request('leaving'), []);
    await vi.advanceTimersByTimeAsync(0);
    delivery.flush();
    expect(await stored(store)).toEqual(['leaving']);
  });

  it('stores what never left (offline) and leaves a retry waiting for the next page, sending nothing more', async () => {
    let online = true;
    const { delivery, sent, store } = setup([503], {}, { online: () => online });
    void delivery.send(request('failed'), []);
    await vi.advanceTimersByTimeAsync(0);
    online = false;
    void delivery.send(request('offline'), []);
    await vi.advanceTimersByTimeAsync(0);
    delivery.flush();
    expect(sent.map((s) => s.request.requestId)).toEqual(['failed']);
    expect((await stored(store)).sort()).toEqual(['failed', 'offline']);
  });
});

describe('createDelivery: what could not be stored (issue 23)', () => {
  const refusing = (name: string, value?: string) => (value === undefined ? null : undefined);
  const fullStore = (): QueueStore => ({
    ...memoryStore(),
    put: async () => {
      throw new DOMException('quota exceeded', 'QuotaExceededError');
    },
  });

  it('F5: a consent that cannot be stored rejects with `storage`, once applied for this page', async () => {
    const { delivery, sent } = setup([], {}, { remember: refusing });
    await expect(delivery.setConsent('out')).rejects.toMatchObject({
      code: 'storage',
      message: 'consent "out" could not be stored (storage full or refused): it holds for this page only',
    });
    await expect(delivery.send(request(), [])).resolves.toMatchObject({
      warnings: ['consent is out: the event was not sent'],
    });
    expect(sent).toHaveLength(0);
  });

  it('F6: a send given up that could not be stored says so, not `network`', async () => {
    const { delivery } = setup(['network', 'network'], { maxAttempts: 2 }, { store: fullStore() });
    const req = request();
    const check = expect(delivery.send(req, [])).rejects.toMatchObject({
      code: 'storage',
      message: `request ${req.requestId} could not be stored (storage full or refused): nothing is kept for the next page`,
    });
    await vi.advanceTimersByTimeAsync(60_000);
    await check;
  });

  it('F9: a request in flight at an opt-out loses its stored copy, settles, and is never sent after a later opt-in', async () => {
    const sentIds: string[] = [];
    const outcomes: Array<(outcome: EdgeAnswer | Error) => void> = [];
    const transport = (req: InteractRequest) =>
      new Promise<EdgeAnswer>((resolve, reject) => {
        sentIds.push(req.requestId);
        outcomes.push((outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome)));
      });
    const { delivery, store } = setup([], {}, { transport });
    const settled = vi.fn();
    void delivery.send(request('early'), []).then(settled);
    // The first attempt fails, so the request is stored; its retry is in flight.
    outcomes.shift()!(new EdgeCollectorError('network', 'no answer'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(sentIds).toEqual(['early', 'early']);
    expect(await stored(store)).toEqual(['early']);
    await delivery.setConsent('out');
    expect(await stored(store)).toEqual([]);
    await delivery.setConsent('in');
    outcomes.shift()!(new EdgeCollectorError('network', 'no answer'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(settled).toHaveBeenCalledWith(
      expect.objectContaining({ warnings: ['consent is out: the event was not sent'] }),
    );
    expect(sentIds).toEqual(['early', 'early']);
    expect(await stored(store)).toEqual([]);
  });

  it("F8: adopted leftovers are bounded with this page's own, and every drop is reported", async () => {
    const store = memoryStore();
    for (const [n, id] of ['x', 'y', 'z'].entries())
      await store.put({ request: request(id), at: n + 1, owner: 'closed-tab' });
    let online = false;
    const { delivery, log, sent, results } = setup([], { maxQueueSize: 2 }, { store, online: () => online });
    await vi.advanceTimersByTimeAsync(0);
    // The oldest leftover went at adoption, out of the store too, and the log says so.
    expect((await stored(store)).sort()).toEqual(['y', 'z']);
    expect(log).toHaveBeenCalledWith('queue full: dropped request x');
    online = true;
    delivery.wake();
    await delivery.send(request('mine'), []);
    expect(sent.map((s) => s.request.requestId)).toEqual(['y', 'z', 'mine']);
    // In the first result answered after the drop (here a leftover's, which listeners get).
    expect(results[0]!.warnings).toEqual(['1 queued event(s) were dropped: the queue was full']);
  });
});

describe('createDelivery: drains in slices (issue 22)', () => {
  /** A clock that moves 3 ms each time it is read: every slice of the drain ends after one or two requests. */
  const busyClock = () => {
    let clock = Date.now();
    return () => (clock += 3);
  };

  it('sends a backlog in slices that yield to the page, each request once, sorted once per change', async () => {
    let online = false;
    const { transport, sent, answers } = heldTransport();
    const { delivery, store } = setup([], {}, { transport, online: () => online, now: busyClock() });
    const ids = Array.from({ length: 40 }, (_, n) => `backlog-${n}`);
    for (const id of ids) void delivery.send(request(id), []);
    await vi.advanceTimersByTimeAsync(100);
    expect((await stored(store)).sort()).toEqual([...ids].sort());
    online = true;
    const sort = vi.spyOn(Array.prototype, 'sort');
    delivery.wake();
    // The first slice sends a few, then lets the page run.
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThan(ids.length / 4);
    // Answers arrive while the drain goes on: none of them sorts the queue again.
    while (answers.length) answers.shift()!();
    await vi.advanceTimersByTimeAsync(100);
    while (answers.length) answers.shift()!();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(ids);
    expect(sort).toHaveBeenCalledOnce();
    sort.mockRestore();
    expect(await stored(store)).toEqual([]);
  });

  it('yields only when requests are left to look at: a lone send whose attempt outlasts a slice does not', async () => {
    const sleep = vi.fn((ms: number) => new Promise((wake) => setTimeout(wake, ms)));
    const { transport, sent } = heldTransport();
    // Every read of the clock passes a whole slice.
    let clock = Date.now();
    const { delivery } = setup([], {}, { transport, sleep, now: () => (clock += 10) });
    void delivery.send(request('lone'), []);
    expect(sent).toEqual(['lone']);
    expect(sleep).not.toHaveBeenCalled();
    // (With requests left, it yields: see the backlog above.)
  });

  it('sends nothing more once the page is being unloaded: what flush stored, the next page sends once', async () => {
    let online = false;
    const { transport, sent } = heldTransport();
    const { delivery, store } = setup([], {}, { transport, online: () => online, now: busyClock() });
    for (const id of ['a', 'b', 'c', 'd']) void delivery.send(request(id), []);
    await vi.advanceTimersByTimeAsync(100);
    online = true;
    delivery.wake();
    const first = [...sent];
    expect(first.length).toBeLessThan(4);
    // The page goes away between two slices: the rest is stored for the next page...
    delivery.flush(true);
    await vi.advanceTimersByTimeAsync(1000);
    // ...and not handed to the browser as well (a `keepalive` request outlives the page: a duplicate).
    expect(sent).toEqual(first);
    expect((await stored(store)).sort()).toEqual(['a', 'b', 'c', 'd'].filter((id) => !first.includes(id)));
    // Back online while being unloaded (Chromium fires `online` in a page it is closing): still
    // nothing, as the next page may be adopting what was stored.
    delivery.wake();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toEqual(first);
    // Shown again (back/forward cache): the drain goes on.
    delivery.wake(true);
    await vi.advanceTimersByTimeAsync(100);
    expect(sent).toEqual(['a', 'b', 'c', 'd']);
  });

  it('still sends what is called after the page-hide flush (a hide handler such as Web Vitals), and nothing the flush stored', async () => {
    let online = false;
    const { transport, sent } = heldTransport();
    const { delivery, store } = setup([], {}, { transport, online: () => online });
    void delivery.send(request('queued'), []);
    delivery.flush(true);
    online = true;
    void delivery.send(request('vitals'), []);
    await vi.advanceTimersByTimeAsync(100);
    expect(sent).toEqual(['vitals']);
    expect(await stored(store)).toEqual(['queued']);
  });

  it("holds the gone pages' names until this page's own ownership is held, so no tab takes the adopted entries for leftovers", async () => {
    const store = memoryStore();
    await store.put({ request: request('theirs'), at: 1, owner: 'gone-tab' });
    let held!: () => void;
    const released = vi.fn();
    const ownership: Ownership = {
      id: 'this-tab',
      hold: () => new Promise<void>((resolve) => (held = resolve)),
      letGo: () => undefined,
      recovery: async () => recoverDelivery,
      adoptLeftovers: adoptByOwner('this-tab', (owners, granted) => granted(owners, released)),
    };
    const { transport } = heldTransport();
    setup([], {}, { store, ownership, transport });
    await vi.advanceTimersByTimeAsync(100);
    expect((await store.all()).map((entry) => entry.owner)).toEqual(['this-tab']);
    expect(released).not.toHaveBeenCalled();
    held();
    await vi.advanceTimersByTimeAsync(0);
    expect(released).toHaveBeenCalledOnce();
  });
});

describe('createDelivery: an answer is heard once its state is kept', () => {
  const withState = {
    status: 200,
    body: {
      handle: [{ type: 'state:store', payload: [{ key: 'kndctr_X_identity', value: 'v', maxAge: 60 }] }],
    },
  };

  it("resolves the send once the answer's cookies are written (a redirect page keeps the identity), a second late at most", async () => {
    let written!: () => void;
    const storeState = vi.fn(() => new Promise<void>((done) => (written = done)));
    const { delivery } = setup([withState, withState], {}, { storeState });
    const heard = vi.fn();
    void delivery.send(request('a'), []).then(heard);
    await vi.advanceTimersByTimeAsync(0);
    expect(storeState).toHaveBeenCalledOnce();
    expect(heard).not.toHaveBeenCalled();
    written();
    await vi.advanceTimersByTimeAsync(0);
    expect(heard).toHaveBeenCalledOnce();
    // A writer that never settles (its add-on blocked) holds the caller a second, no longer.
    const late = vi.fn();
    void delivery.send(request('b'), []).then(late);
    await vi.advanceTimersByTimeAsync(999);
    expect(late).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(late).toHaveBeenCalledOnce();
  });

  it('resolves at once when the answer brings no state', async () => {
    const storeState = vi.fn(() => new Promise<void>(() => {}));
    const { delivery } = setup([], {}, { storeState });
    const heard = vi.fn();
    void delivery.send(request('plain'), []).then(heard);
    await vi.advanceTimersByTimeAsync(0);
    expect(storeState).not.toHaveBeenCalled();
    expect(heard).toHaveBeenCalledOnce();
  });
});

describe('createDelivery: its recovery, handed over later (issue 22: the core keeps what an answered send needs)', () => {
  /** An ownership whose recovery (recoverDelivery.ts: the tabs add-on in the standalone script) arrives when `load()` is called. */
  function lateRecovery() {
    let load!: () => void;
    const asked = vi.fn();
    const loaded = new Promise<void>((resolve) => (load = resolve));
    const ownership: Ownership = {
      id: 'this-tab',
      hold: async () => true,
      letGo: () => undefined,
      adoptLeftovers: async () => undefined,
      recovery: () => (asked(), loaded.then(() => recoverDelivery)),
    };
    return { ownership, load, asked };
  }

  it('never asks for it while every send is answered', async () => {
    const { ownership, asked } = lateRecovery();
    const { delivery, sent, store } = setup([], {}, { ownership });
    await Promise.all([delivery.send(request('one'), []), delivery.send(request('two'), [])]);
    delivery.flush();
    expect(sent).toHaveLength(2);
    expect(asked).not.toHaveBeenCalled();
    expect(await stored(store)).toEqual([]);
  });

  it('retries a failure seen before it arrived once it does: sent again once, answered, nothing left stored', async () => {
    const { ownership, load } = lateRecovery();
    const { delivery, sent, store } = setup(['network'], {}, { ownership });
    const result = delivery.send(request('early'), []);
    await vi.advanceTimersByTimeAsync(5000);
    // Waiting for its recovery: not retried, not given up.
    expect(sent.map((s) => s.request.requestId)).toEqual(['early']);
    load();
    await vi.advanceTimersByTimeAsync(5000);
    await expect(result).resolves.toMatchObject({ requestId: 'early' });
    expect(sent.map((s) => s.request.requestId)).toEqual(['early', 'early']);
    expect(await stored(store)).toEqual([]);
  });

  it('writes such a failure at page hide, and sends it no more on this page once the recovery arrives: the next page sends it once', async () => {
    const { ownership, load } = lateRecovery();
    const { delivery, sent, store } = setup(['network'], {}, { ownership });
    void delivery.send(request('early'), []);
    await vi.advanceTimersByTimeAsync(0);
    delivery.flush(true);
    expect(await stored(store)).toEqual(['early']);
    load();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent.map((s) => s.request.requestId)).toEqual(['early']);
    expect(await stored(store)).toEqual(['early']);
  });
});
