// Small summary statistics for the bench's samples.

/** Sorts a copy of the finite numbers in `values`. */
const sorted = (values) => values.filter(Number.isFinite).sort((a, b) => a - b);

/** The `p`-th percentile (0–100) by nearest rank; `NaN` for no samples. */
export function percentile(values, p) {
  const list = sorted(values);
  if (!list.length) return NaN;
  const rank = Math.ceil((p / 100) * list.length);
  return list[Math.min(list.length - 1, Math.max(0, rank - 1))];
}

/** The median (average of the middle two for an even count). */
export function median(values) {
  const list = sorted(values);
  if (!list.length) return NaN;
  const mid = list.length >> 1;
  return list.length % 2 ? list[mid] : (list[mid - 1] + list[mid]) / 2;
}

/** The arithmetic mean. */
export function mean(values) {
  const list = sorted(values);
  return list.length ? list.reduce((sum, value) => sum + value, 0) / list.length : NaN;
}

/** What the table prints for a sample: its median, its spread (min–max and p25–p75) and its size. */
export function summarize(values) {
  const list = sorted(values);
  return {
    n: list.length,
    median: median(list),
    p25: percentile(list, 25),
    p75: percentile(list, 75),
    p95: percentile(list, 95),
    min: list.length ? list[0] : NaN,
    max: list.length ? list[list.length - 1] : NaN,
  };
}
