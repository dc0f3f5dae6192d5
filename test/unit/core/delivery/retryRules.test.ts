import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../../../src/core/delivery/parseRetryAfter';
import { retryDelay } from '../../../../src/core/delivery/retryDelay';
import { retryVerdict } from '../../../../src/core/delivery/retryVerdict';

const NOW = Date.parse('2026-11-23T12:00:00.000Z');

describe('parseRetryAfter', () => {
  it('reads seconds', () => {
    expect(parseRetryAfter('2', NOW)).toBe(2000);
    expect(parseRetryAfter(' 120 ', NOW)).toBe(120_000);
    expect(parseRetryAfter('0', NOW)).toBe(0);
  });

  it('reads an HTTP date as the time left until it', () => {
    expect(parseRetryAfter('Mon, 23 Nov 2026 12:00:30 GMT', NOW)).toBe(30_000);
    // A date already past means "now".
    expect(parseRetryAfter('Mon, 23 Nov 2026 11:00:00 GMT', NOW)).toBe(0);
  });

  it('ignores what is absent or unreadable, so the backoff applies', () => {
    for (const value of [undefined, null, '', '  ', 'soon', '-5', '1.5'])
      expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });
});

describe('retryVerdict', () => {
  it.each([0, 429, 502, 503, 504])(
    'retries %i until the last attempt, then keeps the event queued',
    (status) => {
      expect(retryVerdict(status, 1, 5)).toBe('retry');
      expect(retryVerdict(status, 4, 5)).toBe('retry');
      expect(retryVerdict(status, 5, 5)).toBe('keep');
    },
  );

  it.each([400, 401, 403, 404, 413, 422, 501])('never retries %i', (status) => {
    expect(retryVerdict(status, 1, 5)).toBe('drop');
  });

  // Adobe: "500 errors must not be retried"; the Edge Network's 408 is EXEG-0109-408, an empty request.
  it.each([500, 408])('never retries %i, as Adobe documents', (status) => {
    expect(retryVerdict(status, 1, 5)).toBe('drop');
  });
});

describe('retryDelay', () => {
  const policy = { retryDelay: 500, maxRetryDelay: 3000 };

  it('draws a full-jitter wait under a ceiling that doubles per attempt, up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelay(attempt, policy, () => 0.999999))).toEqual([
      499, 999, 1999, 2999, 2999,
    ]);
    expect(retryDelay(3, policy, () => 0.5)).toBe(1000);
    expect(retryDelay(3, policy, () => 0)).toBe(0);
  });

  it('never waits less than Retry-After, even beyond the cap', () => {
    expect(retryDelay(1, policy, () => 0.5, 2000)).toBe(2000);
    expect(retryDelay(1, policy, () => 0.5, 60_000)).toBe(60_000);
    expect(retryDelay(4, policy, () => 0.9, 100)).toBe(2700);
  });
});
