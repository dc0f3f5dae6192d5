// One rule for which events a filter selects: the store pages with it (GET /api/events) and the
// inspector applies it to events that arrive live, so both agree on what the list shows.

import type { EventSource, StoredEvent } from './createEventStore';

/** The fields of a stored event a filter reads: those of {@link StoredEvent}, so the two cannot drift. */
export type FilterableEvent = Pick<
  StoredEvent,
  | 'source'
  | 'receivedTimeMs'
  | 'requestId'
  | 'answeredRequestId'
  | 'dataStreamId'
  | 'inletId'
  | 'flowId'
  | 'xactionId'
  | 'eventId'
  | 'eventType'
  | 'ecid'
  | 'endpoint'
> & { validation: Pick<StoredEvent['validation'], 'ok'> };

/** Filters of `GET /api/events` (each optional; all given ones must match). */
export interface EventFilter {
  requestId?: string;
  dataStreamId?: string;
  eventType?: string;
  /** Only events received at or after this time (ms since the epoch). */
  since?: number;
  source?: EventSource;
  /** Only events whose validation found errors or a plain e-mail address. */
  problems?: boolean;
  /** Words that must all occur (case-insensitively) in the event's type or ids. */
  text?: string;
}

/** The text the `text` filter searches: event type, ids, datastream, inlet, flow, endpoint. */
export function eventSearchText(event: FilterableEvent): string {
  return [
    event.eventType,
    event.requestId,
    event.answeredRequestId,
    event.eventId,
    event.dataStreamId,
    event.inletId,
    event.flowId,
    event.xactionId,
    event.ecid,
    event.endpoint,
  ]
    .join(' ')
    .toLowerCase();
}

/** The words of a text filter, lower-cased. */
export const filterWords = (text: string | undefined): string[] =>
  (text ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean);

/** True when the event passes every filter given. */
export function eventMatches(event: FilterableEvent, filter: EventFilter): boolean {
  // Either id finds the event: the one the client sent, or the one the Edge Network answered.
  if (
    filter.requestId !== undefined &&
    event.requestId !== filter.requestId &&
    event.answeredRequestId !== filter.requestId
  )
    return false;
  if (filter.dataStreamId !== undefined && event.dataStreamId !== filter.dataStreamId) return false;
  if (filter.eventType !== undefined && event.eventType !== filter.eventType) return false;
  if (filter.since !== undefined && event.receivedTimeMs < filter.since) return false;
  if (filter.source !== undefined && event.source !== filter.source) return false;
  if (filter.problems && event.validation.ok) return false;
  const words = filterWords(filter.text);
  if (!words.length) return true;
  const text = eventSearchText(event);
  return words.every((word) => text.includes(word));
}
