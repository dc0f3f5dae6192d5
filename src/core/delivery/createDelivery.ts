import type { ResolvedConfig } from '../CollectorConfig';
import { EdgeCollectorError } from '../EdgeCollectorError';
import type { InteractRequest, RequestMeta } from '../InteractRequest';
import { readEdgeAnswer, type SendResult } from '../readEdgeAnswer';
import type { EdgeAnswer, Transport } from '../Transport';
import { boundQueue, entrySize } from './boundQueue';
import { consentEffect, parseConsent, type ConsentState } from './ConsentState';
import { parseRetryAfter } from './parseRetryAfter';
import { memoryStore, type QueueEntry, type QueueStore } from './QueueStore';
import { readHandles, type StateEntry } from './readHandles';
import { retryDelay } from './retryDelay';
import { retryVerdict } from './retryVerdict';

/**
 * What a face gives the delivery. Only `transport` is required: without the rest (Node) events
 * queue in memory, no lock is needed, the network is taken as up, and nothing is remembered.
 */
export interface DeliveryPlatform {
  transport: Transport;
  /** Where events wait until accepted; the browser's survives the page. */
  store?: QueueStore;
  /** Resolves once this page owns the queued event (a lock or lease), so two tabs never send it at once. */
  claim?(requestId: string): Promise<unknown>;
  /** Gives up ownership of a queued event. */
  release?(requestId: string): void;
  /** False while the browser says it is offline: nothing is attempted then. */
  online?(): boolean;
  /** Reads (one argument) or writes a small value that outlives the page: `consent`, `identity`. */
  remember?(name: string, value?: string): string | null | undefined;
  /** Request fields current at each attempt, e.g. the `meta.state` entries kept from earlier answers. */
  requestMeta?(): RequestMeta | undefined;
  /** Keeps the `state:store` entries of an answer (the browser sets them as first-party cookies). */
  storeState?(entries: StateEntry[]): void;
  now?(): number;
  random?(): number;
  sleep?(ms: number): Promise<unknown>;
}

/** The delivery of one collector: queue, retries, consent and the identities the answers carry. */
export interface Delivery {
  /** Queues a built request and resolves with its answer (README, "What a send's promise does"). */
  send(request: InteractRequest, warnings: string[], read?: typeof readEdgeAnswer): Promise<SendResult>;
  setConsent(value: unknown): Promise<void>;
  getIdentity(): Record<string, string>;
  /** Sends everything queued at once, within the keepalive budget: the page is going away. */
  flush(): void;
  /** Resumes sending, e.g. when the browser is back online. */
  wake(): void;
}

/** A queued event this page owns; `done` settles the caller's promise when it was sent from this page. */
interface Owned extends QueueEntry {
  tries: number;
  /** This page holds its lock: it may be sent. */
  claimed?: boolean;
  /** Its queue write has committed: a page hide need not spill it. */
  saved?: boolean;
  busy?: boolean;
  warnings?: string[];
  /** Reads the answer for the caller; a streamed record's differs from the Edge Network's. */
  read?: typeof readEdgeAnswer;
  done?(result?: SendResult, error?: unknown): void;
}

// Browsers refuse keepalive requests once the bodies in flight pass 64 KiB; keep room for headers and meta.
const KEEPALIVE_BUDGET = 60_000;
const noop = () => undefined;
const byAge = (a: QueueEntry, b: QueueEntry) => a.at - b.at;
// Consent: a `privacy/set-consent` request (kind 'consent') passes the consent gate and goes before every event.
const isConsentRequest = (entry: QueueEntry) => entry.request.kind === 'consent';

// The ES2019 build expands `?.` and `??` into long code: this file, shipped to every page, avoids them.

/** The answer a send gets when consent is out: nothing went, and the warning says so. */
const notSent = ({ requestId, eventId }: InteractRequest, warnings: string[] = []): SendResult => ({
  requestId,
  eventId,
  handle: [],
  warnings: [...warnings, 'consent is out: the event was not sent'],
});

/**
 * Creates the delivery: every event is written to the queue before its first attempt and removed
 * only once answered for good; events go one at a time, oldest first, retried with backoff; what a
 * page leaves behind is adopted by the next page of the same site.
 */
