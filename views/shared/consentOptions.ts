import { CONSENT_STATES } from '../../src/core/delivery/ConsentState';

/** The consent states as choices (In, Pending, Out), from the core's one list. */
export const CONSENT_OPTIONS = CONSENT_STATES.map((value) => ({
  value,
  label: value[0]!.toUpperCase() + value.slice(1),
}));
