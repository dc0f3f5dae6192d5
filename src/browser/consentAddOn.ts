import { createSetConsent } from '../core/consent/createSetConsent';
import { addOnEvent } from './loadAddOn';

// The entry of `edge-collector.consent.min.js`: hands `createSetConsent` (the standards' checks and
// the `privacy/set-consent` request) to the standalone script that inserted it (see
// loadSetConsent), without a global of its own.
dispatchEvent(new CustomEvent(addOnEvent('consent'), { detail: createSetConsent }));
