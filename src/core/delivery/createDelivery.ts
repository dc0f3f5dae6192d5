import type { ResolvedConfig } from '../CollectorConfig';
import { EdgeCollectorError } from '../EdgeCollectorError';
import type { InteractRequest } from '../InteractRequest';
import { readEdgeAnswer, type SendResult } from '../readEdgeAnswer';
import { KEEPALIVE_BUDGET, type EdgeAnswer, type Transport } from '../Transport';
import { byAge } from './boundQueue';
import { CONSENT_STATES, consentEffect, parseConsent, type ConsentState } from './ConsentState';
import type { DeliveryCore, Owned, Recovery } from './DeliveryCore';
import type { Ownership } from './Ownership';
import type { QueueStore } from './QueueStore';
import { kindOf, type RequestHandler, type RequestHandlers } from './RequestHandler';
import { SLICE_MS } from './SLICE_MS';
import { STORAGE_FAILED } from './STORAGE_FAILED';
import { noop } from '../noop';

/**
 * What a face gives the delivery: a transport, a queue store and its ownership (`inMemory()` in
 * Node); without the rest the network is taken as up and nothing is remembered.
 */
export interface DeliveryPlatform {
  transport: Transport;
  /** Where requests wait until answered for good; the browser's survives the page. */
  store: QueueStore;
  /** Which page sends what is stored, so two tabs never send the same request. */
  ownership: Ownership;
  /** False while the browser says it is offline: nothing is attempted then. */
  online?(): boolean;
  /**
   * Reads (one argument) or writes a small value that outlives the page: `consent`. A write returns
   * the value once it is stored, and nothing when it could not be (storage full or refused).
   */
  remember?(name: string, value?: string): string | null | undefined;
  now?(): number;
  random?(): number;
  sleep?(ms: number): Promise<unknown>;
}

/** The collaborators of {@link createDelivery}. */
export interface DeliveryOptions {
  config: ResolvedConfig;
  platform: DeliveryPlatform;
  /**
   * The request kinds this delivery carries, by `kind` (see {@link RequestHandler} for adding one);
   * a handler passed to `send` for a kind not in it is added to it.
   */
  handlers: RequestHandlers;
  /** The platform's (debug) log. */
  log(message: string, detail?: unknown): void;
}

/** The delivery of one collector: queue, retries and consent, for any kind of request. */
export interface Delivery {
  /**
   * Queues a built request and resolves with its answer (docs/delivery.md). `handler` reads it
   * (default: the one registered for its kind) and is registered for its kind if none is.
   */
  send(request: InteractRequest, warnings: string[], handler?: RequestHandler): Promise<SendResult>;
  /**
   * Applies a consent state on this page at once. Rejects with a `storage` error, once everything
   * else is done, when the state could not be stored: it then holds for this page only.
   */
  setConsent(value: unknown): Promise<void>;
  /**
   * The page is hidden or going away: stores what it could not deliver (see docs/delivery.md,
   * "When a request is written"), and forgets what the browser was handed with `keepalive`.
   * `leaving`: the page is being unloaded; until it is shown again ({@link wake} with `shown`), a
   * failure it then sees is not counted (see failed) and nothing it stored leaves.
   */
  flush(leaving?: boolean): void;
  /**
   * Resumes sending: the browser is back online, or (`shown`) shows the page again from the
   * back/forward cache, which ends {@link flush}'s `leaving`. Only `shown` does: a page being
   * unloaded can still hear `online` (Chromium fires it in a page it is closing, and still
   * delivers that page's `keepalive` requests), and what its flush stored must then stay for the
   * next page, not leave twice.
   */
  wake(shown?: boolean): void;
}

// Without a place that outlives the page (Node), a write has nothing to fail at.
const rememberNothing = (name: string, value?: string) => value;

/**
 * How long after an Edge Network failure (an attempt that failed on any page of the site) a request
 * the browser was handed with `keepalive` as the page went away is still stored for the next page:
 * while the service fails, a copy too many beats a lost event; while it answers, the browser's
 * request is trusted to arrive, and the next page does not send a second copy.
 */
