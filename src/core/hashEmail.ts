import { sha256Hex } from './sha256';

/** What hashing an e-mail identity gave: a digest to send, or a warning saying why nothing is sent. */
export type EmailHashResult =
  { digest: string; warning?: undefined } | { digest?: undefined; warning: string };

const HEX_DIGEST = /^[0-9a-f]{64}$/i;
const ADDRESS = /^[^\s@]+@[^\s@]+$/;

/**
 * Checks an e-mail value and returns the text to hash (trimmed, lower-cased), a digest that was
 * given already, or a warning. Warnings never repeat the value: it may be a plain address.
 */
function prepareEmail(value: unknown): { text: string } | EmailHashResult {
  if (typeof value !== 'string') {
    return {
      warning: `email was not sent: expected a string, got ${value === null ? 'null' : typeof value}`,
    };
  }
  const text = value.trim().toLowerCase();
  if (HEX_DIGEST.test(text)) return { digest: text };
  if (!text) return { warning: 'email was not sent: it is empty' };
  if (!ADDRESS.test(text))
    return { warning: 'email was not sent: it is not an e-mail address (one "@", no spaces)' };
  return { text };
}

/**
 * Turns an e-mail address into its `Email_LC_SHA256` identity: SHA-256 hex of the trimmed,
 * lower-cased address. A 64-character hex digest passes through lower-cased. Synchronous, for
 * Tags data elements.
 */
export function hashEmailSync(value: unknown): EmailHashResult {
  const prepared = prepareEmail(value);
  return 'text' in prepared ? { digest: sha256Hex(prepared.text) } : prepared;
}

/**
 * The same as {@link hashEmailSync}, but through WebCrypto where the page offers it (secure
 * contexts and Node 20), falling back to the synchronous digest on plain `http:` pages.
 */
export async function hashEmail(value: unknown): Promise<EmailHashResult> {
  const prepared = prepareEmail(value);
  if (!('text' in prepared)) return prepared;
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return { digest: sha256Hex(prepared.text) };
  const buffer = await subtle.digest('SHA-256', new TextEncoder().encode(prepared.text));
  let digest = '';
  for (const byte of new Uint8Array(buffer)) digest += (byte + 0x100).toString(16).slice(1);
  return { digest };
}
