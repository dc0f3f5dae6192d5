import { parseConsent } from '../delivery/ConsentState';
import type { ConsentDecision } from './ConsentInput';

/**
 * The shorthand `in` / `out` / `pending`. `in` and `out` are posted as Adobe standard 1.0
 * (`general: in | out`): the one standard whose meaning is exactly collect or not, that needs no
 * consent field group in the datastream's schema, and whose value is what the Edge Network's
 * consent cookie holds (`general=in`). `pending` is this page's alone: nothing is posted.
 */
export function readShorthand(value: unknown): ConsentDecision {
  const state = parseConsent(value);
  return state === 'pending'
    ? { state }
    : { state, consent: [{ standard: 'Adobe', version: '1.0', value: { general: state } }] };
}
