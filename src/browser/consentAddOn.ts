import { createConsentCommand } from '../core/consent/createConsentCommand';
import { ADD_ON_EVENT } from './loadAddOn';

// The entry of `edge-collector.consent.min.js`: hands `createConsentCommand` (the standards' checks and
// the `privacy/set-consent` request) to the standalone script that inserted it (see
// loadConsentCommand), without a global of its own.
dispatchEvent(new CustomEvent(ADD_ON_EVENT + 'consent', { detail: createConsentCommand }));
