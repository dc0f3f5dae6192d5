import { join } from 'node:path';
import { eventMatches, type EventFilter } from './eventMatches';
import { pageBySeq, type Page, type PageRequest } from './pageBySeq';
import { openJsonLinesLog, type LogFileOps, type LogReplay } from './openJsonLinesLog';
import type { Validation } from '../checks/validateEvent';

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

/** An event about to be stored: everything but what the store assigns. */
export type NewEvent = Omit<StoredEvent, 'id' | 'seq' | 'duplicates' | 'receivedAt'>;

export type { EventFilter };

export type { PageRequest };

/** What the store tells its listeners (the inspector's live stream). */
export type StoreChange =
  { type: 'stored'; event: StoredEvent } | { type: 'duplicate'; event: StoredEvent } | { type: 'cleared' };

/** The durable event store: every accepted event is on disk before `add` resolves. */
export interface EventStore {
  /** Stores new events; those whose `_id` is already stored (or earlier in the same call) come back as duplicates. */
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

type LogRecord = { t: 'event'; event: StoredEvent } | { t: 'dup'; id: string; requestId: string; at: number };

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The fields the store and the inspector rely on; a line without them is skipped on replay. */
function isStoredEvent(value: unknown): value is StoredEvent {
  return (
    isObject(value) &&
    Number.isSafeInteger(value.seq) &&
    (value.seq as number) > 0 &&
    value.id === String(value.seq) &&
    typeof value.receivedTimeMs === 'number' &&
    typeof value.receivedAt === 'string' &&
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

const isLogRecord = (value: unknown): value is LogRecord =>
  isObject(value) &&
  ((value.t === 'event' && isStoredEvent(value.event)) ||
    (value.t === 'dup' && typeof value.id === 'string'));

/** Collaborators of the store: the log's file operations (tests inject failing ones). */
export interface EventStoreOptions {
  file?: LogFileOps;
}

/** Opens the event store in `dataDir` (`events.jsonl`), replaying what an earlier run accepted. */
export function createEventStore(dataDir: string, options: EventStoreOptions = {}): EventStore {
  const { log, replay } = openJsonLinesLog<LogRecord>(join(dataDir, 'events.jsonl'), {
    accept: isLogRecord,
    file: options.file,
  });
  const events: StoredEvent[] = [];
  const byId = new Map<string, StoredEvent>();
  const byEventId = new Map<string, StoredEvent>();
  // `_id`s promised to a write that is still in flight: a concurrent copy is a duplicate too.
  const pending = new Set<string>();
  const listeners = new Set<(change: StoreChange) => void>();
  let seq = 0;
  let duplicateCount = 0;
  let problemCount = 0;

  const keep = (event: StoredEvent) => {
    if (byId.has(event.id)) return; // a repeated line (hand-edited log): keep the first
    events.push(event);
    if (!event.validation.ok) problemCount += 1;
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
    list: (filter = {}) => events.filter((event) => eventMatches(event, filter)),
    page: (filter, request) =>
      pageBySeq(
        events.filter((event) => eventMatches(event, filter)),
        request,
      ),
    get: (id) => byId.get(id) ?? byEventId.get(id),
    async clear() {
      await log.truncate();
      events.length = 0;
      byId.clear();
      byEventId.clear();
      duplicateCount = 0;
      problemCount = 0;
      emit({ type: 'cleared' });
    },
    stats: () => ({ events: events.length, duplicates: duplicateCount, problems: problemCount }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    replay: { tornTail: replay.tornTail, badLines: replay.badLines },
    close: () => log.close(),
  };
}
