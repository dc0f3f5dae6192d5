import type { Validation } from '../checks/validateEvent';
import { isObject } from '../http/isObject';
import { eventIdOf } from './eventIdOf';
import { eventTypeOf } from './eventTypeOf';
import { madeEventId } from './madeEventId';
import type { StoredEvent } from './createEventStore';

/** The `_id` the emulator made for an event that sent none: the `index`-th of the request's `base` (madeEventId). */
export interface MadeId {
  base: string;
  index: number;
}

/** One event of a {@link PackedRequest}: only what is its own. */
export type PackedEvent = Partial<Omit<StoredEvent, 'validation' | 'eventId' | 'eventType'>> & {
  /** The index of its validation in the request's table; 0 when left out. */
  validation?: number;
  /**
   * Its `_id` was made by the emulator: `madeEventId(madeIdBase, madeId)`, written in front of
   * `xdm`. Left out when it is the one after the line's previous made `_id` (0 for the first;
   * always so for the Edge, whose ids readEvents makes in order), as unpackRequest then reads it;
   * `false` when its `xdm` has no `_id` and none was made. Lines of the previous version write it
   * on each event.
   */
  madeId?: number | false;
  /** Its `xdm` is (the same object as) the record as received, or its envelope's entity: not written twice. */
  xdmFrom?: XdmSource;
  /** Written only when it is not what `xdm` says (`null` for none). */
  eventId?: string | null;
  eventType?: string | null;
};

/**
 * One request's events as one line of `events.jsonl`: what they share (headers, ids, endpoint,
 * time) once, their distinct validations once, and each event's own part. Issue 23: a 64 KB
 * request of 5,956 empty events stored 6.37 MB when each event carried all of it.
 */
export interface PackedRequest {
  t: 'request';
  /** The `seq` of the first event; the others follow one by one. */
  firstSeq: number;
  /** The fields whose value is the same in every event of the request (`xdm` too, when xdmIsShared). */
  shared: Partial<StoredEvent>;
  /** The distinct validations, the most used first. */
  validations: Validation[];
  /** The UUID the made `_id`s derive from, when the emulator made any. */
  madeIdBase?: string;
  /**
   * A batch's xactionId, when its records' are `<xactionBase>:<index>`: a record's is then left out
   * when its index is the one after the previous record's (packXactionIds).
   */
  xactionBase?: string;
  events: PackedEvent[];
}

/** The fields written by their own rule, never as a shared or own field. */
const OWN_RULE = new Set([
  'xdm',
  'validation',
  'eventId',
  'eventType',
  'id',
  'seq',
  'receivedAt',
  'duplicates',
]);

/** True when `value` is `first`, or (for objects) the same JSON; `firstText` is `first`'s JSON, made once. */
const sameValue = (value: unknown, first: unknown, firstText: () => string) =>
  value === first || (typeof value === 'object' && value !== null && JSON.stringify(value) === firstText());

/** The fields of `events` (other than those with their own rule) that hold one value in all of them. */
function sharedFields(events: StoredEvent[]): Partial<StoredEvent> {
  const shared: Record<string, unknown> = {};
  const names = new Set<string>();
  for (const event of events) for (const name in event) if (!OWN_RULE.has(name)) names.add(name);
  for (const name of names) {
    const fieldOf = (event: StoredEvent) => (event as unknown as Record<string, unknown>)[name];
    const first = fieldOf(events[0]!);
    let text: string | undefined;
    const firstText = () => (text ??= JSON.stringify(first));
    if (events.every((event) => sameValue(fieldOf(event), first, firstText))) shared[name] = first;
  }
  return shared as Partial<StoredEvent>;
}

/**
 * The distinct validations of `events` (by object: a request's checks share equal ones,
 * createRequestChecks), the most used first, and each event's index into them.
 */
function validationTable(events: StoredEvent[]): { validations: Validation[]; indexes: number[] } {
  const entries = new Map<Validation, { uses: number; index: number }>();
  const used = events.map((event) => {
    let entry = entries.get(event.validation);
    if (!entry) entries.set(event.validation, (entry = { uses: 0, index: entries.size }));
    entry.uses += 1;
    return entry;
  });
  const ordered = [...entries].sort(([, a], [, b]) => b.uses - a.uses || a.index - b.index);
  ordered.forEach(([, entry], index) => (entry.index = index));
  return {
    validations: ordered.map(([validation]) => validation),
    indexes: used.map((entry) => entry.index),
  };
}

/** Where in `raw` an inlet record's `xdm` is: the XDM envelope's entity, or the record itself (a raw inlet without mapping). */
export type XdmSource = 'raw' | 'raw.body.xdmEntity';

/** Where `xdm` is the very object of `raw` (or of its envelope's entity), if it is. */
function xdmSource(xdm: unknown, raw: unknown): XdmSource | undefined {
  if (!isObject(xdm) || !isObject(raw)) return undefined;
  if (xdm === raw) return 'raw';
  return isObject(raw.body) && raw.body.xdmEntity === xdm ? 'raw.body.xdmEntity' : undefined;
}

