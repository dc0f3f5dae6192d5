import { join } from 'node:path';
import { eventMatches, type EventFilter } from './eventMatches';
import { pageBySeq, type Page, type PageRequest } from './pageBySeq';
import { openJsonLinesLog, type LogFileOps, type LogReplay } from './openJsonLinesLog';
import type { Validation } from '../checks/validateEvent';
import { isObject } from '../http/isObject';
import { LIVE_EVENTS_PER_REQUEST } from '../http/limits';
import { packRequest, type MadeId, type PackedRequest } from './packRequest';
import { isPackedRequest, unpackRequest } from './unpackRequest';
import { toStoredEvent } from './toStoredEvent';

/** Where an event came in: the Edge Network endpoints or a streaming inlet. */
export type EventSource = 'edge' | 'inlet';

/** One accepted event, as stored, returned by `/api/events` and shown by the inspector. */
export interface StoredEvent {
  /** The store's own id (`/api/events/{id}`); the event's `_id` is `eventId`. */
  id: string;
  seq: number;
  receivedAt: string;
  receivedTimeMs: number;
  source: EventSource;
  /** The path that took it, e.g. `/ee/v2/interact`. */
  endpoint: string;
  /** The id the client sent (or the one made for it when it sent none). */
  requestId: string;
  /** The id the Edge Network answered with, `<requestId>-<16 hex>` (Edge requests only). */
  answeredRequestId?: string;
  dataStreamId?: string;
  inletId?: string;
  flowId?: string;
  xactionId?: string;
  /** The XDM `_id`, the key for duplicates. */
  eventId?: string;
  eventType?: string;
  /** The visitor id the Edge Network answered with. */
  ecid?: string;
  xdm: unknown;
  data?: unknown;
  /** A raw inlet record as it arrived, before mapping. */
  raw?: unknown;
  headers: Record<string, string>;
  validation: Validation;
  /** How many later requests carried the same `_id` (counted, not stored again). */
  duplicates: number;
}

/** An event about to be stored: everything but what the store assigns, and the `_id` the emulator made for it, if it did. */
export type NewEvent = Omit<StoredEvent, 'id' | 'seq' | 'duplicates' | 'receivedAt'> & { madeId?: MadeId };

export type { EventFilter };

export type { PageRequest };

/** What the store tells its listeners (the inspector's live stream). */
export type StoreChange =
  | { type: 'stored'; event: StoredEvent }
  | { type: 'duplicate'; event: StoredEvent }
  /** One request stored or repeated more than LIVE_EVENTS_PER_REQUEST events: told once, in counts. */
  | { type: 'batch'; stored: number; duplicates: number }
  | { type: 'cleared' };

/** The durable event store: every accepted event is on disk before `add` resolves. */
export interface EventStore {
  /**
   * Stores the events of one request; those whose `_id` is already stored (or earlier in the same
   * call) come back as duplicates. What the events share is written once (packRequest).
   */
  add(events: NewEvent[]): Promise<{ stored: StoredEvent[]; duplicates: StoredEvent[] }>;
  list(filter?: EventFilter): StoredEvent[];
  /** A page of the events that match `filter` (cursor = the `seq` of the last event of the previous page). */
  page(filter: EventFilter, request: PageRequest): Page<StoredEvent>;
  /** By store id, or else by event `_id`. */
  get(id: string): StoredEvent | undefined;
  clear(): Promise<void>;
  /** Counts: events, duplicates, and events whose validation failed. */
  stats(): { events: number; duplicates: number; problems: number };
  subscribe(listener: (change: StoreChange) => void): () => void;
  /** What replaying the log on start found. */
  readonly replay: Omit<LogReplay<unknown>, 'records'>;
  close(): Promise<void>;
}

/**
 * A line of `events.jsonl`: a request's events (packed), or the duplicates one request repeated.
 * `event` and `dup` lines are those of earlier versions (one line per event, per duplicate): they
 * are still read.
 */
type LogRecord =
  | PackedRequest
  | { t: 'dups'; requestId: string; at: number; ids: string[] }
  | { t: 'event'; event: StoredEvent }
  | { t: 'dup'; id: string; requestId: string; at: number };

/** The fields the store and the inspector rely on; an event without them is skipped on replay. */
function isStoredEvent(value: unknown): value is StoredEvent {
  return (
    isObject(value) &&
    Number.isSafeInteger(value.seq) &&
    (value.seq as number) > 0 &&
    value.id === String(value.seq) &&
    Number.isFinite(value.receivedTimeMs) &&
    typeof value.receivedAt === 'string' &&
    value.receivedAt !== '' &&
    (value.source === 'edge' || value.source === 'inlet') &&
    typeof value.endpoint === 'string' &&
    typeof value.requestId === 'string' &&
    typeof value.duplicates === 'number' &&
    isObject(value.headers) &&
    isObject(value.validation) &&
    typeof value.validation.ok === 'boolean' &&
    Array.isArray(value.validation.findings) &&
    Array.isArray(value.validation.plainEmails)
  );
}

// A request line is unpacked once, when it is checked, and its events kept from there.
const unpacked = new WeakMap<PackedRequest, StoredEvent[]>();

/** A request line whose every event has the stored shape. */
function isGoodRequest(value: unknown): value is PackedRequest {
  if (!isPackedRequest(value)) return false;
  const events = unpackRequest(value);
  if (!events.every(isStoredEvent)) return false;
  unpacked.set(value, events);
  return true;
}

const isLogRecord = (value: unknown): value is LogRecord =>
  isObject(value) &&
  (isGoodRequest(value) ||
    (value.t === 'dups' && Array.isArray(value.ids) && value.ids.every((id) => typeof id === 'string')) ||
    (value.t === 'event' && isStoredEvent(value.event)) ||
    (value.t === 'dup' && typeof value.id === 'string'));

