import { sha256Hex } from './sha256';

/** What hashing an e-mail identity gave: a digest to send, or a warning saying why nothing is sent. */
export type EmailHashResult =
  { digest: string; warning?: undefined } | { digest?: undefined; warning: string };

// Both test the lower-cased text, so no `i` flag.
const HEX_DIGEST = /^[0-9a-f]{64}$/;
const ADDRESS = /^[^\s@]+@[^\s@]+$/;

// The last address hashed and its digest, so that a page's later sends skip SHA-256. In memory only:
// neither is ever stored on the device. NaN equals no value, NaN included, until an address is hashed.
let lastAddress: unknown = NaN;
let lastDigest = '';

/**
 * Checks an e-mail value and returns the text to hash (trimmed, lower-cased), or the result: a
 * digest that was given already, or a warning. Warnings never repeat the value: it may be a plain address.
 */
function prepareEmail(value: unknown): string | EmailHashResult {
  if (typeof value !== 'string') {
    return {
      warning: `email was not sent: expected a string, got ${value === null ? 'null' : typeof value}`,
    };
  }
  const text = value.trim().toLowerCase();
  if (!text) return { warning: 'email was not sent: it is empty' };
  // An address has an "@" and a digest has none: a page that sends addresses compiles one pattern.
  if (ADDRESS.test(text)) return text;
  if (HEX_DIGEST.test(text)) return { digest: text };
  return { warning: 'email was not sent: it is not an e-mail address' };
}

/**
 * Turns an e-mail address into its `Email_LC_SHA256` identity: SHA-256 hex of the trimmed,
 * lower-cased address. A 64-character hex digest passes through lower-cased. Synchronous, for
 * Tags data elements and so that a send leaves in the task of its call. The last address is
 * remembered with its digest (in memory), so that the page's later sends with it skip SHA-256.
 */
export function hashEmailSync(value: unknown): EmailHashResult {
  if (value !== lastAddress) {
    const prepared = prepareEmail(value);
    if (typeof prepared !== 'string') return prepared;
    lastDigest = sha256Hex(prepared);
    lastAddress = value;
  }
  return { digest: lastDigest };
}

/**
 * The same as {@link hashEmailSync}, but through WebCrypto where the page offers it (secure
 * contexts and Node 20), falling back to `sha256` (by default the synchronous digest) on plain `http:` pages.
 */
export const hashEmail = (value: unknown): Promise<EmailHashResult> =>
  // A copy, as {@link hashEmailSync} gives: a caller that changes its result changes no later one.
  hashEmailWith(value, sha256Hex).then((result) => ({ ...result }));

// The same memo for the asynchronous hashers (the standalone script's WebCrypto digest): the page's
// later sends with the last value reuse its pending or settled result, so a burst of sends with one
// address digests it once. In memory only, like the one above, never across pages (docs/privacy.md says why).
let hashingAddress: unknown = NaN;
let hashing: Promise<EmailHashResult>;

/**
 * {@link hashEmail} with the fallback digest given: the standalone script's core carries no SHA-256
 * of its own and loads one (its sha256 add-on) only on a page without WebCrypto. The last value's
 * result is remembered for the page; one that failed (the add-on not loaded) is tried again.
 */
export function hashEmailWith(
  value: unknown,
  sha256: (text: string) => string | PromiseLike<string>,
): Promise<EmailHashResult> {
  if (value !== hashingAddress) {
    hashingAddress = value;
    (hashing = digestEmail(value, sha256)).catch(() => (hashingAddress = NaN));
  }
  return hashing;
}

/** Checks the value (see prepareEmail), then digests it: with WebCrypto where present, else with `sha256`. */
async function digestEmail(
  value: unknown,
  sha256: (text: string) => string | PromiseLike<string>,
): Promise<EmailHashResult> {
  const prepared = prepareEmail(value);
  if (typeof prepared !== 'string') return prepared;
  const subtle = globalThis.crypto?.subtle;
  let digest = '';
  if (subtle)
    for (const byte of new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(prepared))))
      digest += (byte + 0x100).toString(16).slice(1);
  else digest = await sha256(prepared);
  return { digest };
}
