import type { EdgeAnswer } from '../Transport';
import { parseRetryAfter } from './parseRetryAfter';
import { retryDelay, type BackoffPolicy } from './retryDelay';
import { retryVerdict, type RetryVerdict } from './retryVerdict';

/**
 * What a failed attempt needs and an answered one never does: whether to retry, and after how
 * long. The standalone script gets them with its cross-tab code, loaded on a first failure
 * (see `Ownership.retryRules`), so a page whose sends all succeed never downloads them. They read
 * the failed attempt's answer themselves (none: a network error), so the core does not have to.
 */
export interface RetryRules {
  /** {@link retryVerdict} of the answer's status (0 without an answer). */
  verdict(answer: EdgeAnswer | undefined, tries: number, maxAttempts: number): RetryVerdict;
  /** {@link retryDelay}, never shorter than the answer's `Retry-After` ({@link parseRetryAfter}) as of `now`. */
  delay(
    tries: number,
    policy: BackoffPolicy,
    random: () => number,
    answer: EdgeAnswer | undefined,
    now: number,
  ): number;
}

/** The retry rules (retryVerdict.ts, retryDelay.ts, parseRetryAfter.ts), under short names: they cross from an add-on. */
export const retryRules: RetryRules = {
  verdict: (answer, tries, maxAttempts) => retryVerdict(answer ? answer.status : 0, tries, maxAttempts),
  delay: (tries, policy, random, answer, now) =>
    retryDelay(tries, policy, random, parseRetryAfter(answer && answer.retryAfter, now)),
};
