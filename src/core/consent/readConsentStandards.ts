import { isPlainObject } from '../deepMerge';
import type { ConsentState } from '../delivery/ConsentState';
import { EdgeCollectorError } from '../EdgeCollectorError';
import { containsEmail } from '../redactEmails';
import { checkConsentEntry } from './checkConsentEntry';
import { checkIdentityMap } from './checkIdentityMap';
import type { ConsentDecision, ConsentEntry } from './ConsentInput';

/**
 * Checks Adobe's Web SDK form `{ consent: [entries…] }` and says what it means for collection:
 * `out` when any entry opts out, `in` when one opts in, `pending` when one is pending, otherwise
 * (IAB TCF where GDPR applies, `not_provided`, a lawful basis) left to the Edge Network's answer. Throws an `invalid-options` error naming the bad field.
 */
export function readConsentStandards(value: unknown): ConsentDecision {
  const entries = isPlainObject(value) ? value.consent : undefined;
  if (!Array.isArray(entries) || !entries.length)
    throw new EdgeCollectorError(
      'invalid-options',
      'setConsent takes "in", "out", "pending" or { consent: [{ standard, version, value }] }',
    );
  let state: ConsentState | undefined;
  entries.forEach((entry, index) => {
    const verdict = checkConsentEntry(entry, `consent[${index}]`);
    if ('fault' in verdict) throw new EdgeCollectorError('invalid-options', `setConsent: ${verdict.message}`);
    // Anywhere in an entry (Adobe 2.0 metadata, an extra field, a TC string): refused, never posted.
    if (containsEmail(JSON.stringify(entry)))
      throw new EdgeCollectorError(
        'invalid-options',
        `setConsent: consent[${index}] holds a plain e-mail address: consent entries carry no identities`,
      );
    if (verdict.state && state !== 'out') state = verdict.state;
  });
  const identityMap = (value as { identityMap?: unknown }).identityMap;
  return {
    consent: entries as ConsentEntry[],
    state,
    identityMap: identityMap === undefined ? undefined : checkIdentityMap(identityMap),
  };
}
