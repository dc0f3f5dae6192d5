import { UUID } from '../../core/patterns';
import { isObject } from '../http/isObject';
import type { StoredEvent } from './createEventStore';
import { eventIdOf } from './eventIdOf';
import { eventTypeOf } from './eventTypeOf';
import { madeEventId } from './madeEventId';
import type { PackedEvent, PackedRequest } from './packRequest';

/** True for a line with the outer shape of a {@link PackedRequest} (its events are checked one by one). */
export const isPackedRequest = (value: unknown): value is PackedRequest =>
  isObject(value) &&
  value.t === 'request' &&
  Number.isSafeInteger(value.firstSeq) &&
  isObject(value.shared) &&
  Array.isArray(value.validations) &&
  (value.madeIdBase === undefined || (typeof value.madeIdBase === 'string' && UUID.test(value.madeIdBase))) &&
  Array.isArray(value.events) &&
  value.events.every(isObject);

/** An event's `xdm` as it was stored: the record's own, or the sent one with the `_id` the emulator made in front. */
function xdmOf(
  { xdm, madeId, xdmFrom }: Pick<PackedEvent, 'xdm' | 'madeId' | 'xdmFrom'>,
  madeIdBase: string | undefined,
  raw: unknown,
): unknown {
  if (xdmFrom === 'raw') return raw;
  if (xdmFrom === 'raw.body.xdmEntity')
    return isObject(raw) && isObject(raw.body) ? raw.body.xdmEntity : undefined;
  if (Number.isSafeInteger(madeId) && madeIdBase !== undefined && isObject(xdm))
    return { _id: madeEventId(madeIdBase, madeId!), ...xdm };
  return xdm;
}

/** A field left out because `xdm` says it, else what was written (`null` meaning none). */
const derived = <T>(written: T | null | undefined, fromXdm: T | undefined): T | undefined =>
  written === undefined ? fromXdm : (written ?? undefined);

/** The events of one packed request line, as they were stored (duplicate counts are replayed after). */
export function unpackRequest(line: PackedRequest): StoredEvent[] {
  return line.events.map((packed, position) => {
    const { validation = 0, madeId, xdmFrom, eventId, eventType, ...own } = packed;
    const fields = { ...line.shared, ...own } as StoredEvent;
    const xdm = xdmOf({ xdm: own.xdm, madeId, xdmFrom }, line.madeIdBase, fields.raw);
    const seq = line.firstSeq + position;
    const received = new Date(fields.receivedTimeMs);
    return {
      ...fields,
      id: String(seq),
      seq,
      // A time out of Date's range makes the event fail the store's shape check, not the replay.
      receivedAt: Number.isNaN(received.getTime()) ? '' : received.toISOString(),
      eventId: derived(eventId, eventIdOf(xdm)),
      eventType: derived(eventType, eventTypeOf(xdm)),
      xdm,
      validation: line.validations[validation]!,
      duplicates: 0,
    };
  });
}
