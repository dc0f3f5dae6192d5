let roundConstants: number[] | undefined;
let initialHash: number[] | undefined;

/**
 * Derives the 64 round constants and 8 initial words, the first 32 bits of the fractional parts of
 * the cube and square roots of the first primes, instead of shipping 72 literals (about 190 B gzip
 * more, to save a fresh page about 0.2 ms). Trial division stops at a candidate's first divisor.
 */
function deriveConstants(): void {
  roundConstants = [];
  initialHash = [];
  candidates: for (let candidate = 2; roundConstants.length < 64; candidate++) {
    for (let divisor = 2; divisor * divisor <= candidate; divisor++)
      if (candidate % divisor === 0) continue candidates;
    if (initialHash.length < 8) initialHash.push(((Math.sqrt(candidate) % 1) * 2 ** 32) | 0);
    roundConstants.push(((Math.cbrt(candidate) % 1) * 2 ** 32) | 0);
  }
}

/**
 * Synchronous SHA-256 of a string's UTF-8 bytes (a lone surrogate counts as U+FFFD), as lower-case hex.
 *
 * Tags data elements must return their value synchronously and WebCrypto is asynchronous (and absent
 * on insecure pages), so the collector carries this small implementation of FIPS 180-4.
 */
export function sha256Hex(text: string): string {
  if (!roundConstants) deriveConstants();
  let hash = initialHash!;
  // UTF-8 bytes, one per character of a binary string: the engine's own `encodeURIComponent` costs a
  // fresh page a tenth of what the first `TextEncoder` does. It refuses a lone surrogate, which
  // becomes U+FFFD first, as TextEncoder makes it (with `u`, the class matches only unpaired ones).
  const bytes = unescape(encodeURIComponent(text.replace(/[\ud800-\udfff]/gu, '\ufffd')));
  const length = bytes.length;
  // Big-endian words of the message, the 0x80 marker, zero padding and the 64-bit bit length: whole
  // 16-word blocks. Packed by hand, not through a DataView, whose first use on a page costs more.
  // The length's high word stays 0: a string holds fewer than 2^29 characters (V8's limit).
  const message = new Int32Array(((length + 72) >> 6) << 4);
  for (let i = 0; i <= length; i++)
    message[i >> 2]! |= (i < length ? bytes.charCodeAt(i) : 0x80) << (24 - (i & 3) * 8);
  message[message.length - 1] = length << 3;

  const words: number[] = [];
  for (let offset = 0; offset < message.length; offset += 16) {
    let [a, b, c, d, e, f, g, h] = hash as [number, number, number, number, number, number, number, number];
    for (let i = 0; i < 64; i++) {
      // The message schedule, one word ahead of the round that uses it.
      if (i < 16) {
        words[i] = message[offset + i]!;
      } else {
        const w15 = words[i - 15]!;
        const w2 = words[i - 2]!;
        const s0 = rotate(w15, 7) ^ rotate(w15, 18) ^ (w15 >>> 3);
        const s1 = rotate(w2, 17) ^ rotate(w2, 19) ^ (w2 >>> 10);
        words[i] = (words[i - 16]! + s0 + words[i - 7]! + s1) | 0;
      }
      const t1 =
        (h +
          (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) +
          ((e & f) ^ (~e & g)) +
          roundConstants![i]! +
          words[i]!) |
        0;
      const t2 = ((rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    hash = hash.map((word, i) => (word + [a, b, c, d, e, f, g, h][i]!) | 0);
  }
  return hash.map((word) => (word >>> 0).toString(16).padStart(8, '0')).join('');
}

function rotate(value: number, bits: number): number {
  return (value >>> bits) | (value << (32 - bits));
}
