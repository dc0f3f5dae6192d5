/**
 * What the collector knows about where an event happens, read by a face (the browser's page, or
 * nothing on a server) at the moment of the call. The core turns it into XDM context.
 */
export interface EnvironmentSnapshot {
  /** When the event happened. */
  now: Date;
  /** Minutes behind UTC, as `Date#getTimezoneOffset` gives it. */
  timezoneOffset: number;
  /** `browser` for pages, `server` for Node. */
  environment: 'browser' | 'server';
  url?: string;
  referrer?: string;
  title?: string;
  screen?: { width: number; height: number };
  viewport?: { width: number; height: number };
}
