/**
 * Formats a moment as local ISO 8601 with milliseconds and the UTC offset, e.g.
 * `2026-11-23T10:04:05.006-08:00`, as XDM's `placeContext.localTime` expects.
 *
 * `timezoneOffset` is in minutes as `Date#getTimezoneOffset` gives it (positive west of UTC). The
 * offset's `hh:mm` is read from an ISO string too: real offsets are well under a day.
 */
export function formatLocalTime(date: Date, timezoneOffset: number): string {
  const iso = (ms: number) => new Date(ms).toISOString();
  return (
    iso(date.getTime() - timezoneOffset * 60_000).slice(0, -1) +
    (timezoneOffset > 0 ? '-' : '+') +
    iso(Math.abs(timezoneOffset) * 60_000).slice(11, 16)
  );
}
