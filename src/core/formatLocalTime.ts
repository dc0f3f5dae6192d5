/**
 * Formats a moment as local ISO 8601 with milliseconds and the UTC offset, e.g.
 * `2026-11-23T10:04:05.006-08:00`, as XDM's `placeContext.localTime` expects.
 *
 * `timezoneOffset` is in minutes as `Date#getTimezoneOffset` gives it (positive west of UTC).
 */
export function formatLocalTime(date: Date, timezoneOffset: number): string {
  const local = new Date(date.getTime() - timezoneOffset * 60_000).toISOString().slice(0, -1);
  const sign = timezoneOffset > 0 ? '-' : '+';
  const minutes = Math.abs(timezoneOffset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local}${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
