import { UUID } from '../../core/patterns';
import { isObject } from '../http/isObject';
import type { StoredEvent } from './createEventStore';
import { eventIdOf } from './eventIdOf';
import { eventTypeOf } from './eventTypeOf';
import { madeEventId } from './madeEventId';
import { toStoredEvent } from './toStoredEvent';
import { batchIndexOf, type PackedEvent, type PackedRequest } from './packRequest';

/** True for a line with the outer shape of a {@link PackedRequest} (its events are checked one by one). */
export const isPackedRequest = (value: unknown): value is PackedRequest =>
  isObject(value) &&
  value.t === 'request' &&
  Number.isSafeInteger(value.firstSeq) &&
  isObject(value.shared) &&
  Array.isArray(value.validations) &&
  (value.madeIdBase === undefined || (typeof value.madeIdBase === 'string' && UUID.test(value.madeIdBase))) &&
  (value.xactionBase === undefined || typeof value.xactionBase === 'string') &&
  Array.isArray(value.events) &&
  value.events.every(isObject);

/**
 * The index of the `_id` the emulator made for an event, if it made one: written, or (left out)
 * the one after the line's previous made `_id`, `made.next` (packRequest).
 */
function madeIndexOf({ xdm, madeId, xdmFrom }: PackedEvent, made: { next: number }): number | undefined {
  if (xdmFrom !== undefined || !isObject(xdm) || '_id' in xdm) return undefined;
  const index = madeId ?? made.next;
  if (!Number.isSafeInteger(index)) return undefined;
  made.next = (index as number) + 1;
  return index as number;
}

/** An event's `xdm` as it was stored: the record's own, or the sent one with the `_id` the emulator made in front. */
function xdmOf(packed: PackedEvent, line: PackedRequest, made: { next: number }, raw: unknown): unknown {
  const { xdmFrom } = packed;
  const xdm = 'xdm' in packed ? packed.xdm : line.shared.xdm;
  if (xdmFrom === 'raw') return raw;
  if (xdmFrom === 'raw.body.xdmEntity')
    return isObject(raw) && isObject(raw.body) ? raw.body.xdmEntity : undefined;
  if (line.madeIdBase === undefined) return xdm;
  const index = madeIndexOf(packed, made);
  return index === undefined ? xdm : { _id: madeEventId(line.madeIdBase, index), ...(xdm as object) };
}

/** A record's xactionId: written, or (left out of a batch's line) the next of its base (packRequest). */
function xactionIdOf(written: unknown, base: string | undefined, xaction: { next: number }) {
  if (base === undefined) return written as string | undefined;
  if (typeof written !== 'string') return `${base}:${xaction.next++}`;
  const index = batchIndexOf(written, base);
  if (index !== undefined) xaction.next = index + 1;
  return written;
}

/** A field left out because `xdm` says it, else what was written (`null` meaning none). */
const derived = <T>(written: T | null | undefined, fromXdm: T | undefined): T | undefined =>
  written === undefined ? fromXdm : (written ?? undefined);

/** The events of one packed request line, as they were stored (duplicate counts are replayed after). */
export function unpackRequest(line: PackedRequest): StoredEvent[] {
  const shared = line.shared as Record<string, unknown>;
  const made = { next: 0 };
  const xaction = { next: 0 };
  return line.events.map((packed, position) => {
    const own = packed as Record<string, unknown>;
    const stored = <K extends keyof StoredEvent>(name: K) =>
      (name in own ? own[name] : shared[name]) as StoredEvent[K] | undefined;
    const xdm = xdmOf(packed, line, made, stored('raw'));
    const received = new Date(stored('receivedTimeMs') as number);
    const seq = line.firstSeq + position;
    // A time out of Date's range makes the event fail the store's shape check, not the replay.
    const receivedAt = Number.isNaN(received.getTime()) ? '' : received.toISOString();
    const fields: Partial<StoredEvent> = {
      xdm,
      eventId: derived(packed.eventId, eventIdOf(xdm)),
      eventType: derived(packed.eventType, eventTypeOf(xdm)),
      validation: line.validations[packed.validation ?? 0],
      xactionId: xactionIdOf(stored('xactionId'), line.xactionBase, xaction),
    };
    return toStoredEvent((name) => (name in fields ? fields[name] : stored(name)), {
      seq,
      receivedAt,
      duplicates: 0,
    });
  });
}
