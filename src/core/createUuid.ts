/**
 * Makes a random version-4 UUID, used for each event's `_id` and each request's `requestId`.
 *
 * `crypto.randomUUID` exists only in secure contexts, so this builds the UUID from
 * `getRandomValues`, which every browser and Node 20 offer on plain `http:` pages too.
 */
export function createUuid(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  let hex = '';
  for (const byte of bytes) hex += (byte + 0x100).toString(16).slice(1);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