export function createDelivery(
  config: ResolvedConfig,
  platform: DeliveryPlatform,
  notify: (result: SendResult) => void,
  log: (message: string, detail?: unknown) => void,
): Delivery {
  const {
    transport,
    store = memoryStore(),
    claim = async () => true,
    release = noop,
    online = () => true,
    remember = noop,
    requestMeta = noop,
    storeState = noop,
    now = Date.now,
    random = Math.random,
    sleep = (ms: number) => new Promise((wake) => setTimeout(wake, ms)),
  } = platform;
  const owned = new Map<string, Owned>();
  const saved = remember('consent');
  let consent: ConsentState =
    saved === 'in' || saved === 'pending' || saved === 'out' ? saved : config.defaultConsent;
  let identity: Record<string, string> = {};
  try {
    identity = JSON.parse(remember('identity') || '{}');
  } catch {
    // Unreadable: start without, the next answer brings it again.
  }
  let dropped = 0;
  let lastAt = 0;
  let pumping = false;

  /** Forgets an owned event, lets other tabs have it, and settles its caller; call once its stored copy is gone (or must stay). */
  const settle = (id: string, result?: SendResult, error?: unknown) => {
    const entry = owned.get(id);
    owned.delete(id);
    release(id);
    if (entry && entry.done) entry.done(result, error);
  };
  const isBusy = (id: string) => (owned.get(id) || {}).busy;

  /** Takes over what earlier page loads (or closed tabs) left queued, oldest first. */
  async function adopt() {
    // This page's own new events may already be stored by now: they are not leftovers.
    const leftovers = (await store.all()).filter((entry) => !owned.has(entry.request.requestId)).sort(byAge);
    const take = async ({ request, at }: QueueEntry) => {
      const id = request.requestId;
      await claim(id);
      // The lock may have been waited for while its holder delivered the event.
      if (
        (consent !== 'out' || request.kind === 'consent') &&
        !owned.has(id) &&
        (await store.all()).some((entry) => entry.request.requestId === id)
      ) {
        owned.set(id, { request, at, tries: 0, claimed: true, saved: true });
        void pump();
      } else release(id);
    };
    // A tab that is still open keeps its events: do not hold this page's own sends for it.
    await Promise.all(leftovers.map((entry) => Promise.race([take(entry), sleep(200)])));
  }
  const ready = adopt().catch((error) => log('the queue could not be read', error));

  /** Drops the oldest stored events beyond the configured bounds, failing their callers' promises. */
  let bounding: Promise<unknown> = ready;
  // One at a time: two checks reading the same full queue would drop (and count) the same events twice.
  const bound = () => (bounding = bounding.then(dropOldest, dropOldest));
  async function dropOldest() {
    const victims = boundQueue(await store.all(), config.maxQueueSize, config.maxQueueBytes).filter(
      ({ request }) => !isBusy(request.requestId),
    );
    for (const { request } of victims) {
      await store.del(request.requestId);
      settle(
        request.requestId,
        undefined,
        new EdgeCollectorError('queue-full', `event ${request.eventId} was dropped: the queue is full`),
      );
    }
    if (victims.length) {
      dropped += victims.length;
      console.warn(`[edgeCollector] queue full: dropped ${victims.length} oldest event(s)`);
    }
  }

  /** One attempt at one event; returns how long to wait before the next when it should be retried. */
  async function attempt(entry: Owned): Promise<number | undefined> {
    const { request } = entry;
    const id = request.requestId;
    const tries = ++entry.tries;
    const meta = requestMeta();
    let answer: EdgeAnswer | undefined;
    let result: SendResult;
    entry.busy = true;
    try {
      // Only `meta.state` is current; the event, its ids and the URL are exactly as first built.
      // A streamed record (`kind: 'streaming'`) is not the Edge Network's: no meta. No request of a kind is reported to result listeners.
      answer = await transport(
        meta && request.kind !== 'streaming'
          ? { ...request, body: JSON.stringify({ ...JSON.parse(request.body), meta }) }
          : request,
      );
      result = (entry.read || readEdgeAnswer)(request, answer, entry.warnings);
    } catch (error) {
      const verdict = retryVerdict(answer ? answer.status : 0, tries, config.maxAttempts);
      log(`request ${id} failed (attempt ${tries}): ${verdict}`, error);
      if (verdict === 'retry') {
        entry.busy = false;
        return retryDelay(tries, config, random, parseRetryAfter(answer && answer.retryAfter, now()));
      }
      // 'keep' leaves the stored copy for the next page load; 'drop' will never be accepted.
      if (verdict === 'drop') await store.del(id).catch(noop);
      settle(id, undefined, error);
      return undefined;
    }
    // Still busy until settled, so that a page-hide flush does not send it again meanwhile.
    log(`answer ${id} (HTTP ${answer.status})`, result);
    if (dropped) {
      result.warnings.push(`${dropped} queued event(s) were dropped: the queue was full`);
      dropped = 0;
    }
    const found = readHandles(result.handle);
    if (found.state.length) storeState(found.state);
    if (Object.keys(found.identity).length) {
      identity = { ...identity, ...found.identity };
      remember('identity', JSON.stringify(identity));
    }
    await store.del(id).catch(noop);
    settle(id, result);
    if (!request.kind) notify(result);
    return undefined;
  }

  /** The events this page may send now, oldest first. */
  const idle = () => [...owned.values()].filter((entry) => !entry.busy).sort(byAge);
  /** What to send next: a consent request first (events wait until it is settled), then the oldest event while consent is in. */
  const next = () => {
    const first = [...owned.values()].sort(byAge).find(isConsentRequest);
    if (first) return first.claimed && !first.busy ? first : undefined;
    return consent === 'in' ? idle().find((candidate) => candidate.claimed) : undefined;
  };

  /** Sends owned requests one at a time while the browser is online: consent requests first, then events, oldest first, while consent is in. */
  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      // New events do not wait for the leftovers to be read: those join, oldest first, as they are adopted.
      for (let entry; online() && (entry = next());) {
        const wait = await attempt(entry);
        if (wait !== undefined) await sleep(wait);
      }
    } catch (error) {
      log('delivery stopped', error);
    }
    pumping = false;
  }

  /**
   * Writes a new event to the queue (after taking its lock, so no other tab adopts it) and starts
   * sending. The write is issued before the first attempt but not awaited: the store runs its
   * operations in order, so the attempt's delete can never overtake it, and the request leaves the
   * page without waiting a disk commit. A page hide before the commit spills it synchronously.
   */
  async function keep(entry: Owned) {
    const id = entry.request.requestId;
    await claim(id);
    if (owned.get(id) !== entry) return release(id);
    const written = store.put({ request: entry.request, at: entry.at });
    entry.claimed = true;
    void pump();
    try {
      await written;
      entry.saved = true;
      // Settled meanwhile (answered, consent went out): the copy must not stay.
      if (owned.get(id) !== entry) return store.del(id);
      await bound();
    } catch (error) {
      // Not persisted: it is still sent from this page.
      log('the queue could not be written', error);
    }
  }

  return {
    async send(request, warnings, read) {
      if (consent === 'out' && request.kind !== 'consent') return notSent(request, warnings);
      return new Promise((resolve, reject) => {
        const entry: Owned = {
          request,
          at: (lastAt = Math.max(now(), lastAt + 0.001)),
          tries: 0,
          warnings,
          read,
          done: (result, error) => (error ? reject(error) : resolve(result!)),
        };
        // In memory at once, so that a page hide before the store write still sends it.
        owned.set(request.requestId, entry);
        void keep(entry);
      });
    },
    async setConsent(value) {
      consent = parseConsent(value);
      remember('consent', consent);
      const effect = consentEffect(consent);
      if (effect === 'send') void pump();
      if (effect !== 'drop') return;
      // An attempt already in flight cannot be called back; it settles with its answer.
      // Settled before the queue is read: a queue write still on its way then finds its event gone
      // and removes its own copy (see keep), and one that already landed is in what is read.
      for (const entry of idle())
        if (!isConsentRequest(entry)) settle(entry.request.requestId, notSent(entry.request, entry.warnings));
      for (const entry of await store.all())
        if (!isBusy(entry.request.requestId) && !isConsentRequest(entry))
          await store.del(entry.request.requestId);
    },
    getIdentity: () => ({ ...identity }),
    flush() {
      // Events whose (asynchronous) queue write has not finished would be lost with the page.
      const unsaved = [...owned.values()].filter((entry) => !entry.saved);
      if (store.spill && unsaved.length) store.spill(unsaved.map(({ request, at }) => ({ request, at })));
      if (consent !== 'in' || !online()) return;
      let budget = KEEPALIVE_BUDGET;
      for (const entry of owned.values()) if (entry.busy) budget -= entrySize(entry);
      for (const entry of idle()) {
        if ((budget -= entrySize(entry)) < 0) break;
        void attempt(entry)
          .then((wait) => wait !== undefined && sleep(wait))
          .then(pump);
      }
    },
    wake: () => void pump(),
  };
}
