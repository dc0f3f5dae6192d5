import type { EmailHasher } from '../core/createCollector';
import { hashEmailWith } from '../core/hashEmail';
import type { sha256Hex } from '../core/sha256';
import { loadAddOn } from './loadAddOn';

/**
 * The standalone script's e-mail hasher: WebCrypto, which every secure page has (and which costs a
 * fresh page less than deriving SHA-256's constants), so that the core script carries no SHA-256.
 * A plain `http:` page has no WebCrypto: it loads `edge-collector.sha256.min.js` once. Never
 * rejects: where neither works, the event goes without the identity, with a warning.
 */
export const hashEmailInPage =
  (scriptSrc: string | undefined): EmailHasher =>
  (value) =>
    hashEmailWith(value, (text) =>
      loadAddOn<typeof sha256Hex>(scriptSrc, 'sha256').then((sha256) => sha256(text)),
    ).catch(() => ({
      warning: 'email was not sent: edge-collector.sha256.min.js did not load to hash it',
    }));
