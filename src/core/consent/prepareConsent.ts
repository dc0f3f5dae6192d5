import type { ResolvedConfig } from '../CollectorConfig';
import type { InteractRequest } from '../InteractRequest';
import { buildConsentRequest } from './buildConsentRequest';
import type { ConsentState } from '../delivery/ConsentState';
import { readConsentStandards } from './readConsentStandards';
import { readShorthand } from './readShorthand';

/** A checked `setConsent` call, ready for the queue. */
export interface PreparedConsent {
  /** The `privacy/set-consent` request; absent for `pending`, which is this page's alone. */
  request?: InteractRequest;
  /** What the decision means here; absent when only the Edge Network can tell (IAB TCF under GDPR). */
  state?: ConsentState;
}

/**
 * Checks a `setConsent` value (the shorthand, or Adobe's `{ consent: [...] }`) and builds its
 * request. Throws an `invalid-options` error that names the bad field. The standalone script
 * loads this from its consent add-on; the ES module and Tags include it.
 */
export function prepareConsent(config: ResolvedConfig, value: unknown, requestId: string): PreparedConsent {
  const { consent, state, identityMap } =
    typeof value === 'string' ? readShorthand(value) : readConsentStandards(value);
  return { state, request: consent && buildConsentRequest(config, consent, requestId, identityMap) };
}
