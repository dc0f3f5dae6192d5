/** What to do after a failed attempt: try again, keep the event queued for a later page load, or give it up. */
export type RetryVerdict = 'retry' | 'keep' | 'drop';

// Statuses that say "not now" rather than "never": timeouts, throttling and gateway failures.
const TRANSIENT = [408, 429, 502, 503, 504];

/**
 * Decides about attempt number `attempt` (1-based) that failed with HTTP `status`, or with no
 * answer at all (`status` 0). A 500 is tried once more only: Adobe marks most of its 500s as not
 * worth retrying. Other statuses (400, 401, 403, 404, 413, …) will fail the same way again.
 */
export function retryVerdict(status: number, attempt: number, maxAttempts: number): RetryVerdict {
  if (status === 500 && attempt === 1 && maxAttempts > 1) return 'retry';
  if (status && !TRANSIENT.includes(status)) return 'drop';
  return attempt < maxAttempts ? 'retry' : 'keep';
}
