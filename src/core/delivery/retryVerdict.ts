/** What to do after a failed attempt: try again, keep the event queued for a later page load, or give it up. */
export type RetryVerdict = 'retry' | 'keep' | 'drop';

/**
 * The statuses Adobe says may be retried: throttling (429, after `Retry-After`) and gateway
 * failures (502, 503, 504). A 500 "must not be retried", and at the Edge Network a 408 is
 * `EXEG-0109-408` (an empty request), not a timeout
 * (https://experienceleague.adobe.com/en/docs/experience-platform/server-api/error-handling).
 */
const TRANSIENT = [429, 502, 503, 504];

/**
 * Decides about attempt number `attempt` (1-based) that failed with HTTP `status`, or with no
 * answer at all (`status` 0, retried: the request may never have arrived). Other statuses (400,
 * 401, 403, 404, 408, 413, 500, …) will fail the same way again.
 */
export function retryVerdict(status: number, attempt: number, maxAttempts: number): RetryVerdict {
  if (status && !TRANSIENT.includes(status)) return 'drop';
  return attempt < maxAttempts ? 'retry' : 'keep';
}
