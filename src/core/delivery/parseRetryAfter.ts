/**
 * Reads a `Retry-After` header (delay in seconds, or an HTTP date) as milliseconds from `now`;
 * `undefined` when absent or unreadable, so the caller falls back to its own backoff.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  const text = (value || '').trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return +text * 1000;
  // An HTTP date names its month; without this, lenient parsers read "-5" or "1.5" as dates.
  const date = /[a-z]/i.test(text) ? Date.parse(text) : NaN;
  // A date in the past means "now", not "never".
  return isNaN(date) ? undefined : Math.max(0, date - now);
}
