import type { EnvironmentSnapshot } from '../core/EnvironmentSnapshot';

/** Reads the page's URL, referrer, title, screen and viewport at the moment of a call. */
export function readPageSnapshot(): EnvironmentSnapshot {
  const now = new Date();
  return {
    now,
    timezoneOffset: now.getTimezoneOffset(),
    environment: 'browser',
    url: location.href,
    title: document.title || undefined,
    referrer: document.referrer || undefined,
    viewport: { width: innerWidth, height: innerHeight },
    // Every browser has `screen` (the ES module reads the server's snapshot outside one).
    screen: { width: screen.width, height: screen.height },
  };
}
