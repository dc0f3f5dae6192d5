import { parseRetryAfter } from './parseRetryAfter';
import { retryDelay } from './retryDelay';
import { retryVerdict } from './retryVerdict';

/**
 * What a failed attempt needs and an answered one never does: whether to retry, and after how
 * long. The standalone script gets them with its cross-tab code, loaded on a first failure
 * (see `Ownership.retryRules`), so a page whose sends all succeed never downloads them.
 */
export interface RetryRules {
  /** {@link retryVerdict}. */
  verdict: typeof retryVerdict;
  /** {@link retryDelay}. */
  delay: typeof retryDelay;
  /** {@link parseRetryAfter}. */
  retryAfter: typeof parseRetryAfter;
}

/** The retry rules (retryVerdict.ts, retryDelay.ts, parseRetryAfter.ts), under short names: they cross from an add-on. */
export const retryRules: RetryRules = {
  verdict: retryVerdict,
  delay: retryDelay,
  retryAfter: parseRetryAfter,
};
