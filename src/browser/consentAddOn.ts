import { createConsentCommand } from '../core/consent/createConsentCommand';
import { addOnEvent } from './loadAddOn';

// The entry of `edge-collector.consent.min.js`: hands `createConsentCommand` (the standards' checks and
// the `privacy/set-consent` request) to the standalone script that inserted it (see
// loadConsentCommand), without a global of its own.
dispatchEvent(new CustomEvent(addOnEvent('consent'), { detail: createConsentCommand }));
