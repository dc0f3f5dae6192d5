import { randomUUID } from 'node:crypto';
import { edgeProblem } from './edgeProblem';
import { isObject } from '../http/isObject';
import { madeEventId } from '../storage/madeEventId';
import type { MadeId } from '../storage/packRequest';

/** One event of an Edge request, with the `_id` the Edge Network gives it when the client sent none. */
export interface EdgeEvent {
  xdm: Record<string, unknown>;
  data?: unknown;
  query?: unknown;
  /** `xdm._id` was missing: the emulator made it, as the Edge Network does (madeEventId). */
  madeId?: MadeId;
}

/** Which body an endpoint takes: one `event` (v2 interact), `events[]` (v1, and v2 collect), or either (v2 collect). */
export type EventsShape = 'event' | 'events' | 'either';

/**
 * Reads the events of a parsed body. An event without `xdm._id` gets a UUID (the Edge Network
 * gives one; alloy sends none): the next of one random UUID of the request (madeEventId).
 * Refuses a missing event (`0103-400`) or a malformed one (`0102-400`).
 */
export function readEvents(
  body: Record<string, unknown>,
  shape: EventsShape,
  requestId: string,
): EdgeEvent[] {
  const single = shape !== 'events' && body.event !== undefined;
  const list = single ? [body.event] : shape === 'event' ? undefined : body.events;
  if (list === undefined || (Array.isArray(list) && list.length === 0))
    throw edgeProblem(
      'missingValue',
      requestId,
      shape === 'event'
        ? 'The event field is mandatory: {"event": {"xdm": {...}, "data": {...}}}'
        : `The events field is mandatory: a non-empty "events" array${shape === 'either' ? ' (or one "event")' : ''}`,
    );
  if (!Array.isArray(list)) throw edgeProblem('invalidField', requestId, 'The events field must be an array');
  const base = randomUUID();
  let made = 0;
  return list.map((event, index) => {
    const at = single ? 'event' : `events[${index}]`;
    if (!isObject(event)) throw edgeProblem('invalidField', requestId, `${at} must be an object with "xdm"`);
    if (!isObject(event.xdm))
      throw edgeProblem('invalidField', requestId, `The ${at}.xdm field must be an object`);
    if (event.xdm._id !== undefined) return { xdm: event.xdm, data: event.data, query: event.query };
    const madeId = { base, index: made++ };
    const xdm = { _id: madeEventId(base, madeId.index), ...event.xdm };
    return { xdm, data: event.data, query: event.query, madeId };
  });
}