/** Collaborators of the store: the log's file operations (tests inject failing ones). */
export interface EventStoreOptions {
  file?: LogFileOps;
}

/** The events held in memory, with their indexes and counts (what `events.jsonl` replays into). */
function createEventIndex() {
  const events: StoredEvent[] = [];
  const byId = new Map<string, StoredEvent>();
  const byEventId = new Map<string, StoredEvent>();
  const counts = { seq: 0, duplicates: 0, problems: 0 };
  return {
    events,
    byId,
    byEventId,
    counts,
    keep(event: StoredEvent) {
      if (byId.has(event.id)) return; // a repeated line (hand-edited log): keep the first
      events.push(event);
      if (!event.validation.ok) counts.problems += 1;
      byId.set(event.id, event);
      if (event.eventId) byEventId.set(event.eventId, event);
      counts.seq = Math.max(counts.seq, event.seq);
    },
    /** Counts one more copy of the event with store id `id`. */
    repeat(id: string) {
      const original = byId.get(id);
      if (original) original.duplicates += 1;
      counts.duplicates += 1;
      return original;
    },
    clear() {
      events.length = 0;
      byId.clear();
      byEventId.clear();
      counts.duplicates = counts.problems = 0;
    },
  };
}

/** Replays the log's records into `index`, old lines (one per event) and packed ones alike. */
function replayInto(index: ReturnType<typeof createEventIndex>, records: LogRecord[]): void {
  for (const record of records) {
    if (record.t === 'request') for (const event of unpacked.get(record) ?? []) index.keep(event);
    else if (record.t === 'event') index.keep(record.event);
    else if (record.t === 'dups') for (const id of record.ids) index.repeat(id);
    else index.repeat(record.id);
  }
}

/** Opens the event store in `dataDir` (`events.jsonl`), replaying what an earlier run accepted. */
export function createEventStore(dataDir: string, options: EventStoreOptions = {}): EventStore {
  const { log, replay } = openJsonLinesLog<LogRecord>(join(dataDir, 'events.jsonl'), {
    accept: isLogRecord,
    file: options.file,
  });
  const index = createEventIndex();
  replayInto(index, replay.records);
  const { events, byId, byEventId, counts } = index;
  // `_id`s promised to a write that is still in flight: a concurrent copy is a duplicate too.
  const pending = new Set<string>();
  const listeners = new Set<(change: StoreChange) => void>();
  const emit = (change: StoreChange) => {
    for (const listener of listeners) listener(change);
  };
  /** Tells listeners of each event, or of them all at once when one request brought many. */
  const announce = (type: 'stored' | 'duplicate', changed: StoredEvent[]) => {
    if (changed.length > LIVE_EVENTS_PER_REQUEST)
      emit({
        type: 'batch',
        stored: type === 'stored' ? changed.length : 0,
        duplicates: type === 'duplicate' ? changed.length : 0,
      });
    else for (const event of changed) emit({ type, event });
  };

  /** Writes the new events of one request as one packed line, then keeps them. */
  const storeFresh = async (fresh: StoredEvent[], madeIds: Array<MadeId | undefined>) => {
    try {
      if (fresh.length) await log.append(packRequest(fresh, madeIds));
    } finally {
      for (const event of fresh) if (event.eventId) pending.delete(event.eventId);
    }
    for (const event of fresh) index.keep(event);
    announce('stored', fresh);
  };

  /** Counts the copies of stored events one request repeated (one line for all of them). */
  const storeRepeats = async (repeats: Array<{ eventId: string; requestId: string }>) => {
    // A duplicate whose original was still in flight is resolved once that write settled.
    const originals = repeats
      .map(({ eventId }) => byEventId.get(eventId))
      .filter((event) => event !== undefined);
    if (!originals.length) return [];
    const ids = originals.map((event) => event.id);
    await log.append({ t: 'dups', requestId: repeats[0]!.requestId, at: Date.now(), ids });
    for (const id of ids) index.repeat(id);
    announce('duplicate', originals);
    return originals;
  };

  return {
    async add(incoming) {
      const fresh: StoredEvent[] = [];
      const madeIds: Array<MadeId | undefined> = [];
      const repeats: Array<{ eventId: string; requestId: string }> = [];
      // The events of a request share their time: made into text once.
      const isoTimes = new Map<number, string>();
      for (const candidate of incoming) {
        const eventId = candidate.eventId;
        if (eventId && (byEventId.has(eventId) || pending.has(eventId))) {
          repeats.push({ eventId, requestId: candidate.requestId });
          continue;
        }
        if (eventId) pending.add(eventId);
        counts.seq += 1;
        const time = candidate.receivedTimeMs;
        const receivedAt = isoTimes.get(time) ?? isoTimes.set(time, new Date(time).toISOString()).get(time)!;
        fresh.push(
          toStoredEvent((name) => (candidate as Partial<StoredEvent>)[name], {
            seq: counts.seq,
            receivedAt,
            duplicates: 0,
          }),
        );
        madeIds.push(candidate.madeId);
      }
      await storeFresh(fresh, madeIds);
      return { stored: fresh, duplicates: await storeRepeats(repeats) };
    },
    list: (filter = {}) => events.filter((event) => eventMatches(event, filter)),
    page: (filter, request) =>
      pageBySeq(
        events.filter((event) => eventMatches(event, filter)),
        request,
      ),
    get: (id) => byId.get(id) ?? byEventId.get(id),
    async clear() {
      await log.truncate();
      index.clear();
      emit({ type: 'cleared' });
    },
    stats: () => ({ events: events.length, duplicates: counts.duplicates, problems: counts.problems }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    replay: { tornTail: replay.tornTail, badLines: replay.badLines },
    close: () => log.close(),
  };
}
