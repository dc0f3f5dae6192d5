/**
 * Makes a random version-4 UUID, used for each event's `_id` and each request's `requestId`.
 *
 * `crypto.randomUUID` where the page has it (secure contexts, Node 20): the fallback's first calls
 * on a page cost its first send 0.4–0.9 ms of main thread (`bench/profileCold.mjs`), this ~0.
 * Elsewhere (plain `http:` pages) it is built from `getRandomValues`: in the template, each `0` or
 * `1` becomes a random hex digit, the `4` stays (the version) and the `8` becomes 8, 9, a or b
 * (the RFC 9562 variant).
 */
export function createUuid(): string {
  const { crypto } = globalThis;
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(31));
  let index = 0;
  return '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (digit) =>
    (+digit ^ (bytes[index++]! & (15 >> (+digit / 4)))).toString(16),
  );
}
