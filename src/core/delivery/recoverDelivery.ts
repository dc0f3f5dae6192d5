import { EdgeCollectorError } from '../EdgeCollectorError';
import type { Owned, Recover } from './DeliveryCore';
import { parseRetryAfter } from './parseRetryAfter';
import { retryDelay } from './retryDelay';
import { retryVerdict } from './retryVerdict';
import { SLICE_MS } from './SLICE_MS';
import { STORAGE_FAILED } from './STORAGE_FAILED';

/**
 * The part of a delivery that only failures, leftovers and the queue bounds need (docs/delivery.md):
 * retries and giving up, adopting what closed pages left, and the drops of the queue bounds. It
 * works on the delivery's own inside ({@link DeliveryCore}), so there is one delivery engine; the
 * standalone script loads it with its cross-tab code (`edge-collector.tabs.min.js`) when a page
 * first fails, stores a request or finds leftovers, so a page whose sends are all answered never
 * downloads it. The ES module, Tags and Node import it directly (through their ownership).
 */
export const recoverDelivery: Recover = (core) => {
  const { config, log, owned, late, now, save, settle } = core;
  let dropped = 0;

  /**
   * A request of this page the bounds dropped (here, or in another tab that left a tombstone): its
   * caller rejects with `queue-full`, and the next result warns (alone, for a closed page's
   * request or one this page gave up on). One in flight goes on: only its stored copy is gone, and
   * a failure writes it again.
   */
  const drop = (id: string) => {
    const entry = owned.get(id);
    if (entry && entry.inFlight) return void (entry.stored = false);
    // Counted from the last answer that took the warning.
    late[0] = `${(dropped = late.length ? dropped + 1 : 1)} queued event(s) were dropped: the queue was full`;
    log(`queue full: dropped request ${id}`);
    if (entry)
      settle(
        entry,
        undefined,
        new EdgeCollectorError(
          'queue-full',
          `event ${entry.request.eventId} was dropped: the queue was full`,
        ),
      );
  };
  const bound = () => core.store.bound(owned, config.maxQueueSize, config.maxQueueBytes, drop);

  return {
    bound,
    /**
     * Waits and lets the loop try again (retryVerdict.ts, retryDelay.ts: never sooner than
     * `Retry-After`), or gives up, keeping the stored copy for the next page load ('keep') or not
     * ('drop': it will never be accepted).
     */
    async retry(entry: Owned, tries, error, answer) {
      const id = entry.request.requestId;
      const verdict = retryVerdict(answer ? answer.status : 0, tries, config.maxAttempts);
      log(`request ${id} failed (attempt ${tries}): ${verdict}`, error);
      // A failed request is written: if the page goes away, the next one sends it.
      if (verdict !== 'drop') save(entry);
      if (verdict === 'retry') {
        const after = parseRetryAfter(answer && answer.retryAfter, now());
        await core.sleep(retryDelay(tries, config, core.random, after));
        return (entry.backingOff = false);
      }
      // Kept only once written: a request that could not be stored says so, rather than the network's error.
      await entry.saved;
      settle(
        entry,
        undefined,
        verdict === 'keep' && !entry.stored
          ? new EdgeCollectorError(
              'storage',
              `request ${id} ${STORAGE_FAILED}: nothing is kept for the next page`,
            )
          : error,
        verdict === 'keep',
      );
    },
    /**
     * Takes over stored requests of pages that are gone (see `Ownership.adoptLeftovers`), in slices
     * that yield to the page; the queue bounds apply to them with this page's own.
     */
    async take(entries) {
      let end = now() + SLICE_MS;
      for (const { request, at } of entries) {
        const handler = core.handlerOf(request);
        if (owned.has(request.requestId) || (handler.gated && core.consent() === 'out')) continue;
        const adopted: Owned = { request, at, handler, tries: 0 };
        owned.set(request.requestId, adopted);
        // Written again under this page's name (before the gone page's name is let go of).
        save(adopted);
        if (now() > end) end = (await core.pause(), now() + SLICE_MS);
      }
      bound();
      core.issue();
      // The gone pages' names are let go of (see adoptByOwner) only once this page's own is held:
      // until then, another tab could take what is now written under this page's name for leftovers.
      await core.held();
    },
  };
};
