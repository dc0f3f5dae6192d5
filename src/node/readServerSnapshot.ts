import type { EnvironmentSnapshot } from '../core/EnvironmentSnapshot';

/** A server has no page: only the time and its time zone go into the event's context. */
export function readServerSnapshot(): EnvironmentSnapshot {
  const now = new Date();
  return { now, timezoneOffset: now.getTimezoneOffset(), environment: 'server' };
}