/**
 * How a line writes its events' `xdm`: the base of the `_id`s it made and the index that goes
 * without saying next, or once for all of them (shared).
 */
interface LineXdm {
  base: string | undefined;
  next: number;
  /** Every event's `xdm` is the line's `shared.xdm` (sharedXdm). */
  sharedXdm: boolean;
}

/**
 * True when the events' `xdm`s are one value, none with a made `_id` or read from its record: a
 * raw inlet's mapping made `{}` of each of 21,840 empty records in one 64 KB batch, 3.7× the batch
 * when written once a record.
 */
function xdmIsShared(events: StoredEvent[], madeIds: Array<MadeId | undefined>): boolean {
  if (events.length < 2 || madeIds.some(Boolean)) return false;
  if (events.some((event) => xdmSource(event.xdm, event.raw))) return false;
  const first = events[0]!.xdm;
  const text = JSON.stringify(first);
  return events.every((event) => sameValue(event.xdm, first, () => text));
}

/** Packs where an event's `xdm` comes from: sent with a made `_id` (left out), the record as received, or its own. */
function packXdm(
  packed: Record<string, unknown>,
  event: StoredEvent,
  madeId: MadeId | undefined,
  made: LineXdm,
) {
  const { xdm } = event;
  if (made.sharedXdm) return;
  if (madeId && isObject(xdm) && xdm._id === madeEventId(madeId.base, madeId.index)) {
    const sent = { ...xdm };
    delete sent._id;
    packed.xdm = sent;
    if (madeId.index !== made.next) packed.madeId = madeId.index;
    made.next = madeId.index + 1;
    return;
  }
  const from = xdmSource(xdm, event.raw);
  if (from) packed.xdmFrom = from;
  else packed.xdm = xdm;
  // Not to be read as made in order (unpackRequest).
  if (!from && made.base !== undefined && isObject(xdm) && !('_id' in xdm)) packed.madeId = false;
}

/** The part of one event that is its own: what it does not share, with derived fields left out. */
function packEvent(
  event: StoredEvent,
  shared: Partial<StoredEvent>,
  validation: number,
  madeId: MadeId | undefined,
  made: LineXdm,
): PackedEvent {
  const packed: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(event))
    if (!OWN_RULE.has(name) && !(name in shared)) packed[name] = value;
  packXdm(packed, event, madeId, made);
  if (event.eventId !== eventIdOf(event.xdm)) packed.eventId = event.eventId ?? null;
  if (event.eventType !== eventTypeOf(event.xdm)) packed.eventType = event.eventType ?? null;
  if (validation) packed.validation = validation;
  return packed as PackedEvent;
}

/** The index of a batch's record from its xactionId, `<base>:<index>` (registerInletRoutes), if it is one of `base`. */
export function batchIndexOf(xactionId: string, base: string): number | undefined {
  if (!xactionId.startsWith(`${base}:`)) return undefined;
  const index = xactionId.slice(base.length + 1);
  return /^(0|[1-9]\d{0,8})$/.test(index) ? Number(index) : undefined;
}

/**
 * Leaves out of `packed` each xactionId that is `<base>:<index>` with the index after the previous
 * record's, and answers the base, when the line is a batch's: 21,840 empty records of one 64 KB
 * batch stored 37 bytes of xactionId each, 16.9× the request.
 */
function packXactionIds(events: StoredEvent[], packed: PackedEvent[]): string | undefined {
  const first = events[0]!.xactionId;
  const base = events.length > 1 && first ? first.slice(0, first.lastIndexOf(':')) : '';
  if (!base || !events.every((event) => typeof event.xactionId === 'string')) return undefined;
  let next = 0;
  packed.forEach((event, position) => {
    const index = batchIndexOf(events[position]!.xactionId!, base);
    if (index === undefined) return;
    if (index === next) delete event.xactionId;
    next = index + 1;
  });
  return base;
}

/**
 * Packs the events one request stored (consecutive `seq`s, in order) into one log line. `madeIds`
 * gives, by event, the `_id` the emulator made; events of one base are written without it.
 */
export function packRequest(events: StoredEvent[], madeIds: Array<MadeId | undefined> = []): PackedRequest {
  const shared = sharedFields(events);
  const { validations, indexes } = validationTable(events);
  const madeIdBase = madeIds.find(Boolean)?.base;
  const sharedXdm = xdmIsShared(events, madeIds);
  if (sharedXdm) shared.xdm = events[0]!.xdm;
  const made: LineXdm = { base: madeIdBase, next: 0, sharedXdm };
  const packed = events.map((event, position) => {
    const madeId = madeIds[position];
    const ofBase = madeId?.base === madeIdBase ? madeId : undefined;
    return packEvent(event, shared, indexes[position]!, ofBase, made);
  });
  const xactionBase = 'xactionId' in shared ? undefined : packXactionIds(events, packed);
  return {
    t: 'request',
    firstSeq: events[0]!.seq,
    shared,
    validations,
    ...(madeIdBase !== undefined && { madeIdBase }),
    ...(xactionBase !== undefined && { xactionBase }),
    events: packed,
  };
}
