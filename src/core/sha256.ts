let roundConstants: number[] | undefined;
let initialHash: number[] | undefined;

/** The first 32 bits of the fractional part of `root(prime)`, as SHA-256 defines its constants. */
function fractionBits(value: number): number {
  return ((value - Math.floor(value)) * 0x100000000) | 0;
}

/** Derives the 64 round constants and 8 initial words instead of shipping 72 literals. */
function deriveConstants(): void {
  roundConstants = [];
  initialHash = [];
  for (let candidate = 2; roundConstants.length < 64; candidate++) {
    let isPrime = true;
    for (let divisor = 2; divisor * divisor <= candidate; divisor++) {
      if (candidate % divisor === 0) isPrime = false;
    }
    if (!isPrime) continue;
    if (initialHash.length < 8) initialHash.push(fractionBits(Math.sqrt(candidate)));
    roundConstants.push(fractionBits(Math.cbrt(candidate)));
  }
}

/**
 * Synchronous SHA-256 of a string's UTF-8 bytes, as lower-case hex.
 *
 * Tags data elements must return their value synchronously and WebCrypto is asynchronous (and absent
 * on insecure pages), so the collector carries this small implementation of FIPS 180-4.
 */
export function sha256Hex(text: string): string {
  if (!roundConstants) deriveConstants();
  const k = roundConstants!;
  const hash = initialHash!.slice();
  const bytes = new TextEncoder().encode(text);
  const bitLength = bytes.length * 8;
  // Message, the 0x80 marker, zero padding, then the 64-bit length: a whole number of 64-byte blocks.
  const padded = new Uint8Array(((bytes.length + 72) >> 6) << 6);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
  view.setUint32(padded.length - 4, bitLength >>> 0);

  const words = new Array<number>(64);
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 64; i++) {
      if (i < 16) {
        words[i] = view.getUint32(offset + i * 4);
      } else {
        const w15 = words[i - 15]!;
        const w2 = words[i - 2]!;
        const s0 = rotate(w15, 7) ^ rotate(w15, 18) ^ (w15 >>> 3);
        const s1 = rotate(w2, 17) ^ rotate(w2, 19) ^ (w2 >>> 10);
        words[i] = (words[i - 16]! + s0 + words[i - 7]! + s1) | 0;
      }
    }
    let [a, b, c, d, e, f, g, h] = hash as [number, number, number, number, number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const t1 =
        (h + (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) + ((e & f) ^ (~e & g)) + k[i]! + words[i]!) | 0;
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
    const next = [a, b, c, d, e, f, g, h];
    for (let i = 0; i < 8; i++) hash[i] = (hash[i]! + next[i]!) | 0;
  }
  let hex = '';
  for (const word of hash) hex += (word >>> 0).toString(16).padStart(8, '0');
  return hex;
}

function rotate(value: number, bits: number): number {
  return (value >>> bits) | (value << (32 - bits));
}
