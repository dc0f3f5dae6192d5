import { join } from 'node:path';
import { openJsonLinesLog, type LogReplay } from './openJsonLinesLog';
import type { Validation } from './validateEvent';

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
  requestId: string;
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

/** An event about to be stored: everything but what the store assigns. */
export type NewEvent = Omit<StoredEvent, 'id' | 'seq' | 'duplicates' | 'receivedAt'>;

/** Filters of `GET /api/events`. */
export interface EventFilter {
  requestId?: string;
  dataStreamId?: string;
  eventType?: string;
  /** Only events received at or after this time (ms since the epoch). */
  since?: number;
}

/** What the store tells its listeners (the inspector's live stream). */
export type StoreChange =
  { type: 'stored'; event: StoredEvent } | { type: 'duplicate'; event: StoredEvent } | { type: 'cleared' };

/** The durable event store: every accepted event is on disk before `add` resolves. */
export interface EventStore {
  /** Stores new events; those whose `_id` is already stored (or earlier in the same call) come back as duplicates. */
  add(events: NewEvent[]): Promise<{ stored: StoredEvent[]; duplicates: StoredEvent[] }>;
  list(filter?: EventFilter): StoredEvent[];
  /** By store id, or else by event `_id`. */
  get(id: string): StoredEvent | undefined;
  clear(): Promise<void>;
  stats(): { events: number; duplicates: number };
  subscribe(listener: (change: StoreChange) => void): () => void;
  /** What replaying the log on start found. */
  readonly replay: Omit<LogReplay<unknown>, 'records'>;
  close(): Promise<void>;
}

type LogRecord = { t: 'event'; event: StoredEvent } | { t: 'dup'; id: string; requestId: string; at: number };

/** Opens the event store in `dataDir` (`events.jsonl`), replaying what an earlier run accepted. */
export function createEventStore(dataDir: string): EventStore {
  const { log, replay } = openJsonLinesLog<LogRecord>(join(dataDir, 'events.jsonl'));
  const events: StoredEvent[] = [];
  const byId = new Map<string, StoredEvent>();
  const byEventId = new Map<string, StoredEvent>();
  // `_id`s promised to a write that is still in flight: a concurrent copy is a duplicate too.
  const pending = new Set<string>();
  const listeners = new Set<(change: StoreChange) => void>();
  let seq = 0;
  let duplicateCount = 0;

  const keep = (event: StoredEvent) => {
    events.push(event);
    byId.set(event.id, event);
    if (event.eventId) byEventId.set(event.eventId, event);
    seq = Math.max(seq, event.seq);
  };
  for (const record of replay.records) {
    if (record.t === 'event') keep(record.event);
    else if (record.t === 'dup') {
      const original = byId.get(record.id);
      if (original) original.duplicates += 1;
      duplicateCount += 1;
    }
  }
  const emit = (change: StoreChange) => {
    for (const listener of listeners) listener(change);
  };

  return {
    async add(incoming) {
      const fresh: StoredEvent[] = [];
      const duplicateOf: Array<{ original: () => StoredEvent | undefined; requestId: string }> = [];
      for (const candidate of incoming) {
        const eventId = candidate.eventId;
        if (eventId && (byEventId.has(eventId) || pending.has(eventId))) {
          duplicateOf.push({ original: () => byEventId.get(eventId), requestId: candidate.requestId });
          continue;
        }
        if (eventId) pending.add(eventId);
        seq += 1;
        fresh.push({
          ...candidate,
          id: String(seq),
          seq,
          receivedAt: new Date(candidate.receivedTimeMs).toISOString(),
          duplicates: 0,
        });
      }
      try {
        // A duplicate whose original is still in flight is resolved after that write settles.
        const records: LogRecord[] = fresh.map((event) => ({ t: 'event', event }));
        await log.append(...records);
      } finally {
        for (const event of fresh) if (event.eventId) pending.delete(event.eventId);
      }
      for (const event of fresh) {
        keep(event);
        emit({ type: 'stored', event });
      }
      const duplicates: StoredEvent[] = [];
      const dupRecords: LogRecord[] = [];
      for (const { original, requestId } of duplicateOf) {
        const event = original();
        if (!event) continue;
        dupRecords.push({ t: 'dup', id: event.id, requestId, at: Date.now() });
        duplicates.push(event);
      }
      if (dupRecords.length) {
        await log.append(...dupRecords);
        for (const event of duplicates) {
          event.duplicates += 1;
          duplicateCount += 1;
          emit({ type: 'duplicate', event });
        }
      }
      return { stored: fresh, duplicates };
    },
    list(filter = {}) {
      return events.filter(
        (event) =>
          (filter.requestId === undefined || event.requestId === filter.requestId) &&
          (filter.dataStreamId === undefined || event.dataStreamId === filter.dataStreamId) &&
          (filter.eventType === undefined || event.eventType === filter.eventType) &&
          (filter.since === undefined || event.receivedTimeMs >= filter.since),
      );
    },
    get: (id) => byId.get(id) ?? byEventId.get(id),
    async clear() {
      await log.truncate();
      events.length = 0;
      byId.clear();
      byEventId.clear();
      duplicateCount = 0;
      emit({ type: 'cleared' });
    },
    stats: () => ({ events: events.length, duplicates: duplicateCount }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    replay: { tornTail: replay.tornTail, badLines: replay.badLines },
    close: () => log.close(),
  };
}
