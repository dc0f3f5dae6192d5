import { EdgeCollectorError } from '../EdgeCollectorError';

/** The visitor's collection consent: `in` sends, `pending` holds events in the queue, `out` sends nothing. */
export type ConsentState = 'in' | 'pending' | 'out';

/** What a change of consent does to the queue. */
export type ConsentEffect = 'send' | 'hold' | 'drop';

/**
 * The consent states, the one list that the core, the Tags views and the manifest's enums
 * (test/unit/tags/manifestPatterns.test.ts) take them from.
 */
export const CONSENT_STATES: readonly ConsentState[] = ['in', 'pending', 'out'];

/** Checks a consent value given by a page or a configuration; throws an `invalid-options` error naming the three values. */
export function parseConsent(value: unknown): ConsentState {
  const state = CONSENT_STATES.find((known) => known === value);
  if (!state)
    throw new EdgeCollectorError(
      'invalid-options',
      `consent must be "in", "pending" or "out", not ${JSON.stringify(value) || 'nothing'}`,
    );
  return state;
}

/**
 * The consent state machine. Any state may follow any other: `in` releases what is queued, in
 * order; `pending` holds new events (and anything not yet sent); `out` drops the queue.
 */
export function consentEffect(next: ConsentState): ConsentEffect {
  return next === 'in' ? 'send' : next === 'out' ? 'drop' : 'hold';
}
