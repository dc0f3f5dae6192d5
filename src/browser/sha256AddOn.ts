import { sha256Hex } from '../core/sha256';
import { ADD_ON_EVENT } from './loadAddOn';

// The entry of `edge-collector.sha256.min.js`: the synchronous SHA-256, for the rare page without
// WebCrypto (plain `http:`), loaded with its first e-mail address (see hashEmailInPage).
dispatchEvent(new CustomEvent(ADD_ON_EVENT + 'sha256', { detail: sha256Hex }));
