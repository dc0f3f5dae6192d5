import { isObject } from '../http/isObject';

/** The event type an event's XDM names (`xdm.eventType`), if it names one as text. */
export const eventTypeOf = (xdm: unknown): string | undefined =>
  isObject(xdm) && typeof xdm.eventType === 'string' ? xdm.eventType : undefined;
