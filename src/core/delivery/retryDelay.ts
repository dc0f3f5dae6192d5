/** How long retries wait: the first backoff ceiling and the largest one, in milliseconds. */
export interface BackoffPolicy {
  retryDelay: number;
  maxRetryDelay: number;
}

/**
 * Exponential backoff with full jitter: a random wait between 0 and `retryDelay·2^(attempt-1)`
 * (capped at `maxRetryDelay`), so that many pages failing together do not retry together. A
 * server's `Retry-After` is a floor: the wait is never shorter than what it asked for.
 */
export function retryDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number,
  retryAfter?: number,
): number {
  const ceiling = Math.min(policy.maxRetryDelay, policy.retryDelay * 2 ** (attempt - 1));
  return Math.max(retryAfter || 0, Math.floor(random() * ceiling));
}
