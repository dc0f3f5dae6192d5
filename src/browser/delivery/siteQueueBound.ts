import type { AdoptOwners } from '../../core/delivery/adoptByOwner';
import { boundQueue, type Sized } from '../../core/delivery/boundQueue';
import type { BoundQueue, KeptEntry } from '../../core/delivery/QueueStore';
import { queueKeyReader, readEntry } from './readQueue';

/** A request the site's queue bounds count: stored (under `key`), or waiting unstored in this page. */
interface Counted extends Sized {
  id: string;
  key?: string;
}

/**
 * The queue bounds of a site, for the page `id` (docs/delivery.md, "Queue bounds"): what every
 * tab of the site keeps in localStorage, plus what this page holds unstored, stays within
 * `maxQueueSize` entries and `maxQueueBytes` characters of bodies, the oldest dropped first,
 * whoever owns them. The queue is listed from its keys (localStorageStore.ts puts each request's
 * age and size there): a bound reads no stored body, one pass over the keys per task that wrote,
 * sorted only when over a bound. Every drop is reported (once, unless two tabs drop the same
 * request at the same moment):
 * - a request of this page: `drop` settles its caller (`queue-full`, and the next result warns);
 * - one of another page becomes a tombstone, `{namespace}:dropped:{requestId}` (its header, no
 *   body). Its owner, while alive, hears it (the `storage` event) and settles its caller. Once the
 *   owner is gone (`adopt` grants its name: its lock, or its lease), the page that dropped it, or
 *   the next page that loads this code, reports what the owner did not hear, in its next result.
 *
 * Part of the tabs add-on (siteTabs.ts): a page loads it once it keeps a request.
 */
export function siteQueueBound(namespace: string, id: string, adopt: AdoptOwners): BoundQueue {
  const readKey = queueKeyReader(namespace);
  const tombstone = `${namespace}:dropped:`;
  /** The age and size of entries of earlier versions, whose keys do not say them: read once. */
  const earlierSizes = new Map<string, Sized | undefined>();
  /** Owners whose tombstones this page reports once they are gone. */
  const watched = new Set<string>();
  let report: (requestId: string) => void;

  /** Reports and deletes the tombstones of the owners `of` (this page's, or those of pages gone). */
  const settle = (of: (owner: string) => unknown) => {
    for (const key of Object.keys(localStorage)) {
      const entry = key.startsWith(tombstone) && readEntry(localStorage.getItem(key) || '');
      if (entry && of(entry.owner || '')) {
        localStorage.removeItem(key);
        report(key.slice(tombstone.length));
      }
    }
  };
  /** Waits for `owner` to be gone, then reports the tombstones it did not hear about. */
  const watch = (owner: string) => {
    if (owner === id || watched.has(owner)) return;
    watched.add(owner);
    adopt([owner], (gone, done) => {
      watched.delete(owner);
      settle((of) => gone.includes(of));
      done();
    });
  };

  /** The queue as the bounds count it: one pass over the keys, reading only entries of earlier versions, once. */
  const list = () =>
    Object.keys(localStorage).flatMap((key): Counted[] => {
      const queued = readKey(key);
      if (!queued) return [];
      if (queued.at !== undefined) return [{ id: queued.id, at: queued.at, size: queued.size!, key }];
      if (!earlierSizes.has(key)) {
        const entry = readEntry(localStorage.getItem(key) || '');
        const body = entry && entry.request && entry.request.body;
        earlierSizes.set(key, typeof body == 'string' ? { at: entry!.at, size: body.length } : undefined);
      }
      const sizes = earlierSizes.get(key);
      return sizes ? [{ id: queued.id, ...sizes, key }] : [];
    });

  /** Drops a stored request this page does not hold: another page's, or one this page gave up on. */
  const dropStored = ({ id: requestId, key }: Counted) => {
    const text = localStorage.getItem(key!);
    // Answered and deleted meanwhile: nothing was lost.
    if (text === null) return;
    const entry = readEntry(text);
    localStorage.removeItem(key!);
    earlierSizes.delete(key!);
    if (!entry || !entry.request) return;
    const { owner = '' } = entry;
    if (owner === id) return report(requestId);
    try {
      localStorage.setItem(
        tombstone + requestId,
        JSON.stringify({ ...entry, request: { ...entry.request, body: undefined } }),
      );
      watch(owner);
    } catch {
      // No room even for a tombstone: reported here.
      report(requestId);
    }
  };

  /** The page's own requests, as the last call gave them; a bound is due (once per task). */
  let own: Map<string, KeptEntry>;
  let due: unknown;
  /** Bounds the site's queue with this page's requests (see {@link siteQueueBound}). */
  const bound = (maxCount: number, maxBytes: number) => {
    due = 0;
    const counted = list();
    for (const { request, at, stored: written, inFlight } of own.values())
      if (!written && !inFlight) counted.push({ id: request.requestId, at, size: request.body.length });
    const inFlight = (item: Counted) => (own.get(item.id) || {}).inFlight;
    for (const victim of boundQueue(counted, maxCount, maxBytes, (item) => !inFlight(item)))
      if (own.has(victim.id)) report(victim.id);
      else dropStored(victim);
  };

  /** Requests reported here: a tombstone written again by a tab that dropped it at the same time is not counted twice. */
  const reported = new Set<string>();
  /** Bounds once in this task (a write of each of a thousand adopted requests is one bound, not a thousand). */
  let boundSoon: () => void;
  return (mine, maxCount, maxBytes, drop) => {
    own = mine;
    boundSoon = () => void (due ||= Promise.resolve().then(() => bound(maxCount, maxBytes)));
    boundSoon();
    if (!report) {
      report = (requestId) => reported.has(requestId) || (reported.add(requestId), drop(requestId));
      addEventListener('storage', ({ key, newValue }) => {
        if (!key || !newValue) return;
        // Another page dropped one of this page's requests: settled at once.
        if (key.startsWith(tombstone)) settle((of) => of === id);
        // Another page wrote a request: bounded again, as two tabs writing at once may each have
        // bounded before it saw the other's write (then nobody would drop, and the site's queue
        // would stay over its bound).
        else if (readKey(key)) boundSoon();
      });
      // Tombstones left before this page listened: its own, and those of pages that may be gone.
      settle((of) => of === id || void watch(of));
    }
  };
}