export const FAILURE_MEMORY_MS = 60_000;
// A request of a kind no handler was registered for (a streamed record a page left, read on a page
// that never loaded the streaming add-on): sent as stored, consent-gated, any 2xx accepted.
const unknownKind: RequestHandler = { gated: true, read: readEdgeAnswer };

/** The answer a send gets when consent is out: nothing went, and the warning says so. */
const notSent = ({ requestId, eventId }: InteractRequest, warnings: string[] = []): SendResult => ({
  requestId,
  eventId,
  handle: [],
  warnings: [...warnings, 'consent is out: the event was not sent'],
});

/**
 * Creates the delivery loop: every request is issued at once, in the order called, without
 * waiting for earlier answers; its queue write is issued in the same task but never awaited; it
 * is removed from the queue once answered for good, retried with backoff otherwise. What closed
 * pages left is adopted. Kinds differ only in their {@link RequestHandler}.
 */
export function createDelivery({ config, platform, handlers, log }: DeliveryOptions): Delivery {
  const {
    transport,
    store,
    ownership,
    online = () => true,
    remember = rememberNothing,
    now = Date.now,
    random = Math.random,
    sleep = (ms: number) => new Promise((wake) => setTimeout(wake, ms)),
  } = platform;
  const handlerOf = (request: InteractRequest) => handlers[kindOf(request)] || unknownKind;
  const owned = new Map<string, Owned>();
  let remembered = remember('consent');
  let consent = (
    CONSENT_STATES.includes(remembered as ConsentState) ? remembered : config.defaultConsent
  ) as ConsentState;
  /** Warnings for the next result (the queue bounds' drops). */
  const late: string[] = [];
  let lastAt = 0;
  let failedAt = 0;
  let holding: Promise<unknown> | undefined;
  let leaving: boolean | undefined;
  /** Bodies in flight with `keepalive`: the browser refuses one that would pass its budget. */
  let keptAlive = 0;
  const entries = () => [...owned.values()];
  /** The drain: owned requests in sending order, the next to look at, and whether the rest must wait. */
  let queue: Owned[] = [];
  let next = 0;
  let blocked = false;
  /** Lets the page run: `scheduler.yield()` where present (the drain keeps its place ahead of other tasks), else a timer. */
  const yieldToPage = () =>
    (globalThis as { scheduler?: { yield?(): Promise<unknown> } }).scheduler?.yield?.() || sleep(0);

  /**
   * Gives up this page's ownership once it owns nothing stored. Called as the page
   * is hidden, not after each answer: taking and dropping a lock per send costs the main thread.
   */
  const letGoIfIdle = () => {
    if (holding && !entries().some((entry) => entry.stored)) {
      holding = undefined;
      ownership.letGo();
    }
  };
  /** Removes a request from the store, if it was ever written there. */
  const forget = (entry: Owned) => {
    if (entry.stored) void store.del(entry).catch(noop);
    entry.stored = false;
  };
  /** Forgets an owned request (and its stored copy, unless `keep`) and settles its caller. */
  const settle = (entry: Owned, result?: SendResult, error?: unknown, keep?: boolean) => {
    owned.delete(entry.request.requestId);
    if (!keep) forget(entry);
    if (entry.reply) entry.reply(result, error);
  };

  /**
   * Writes an owned request to the store under this page's ownership (asked for on the first
   * write), once; never a consent-gated one while consent is not `in`: nothing of an event is
   * written to the device before consent (it waits in memory). The stores write when called
   * (localStorage is synchronous), so a page-hide handler can still write.
   */
  function save(entry: Owned) {
    const { request, at, handler } = entry;
    if (entry.stored || (handler.gated && consent !== 'in')) return;
    if (!holding) holding = ownership.hold();
    entry.stored = true;
    entry.saved = store.put({ request, at, owner: ownership.id }).catch((error) => {
      // Full or refused: the request lives on this page only, and says so if it gives up (see failed).
      entry.stored = false;
      log('the queue could not be written', error);
    });
    bound();
  }

  /** True when an attempt failed, on this page or another of the site, within {@link FAILURE_MEMORY_MS}. */
  const failingLately = () => now() - Math.max(failedAt, +(remember('failedAt') || 0)) < FAILURE_MEMORY_MS;

  /**
   * After a failed attempt: the request waits out of the loop while its recovery (retries and
   * giving up: recoverDelivery.ts) decides, loaded on a first failure in the standalone script.
   * Until then it is neither in flight nor stored, so a page hide meanwhile writes it. Returns
   * what the attempt's chain waits for (its `catch` logs what went wrong, nothing reaches the page).
   */
  function failed(entry: Owned, tries: number, error: unknown, answer?: EdgeAnswer) {
    // An unloading page sees its own requests fail (Chromium rejects its fetches, `keepalive` ones
    // included, which the browser still delivers): nothing is written for the next page, nor
    // remembered as the Edge Network failing. What never left was written at page hide.
    if (leaving) return;
    entry.inFlight = false;
    entry.backingOff = true;
    // Remembered for the site: pages that go away meanwhile keep what they handed to the browser.
    remember('failedAt', `${(failedAt = now())}`);
    return (
      recover()
        .then((loaded) =>
          // Let go of at an opt-out while in flight (see setConsent): never tried again, whatever consent is now.
          owned.has(entry.request.requestId)
            ? loaded.retry(entry, tries, error, answer)
            : settle(entry, notSent(entry.request, entry.notes)),
        )
        // A retry waited out, or a barrier given up: what may leave now, leaves.
        .then(issue)
    );
  }

  /** One attempt at one request, serialised now by its handler; the loop goes on when it settles. */
  function attempt(entry: Owned) {
    const { request, handler } = entry;
    const id = request.requestId;
    const tries = ++entry.tries;
    let answer: EdgeAnswer | undefined;
    const sent = handler.prepare ? handler.prepare(request) : request;
    const size = sent.body.length;
    const keepalive = keptAlive + size <= KEEPALIVE_BUDGET;
    if (keepalive) keptAlive += size;
    entry.inFlight = keepalive ? 1 : true;
    // Without `keepalive` the request dies with the page: written at once, for the next page.
    if (!keepalive) save(entry);
    new Promise<EdgeAnswer>((resolve) => resolve(transport(sent, keepalive)))
      .finally(() => {
        if (keepalive) keptAlive -= size;
      })
      .then((received) => handler.read(request, (answer = received), entry.notes))
      .then(
        (result) => {
          log(`answer ${id}`, result);
          result.warnings.push(...late.splice(0));
          const { reply } = entry;
          const hear = () => reply && reply(result);
          entry.reply = undefined;
          settle(entry, result);
          // The caller hears the answer once what it brought is kept (the standalone script writes the
          // first answer's cookies with an add-on): a page that leaves on it, such as a redirect,
          // keeps the visitor's identity. Never more than a second late.
          const kept = handler.answered && handler.answered(result);
          if (kept) Promise.race([kept, sleep(1000)]).then(hear, hear);
          else hear();
          // An answer frees no other request but after an `ordered` one (the drain goes on in slices).
          if (handler.ordered) issue();
        },
        (error) => failed(entry, tries, error, answer),
      )
      .catch((error) => log('delivery stopped', error));
  }

  /**
   * Issues every owned request that may leave now, `ordered` ones first, then oldest first,
   * without waiting for answers: consent-gated ones only while consent is in, none while an
   * `ordered` one is unanswered, none while offline, and none the page-hide flush stored once the
   * page is being unloaded (the next page sends it: sent now as well, it would go twice).
   * Then writes what could not leave (see {@link save}). Sorted once per change (a send, an
   * adoption, a retry, an `ordered` answer), not per answer; the drain goes on in slices.
   */
  function issue() {
    queue = entries().sort((a, b) => +!!b.handler.ordered - +!!a.handler.ordered || byAge(a, b));
    next = 0;
    blocked = false;
    drain();
  }

  /**
   * Goes on with the drain from where it stopped, for {@link SLICE_MS}, then yields to the page.
   * A request answered, dropped or let go of since the sort is passed over.
   */
  function drain() {
    const end = now() + SLICE_MS;
    if (!online()) blocked = true;
    while (next < queue.length) {
      const entry = queue[next++]!;
      const { request, handler } = entry;
      if (owned.get(request.requestId) !== entry) continue;
      // Once the page is being unloaded, what the page-hide flush stored waits for the next page;
      // a send made after it (a hide handler's, such as Web Vitals') still leaves, with `keepalive`.
      const held = entry.backingOff || (leaving && entry.stored);
      if (!blocked && !entry.inFlight && !held && (!handler.gated || consent === 'in')) attempt(entry);
      if (!entry.inFlight) save(entry);
      if (handler.ordered) blocked = true;
      // Each call of issue() during a drain may queue a slice of its own: they share the place reached.
      // Nothing left, nothing to yield for: a page's first send (a slow first `fetch`) pays no yield.
      if (next < queue.length && now() > end) return void yieldToPage().then(drain);
    }
  }

  const core: DeliveryCore = {
    config,
    store,
    log,
    owned,
    late,
    now,
    random,
    sleep,
    pause: yieldToPage,
    handlerOf,
    consent: () => consent,
    held: () => holding,
    save,
    settle,
    issue,
  };
  let recovery: Promise<Recovery> | undefined;
  /** The delivery's recovery, from the ownership (the standalone script loads it with its cross-tab code). */
  const recover = () => (recovery ||= ownership.recovery().then((make) => make(core)));
  /**
   * Applies the queue bounds (in the browser: to the site's whole queue, every tab's, once per
   * task) after this page wrote a request or held one back; never for a send that leaves at once
   * unwritten, so that such a page never loads the bounds' code.
   */
  const bound = () => void recover().then((loaded) => loaded.bound());

  // Adopts what closed pages (or earlier loads of this one) left queued. Most pages find nothing,
  // and so never load the cross-tab code of the standalone script.
  store
    .all()
    .then(
      (stored) =>
        stored.some(({ owner = '' }) => owner !== ownership.id) &&
        ownership.adoptLeftovers(store, (entries) => recover().then((loaded) => loaded.take(entries))),
    )
    .catch((error) => log('the queue could not be read', error));

  return {
    send(request, warnings, handler) {
      const kind = kindOf(request);
      if (handler && !handlers[kind]) handlers[kind] = handler;
      const own = handler || handlerOf(request);
      if (own.gated && consent === 'out') return Promise.resolve(notSent(request, warnings));
      return new Promise((resolve, reject) => {
        const entry: Owned = {
          request,
          at: (lastAt = Math.max(now(), lastAt + 0.001)),
          handler: own,
          tries: 0,
          notes: warnings,
          reply: (result, error) => (error ? reject(error) : resolve(result!)),
        };
        owned.set(request.requestId, entry);
        // The request leaves at once; it is written only if it cannot (docs/delivery.md).
        issue();
        if (!entry.inFlight) bound();
      });
    },
    async setConsent(value) {
      const next = parseConsent(value);
      consent = next;
      // Written only when it changed; a write that fails is tried again by the next call.
      const unstored = next !== remembered && remember('consent', next) !== next;
      if (!unstored) remembered = next;
      const effect = consentEffect(next);
      if (effect === 'send') issue();
      if (effect === 'drop') {
        // An attempt already in flight cannot be called back: it is let go of now (its stored copy
        // too, so no later opt-in or page sends it), and settles with its answer, or as not sent
        // if it fails (see failed).
        for (const entry of entries()) {
          if (!entry.handler.gated) continue;
          if (entry.inFlight) {
            owned.delete(entry.request.requestId);
            forget(entry);
          } else settle(entry, notSent(entry.request, entry.notes));
        }
        for (const entry of await store.all())
          if (!owned.has(entry.request.requestId) && handlerOf(entry.request).gated) await store.del(entry);
      }
      if (unstored)
        throw new EdgeCollectorError(
          'storage',
          `consent "${next}" ${STORAGE_FAILED}: it holds for this page only`,
        );
    },
    flush(going) {
      leaving = going;
      const keep = failingLately();
      for (const entry of owned.values()) {
        // Handed to the browser with `keepalive` on its first try here while the Edge Network
        // answers: the browser delivers it after the page is gone; a stored copy would be a duplicate.
        if (entry.inFlight === 1 && entry.tries < 2 && !keep) forget(entry);
        else save(entry);
      }
      letGoIfIdle();
    },
    wake(shown) {
      if (shown) leaving = false;
      issue();
    },
  };
}
